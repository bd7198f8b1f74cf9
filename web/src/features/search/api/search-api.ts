import { searchNotesRoute } from '@jotter/shared/contract/search';
import { api } from '../../../lib/api';

export const SEARCH_PAGE_SIZE = 20;

export const searchApi = {
  /** The best matches among all the user's notes (not only the ones the list has loaded). */
  search: (q: string, signal?: AbortSignal) => api(searchNotesRoute, { query: { q, limit: SEARCH_PAGE_SIZE }, signal }),
};
