// Limits of attachments (the REST contract), in a module without zod so the web app can
// import them without pulling the schemas into its bundle.
export const attachmentLimits = {
  maxBytes: 10 * 1024 * 1024,
  perNote: 20,
  fileNameMax: 255,
  /** How long an upload or download URL stays valid. */
  uploadUrlSeconds: 15 * 60,
  downloadUrlSeconds: 5 * 60,
} as const;

/** The pattern a declared content type must match (a MIME type like `image/png`). */
export const contentTypePattern = /^[a-z0-9][a-z0-9!#$&^_.+-]*\/[a-z0-9][a-z0-9!#$&^_.+-]*$/i;
