// Keys of the revision items (layout at the top of models.ts), in their own module: the functions
// that load the note models without saving text do not carry them.
export const revisionKeys = {
  /** Every revision of a note starts with this; the zero-padded number sorts them oldest first. */
  prefix: (noteId: string) => `REV#${noteId}#`,
  sk: (noteId: string, revision: number) => `REV#${noteId}#${String(revision).padStart(10, '0')}`,
};
