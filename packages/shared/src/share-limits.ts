// Limits of public share links, in a module without zod so the web app can import them for free.
export const shareLimits = {
  /** Live (not revoked) links per note. */
  maxSharesPerNote: 20,
  expiresInDaysMin: 1,
  expiresInDaysMax: 365,
  /** Lifetime of an attachment's presigned GET on the public page. */
  downloadUrlSeconds: 300,
} as const;

/** The path of a link's public page in the web app. */
export const sharePagePath = (token: string) => `/s/${token}`;
