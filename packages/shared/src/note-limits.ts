// Limits of notes (the REST contract), in a module without zod so the web app can import them
// without pulling the schemas into its bundle.
export const noteLimits = {
  titleMax: 200,
  contentMax: 100_000,
  pageDefault: 20,
  pageMax: 100,
  tagsMax: 20,
  tagMax: 40,
} as const;

/** The title a note is saved and shown with when it has none. */
export const UNTITLED = 'Untitled';
