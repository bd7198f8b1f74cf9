import { createNoteRoute, getNoteRoute, listNotesRoute, trashNoteRoute, updateNoteRoute } from '@jotter/shared/contract/notes';
import { restoreNoteRoute } from '@jotter/shared/contract/trash';
import type { CreateNoteRequest, UpdateNoteRequest } from '@jotter/shared/notes';
import { api } from '../../../lib/api';

export const PAGE_SIZE = 30;

export const notesApi = {
  list: (cursor?: string | null, signal?: AbortSignal) => api(listNotesRoute, { query: { limit: PAGE_SIZE, cursor }, signal }),
  get: (noteId: string, signal?: AbortSignal) => api(getNoteRoute, { params: { noteId }, signal }),
  create: (body: CreateNoteRequest) => api(createNoteRoute, { body }),
  update: (noteId: string, body: UpdateNoteRequest) => api(updateNoteRoute, { params: { noteId }, body }),
  /** Moves the note to the trash (204). */
  remove: (noteId: string) => api(trashNoteRoute, { params: { noteId } }),
  /** Undo of a delete: brings the note back from the trash. */
  restore: (noteId: string) => api(restoreNoteRoute, { params: { noteId } }),
};
