// Limits of API keys, in a module without zod so the web app can import them for free.
export const keyLimits = {
  /** Live keys per user. */
  maxKeysPerUser: 10,
  nameMax: 100,
} as const;
