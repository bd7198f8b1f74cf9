import { deleteNoteForeverRoute, listTrashRoute, restoreNoteRoute } from '@jotter/shared/contract/trash';
import { api } from '../../../lib/api';

export const trashApi = {
  list: (cursor?: string | null, signal?: AbortSignal) => api(listTrashRoute, { query: { limit: 50, cursor }, signal }),
  restore: (noteId: string) => api(restoreNoteRoute, { params: { noteId } }),
  /** Deleted for good, attachments too. */
  destroy: (noteId: string) => api(deleteNoteForeverRoute, { params: { noteId } }),
};
