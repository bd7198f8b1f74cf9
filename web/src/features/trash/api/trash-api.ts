import type { Note, NoteList } from '@jotter/shared/notes';
import { api } from '../../../lib/api';

const id = (noteId: string) => encodeURIComponent(noteId);

export const trashApi = {
  list: (cursor?: string | null, signal?: AbortSignal) => api<NoteList>('/trash', { query: { limit: 50, cursor }, signal }),
  restore: (noteId: string) => api<Note>(`/trash/${id(noteId)}/restore`, { method: 'POST' }),
  /** Deleted for good, attachments too. */
  destroy: (noteId: string) => api<void>(`/trash/${id(noteId)}`, { method: 'DELETE' }),
};
