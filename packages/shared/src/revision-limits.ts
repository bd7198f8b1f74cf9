// Limits of a note's revisions, in a module without zod: the save path and the web app import them
// without the revision schemas.
export const revisionLimits = {
  /** Revisions kept per note: a new one beyond this deletes the oldest. */
  maxPerNote: 50,
  /** Days a revision is kept. */
  retentionDays: 30,
  /** Autosave keeps at most one revision per note in this window (an overwrite or a restore always keeps one). */
  coalesceMinutes: 10,
} as const;
