import type { CreateNoteRequest, Note, NoteList, UpdateNoteRequest } from '@jotter/shared/notes';
import { api } from '../../../lib/api';

const id = (noteId: string) => encodeURIComponent(noteId);

export const PAGE_SIZE = 30;

export const notesApi = {
  list: (cursor?: string | null, signal?: AbortSignal) => api<NoteList>('/notes', { query: { limit: PAGE_SIZE, cursor }, signal }),
  get: (noteId: string, signal?: AbortSignal) => api<Note>(`/notes/${id(noteId)}`, { signal }),
  create: (body: CreateNoteRequest) => api<Note>('/notes', { method: 'POST', body }),
  update: (noteId: string, body: UpdateNoteRequest) => api<Note>(`/notes/${id(noteId)}`, { method: 'PUT', body }),
  /** Moves the note to the trash (204). */
  remove: (noteId: string) => api<void>(`/notes/${id(noteId)}`, { method: 'DELETE' }),
  /** Undo of a delete: brings the note back from the trash. */
  restore: (noteId: string) => api<Note>(`/trash/${id(noteId)}/restore`, { method: 'POST' }),
};
