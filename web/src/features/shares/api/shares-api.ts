import { createShareRoute, deleteShareRoute, listSharesRoute } from '@jotter/shared/contract/shares';
import { api } from '../../../lib/api';

export const sharesApi = {
  /** A new link; its URL is in this answer only. */
  create: (noteId: string, expiresInDays?: number) => api(createShareRoute, { params: { noteId }, body: expiresInDays ? { expiresInDays } : {} }),
  list: (noteId: string) => api(listSharesRoute, { params: { noteId } }).then((r) => r.items),
  revoke: (noteId: string, shareId: string) => api(deleteShareRoute, { params: { noteId, shareId } }),
};
