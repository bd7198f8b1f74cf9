// One user's search index in memory: MiniSearch (BM25+ ranking, prefix and fuzzy matching on a
// radix tree) over the documents below. Storage-free: search-store.ts loads and saves it.
import MiniSearch, { type SearchResult } from 'minisearch';
import type { NoteRecord } from '@jotter/shared/server/models';
import { normalizeTerm, phraseMatcher, stripMarkdown, words, type ParsedQuery } from './search-text';

/** What is indexed (and stored, so a document can be removed exactly and a snippet cut) per note. */
export interface SearchDocument {
  id: string;
  title: string;
  /** The content as plain text, at most `maxIndexedContent` characters. */
  content: string;
  tags: string[];
  /** Attachment file names, one per line. */
  files: string;
  updatedAt: string;
  pinned: boolean;
}

export const indexLimits = {
  /** Characters of a note's text that are indexed: memory stays bounded at 100 kB notes. */
  maxIndexedContent: 20_000,
  /**
   * Notes per index (~450 MB of heap at ~1 KB each). Beyond it a note is not indexed (logged); such
   * a user is past the point of moving to a managed engine (docs/search.md).
   */
  maxDocuments: 30_000,
} as const;

const fields = ['title', 'content', 'tags', 'files'] as const;

/** A document as MiniSearch stores it: tags one per line. */
type StoredFields = Omit<SearchDocument, 'id' | 'tags'> & { tags: string };
const tagsOf = (stored: string) => (stored ? stored.split('\n') : []);

const options = {
  fields: [...fields],
  storeFields: ['title', 'content', 'tags', 'files', 'updatedAt', 'pinned'],
  // Stored fields go through it too: tags are kept one per line.
  extractField: (document: SearchDocument, field: string) => {
    const value = document[field as keyof SearchDocument];
    return Array.isArray(value) ? value.join('\n') : (value as string | boolean);
  },
  tokenize: words,
  // Terms arrive normalized from `words`.
  processTerm: (term: string) => term,
  // Removal is exact (the stored fields are the indexed ones), so nothing is left to vacuum.
  autoVacuum: false,
};

/** The document of an active note; undefined for anything that is not searchable. */
export function searchDocument(record: NoteRecord): SearchDocument | undefined {
  if (record.type !== 'note' || record.state !== 'active') return undefined;
  return {
    id: record.noteId,
    title: record.title,
    content: stripMarkdown(record.content ?? '').slice(0, indexLimits.maxIndexedContent),
    tags: record.tags ?? [],
    files: (record.attachments ?? []).map((a) => a.fileName).join('\n'),
    updatedAt: record.updatedAt,
    pinned: record.pinned ?? false,
  };
}

export interface Hit {
  id: string;
  score: number;
  updatedAt: string;
  /** The index terms that matched (normalized): what the snippet highlights. */
  terms: string[];
}

/** A term of 5+ letters may have one typo. */
const fuzziness = (term: string) => (term.length >= 5 ? 1 : false);

export class NoteIndex {
  private constructor(private readonly mini: MiniSearch<SearchDocument>) {}

  static empty(): NoteIndex {
    return new NoteIndex(new MiniSearch<SearchDocument>(options));
  }

  static of(documents: SearchDocument[]): NoteIndex {
    const index = NoteIndex.empty();
    index.mini.addAll(documents.slice(0, indexLimits.maxDocuments));
    return index;
  }

  /** Reads what `toJSON` wrote; throws on anything else (the caller treats that as corrupt). */
  static fromJSON(json: unknown): NoteIndex {
    return new NoteIndex(MiniSearch.loadJS(json as Parameters<typeof MiniSearch.loadJS>[0], options));
  }

  toJSON() {
    return this.mini.toJSON();
  }

  get size(): number {
    return this.mini.documentCount;
  }

  /** Adds or replaces a note's document; false when the index is full. */
  put(document: SearchDocument): boolean {
    this.remove(document.id);
    if (this.mini.documentCount >= indexLimits.maxDocuments) return false;
    this.mini.add(document);
    return true;
  }

  remove(noteId: string): void {
    const stored = this.mini.getStoredFields(noteId) as StoredFields | undefined;
    if (stored) this.mini.remove({ ...stored, tags: tagsOf(stored.tags), id: noteId });
  }

  /** A note's document as indexed. */
  document(noteId: string): SearchDocument | undefined {
    const stored = this.mini.getStoredFields(noteId) as StoredFields | undefined;
    return stored && { ...stored, id: noteId, tags: tagsOf(stored.tags) };
  }

  /**
   * Every hit of the query, best first (score, then the newest). Hits carry only what ranking
   * needs: the caller reads the documents of the page it shows (`document`).
   */
  search(query: ParsedQuery, tag?: string): Hit[] {
    const tags = tag ? [...new Set([...query.tags, tag])] : query.tags;
    const phrases = query.phrases.map(phraseMatcher);
    // Only when there is something to check: on a broad query the callback runs once per match.
    const filter =
      tags.length > 0 || query.phrases.length > 0
        ? (result: SearchResult) => {
            const stored = result as SearchResult & StoredFields;
            const noteTags = tagsOf(stored.tags);
            if (!tags.every((t) => noteTags.includes(t))) return false;
            if (phrases.length === 0) return true;
            // Field by field: a phrase does not run from the title into the text.
            const texts = [stored.title, stored.content, stored.tags, stored.files].map(normalizeTerm);
            return phrases.every((matches) => texts.some(matches));
          }
        : undefined;
    const last = query.terms.length - 1;
    const queries = [
      ...query.terms.map((term, i) => ({ queries: [term], prefix: query.prefixLast && i === last, fuzzy: fuzziness(term) })),
      ...query.phrases.map((phrase) => ({ queries: phrase.split(' '), combineWith: 'AND' as const })),
    ];
    let results: SearchResult[];
    if (queries.length > 0) {
      results = this.mini.search({ combineWith: 'AND', queries }, { boost: { title: 3, tags: 2, files: 1.5 }, ...(filter ? { filter } : {}) });
    } else if (filter) {
      results = this.mini.search(MiniSearch.wildcard, { filter });
    } else return [];
    return results
      .map((result) => ({ id: result.id as string, score: result.score, terms: result.terms, updatedAt: (result as SearchResult & StoredFields).updatedAt }))
      .sort((a, b) => b.score - a.score || b.updatedAt.localeCompare(a.updatedAt));
  }
}
