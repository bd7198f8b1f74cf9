import { getNoteRoute, listNotesRoute, listTagsRoute, organizeNoteRoute, trashNoteRoute, updateNoteRoute } from '@jotter/shared/contract/notes';
import { restoreNoteRoute } from '@jotter/shared/contract/trash';
import type { CreateNoteRequest, NoteSort, OrganizeNoteRequest, UpdateNoteRequest } from '@jotter/shared/notes';
import { api } from '../../../lib/api';

export const PAGE_SIZE = 30;

/** Which notes the list shows, in which order (GET /notes query). */
export interface ListView {
  sort: NoteSort;
  tag: string | null;
}

export const notesApi = {
  list: (view: ListView, cursor?: string | null, signal?: AbortSignal) =>
    api(listNotesRoute, { query: { limit: PAGE_SIZE, cursor, sort: view.sort === 'updated' ? null : view.sort, tag: view.tag }, signal }),
  get: (noteId: string, signal?: AbortSignal) => api(getNoteRoute, { params: { noteId }, signal }),
  /** Idempotent create under the id the app made: a retry after a lost answer cannot make a second note. */
  create: (noteId: string, body: CreateNoteRequest) => api(updateNoteRoute, { params: { noteId }, body }),
  /** `overwrite`: replaces a version other than the one edited (after a 409); the server keeps its text as a revision. */
  update: (noteId: string, body: UpdateNoteRequest, overwrite = false) => api(updateNoteRoute, { params: { noteId }, query: { overwrite: overwrite ? 'true' : null }, body }),
  /** Tags and pin: never a version conflict with the text. */
  organize: (noteId: string, body: OrganizeNoteRequest) => api(organizeNoteRoute, { params: { noteId }, body }),
  tags: (signal?: AbortSignal) => api(listTagsRoute, { signal }),
  /** Moves the note to the trash (204). */
  remove: (noteId: string) => api(trashNoteRoute, { params: { noteId } }),
  /** Undo of a delete: brings the note back from the trash. */
  restore: (noteId: string) => api(restoreNoteRoute, { params: { noteId } }),
};
