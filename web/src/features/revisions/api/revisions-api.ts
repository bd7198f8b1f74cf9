import { getNoteRoute } from '@jotter/shared/contract/notes';
import { getRevisionRoute, listRevisionsRoute, restoreRevisionRoute } from '@jotter/shared/contract/revisions';
import { api } from '../../../lib/api';

export const revisionsApi = {
  /** The note as it is now: what a revision is compared with, and the version a restore names. */
  current: (noteId: string, signal?: AbortSignal) => api(getNoteRoute, { params: { noteId }, signal }),
  list: (noteId: string, cursor?: string | null, signal?: AbortSignal) => api(listRevisionsRoute, { params: { noteId }, query: { cursor }, signal }),
  get: (noteId: string, revision: number, signal?: AbortSignal) => api(getRevisionRoute, { params: { noteId, revision: String(revision) }, signal }),
  /** The revision's text as the note's next version; `version` is the note's current one. */
  restore: (noteId: string, revision: number, version: number) => api(restoreRevisionRoute, { params: { noteId, revision: String(revision) }, body: { version } }),
};
