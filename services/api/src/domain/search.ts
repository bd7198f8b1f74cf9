// Search over a user's notes: the query side (GET /search, /v1/search) and the indexing side (the
// table's stream). Both go through `SearchBackend`, the one seam a managed engine (OpenSearch)
// would replace for users who outgrow a per-user index (docs/search.md).
import { createHash } from 'node:crypto';
import type { AttributeValue } from '@aws-sdk/client-dynamodb';
import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { SearchHit, SearchQuery, SearchResults } from '@jotter/shared/search';
import { noteKeys, searchKeys } from '@jotter/shared/server/keys';
import type { NoteRecord, SearchManifestRecord } from '@jotter/shared/server/models';
import { log } from '#log';
import { readDeletionState } from './account-table';
import { queryAll } from './dynamodb';
import { InvalidCursorError } from './errors';
import { NoteIndex, searchDocument, type Hit } from './search-index';
import { applyChanges, commitDelta, commitIndex, CorruptIndexError, deleteIndex, forget, loadIndex, maxDeltaChanges, readDelta, readManifest, requestRepair, type IndexChange, type Manifest } from './search-store';
import { parseQuery, snippet, type ParsedQuery } from './search-text';

/** A change to one note's searchable state: its record now, or undefined when it is gone. */
export type NoteChange = { noteId: string; record: NoteRecord | undefined };

export interface SearchBackend {
  /** One page of the user's hits, best first, and whether more follow. */
  search(sub: string, query: ParsedQuery, page: { tag?: string; offset: number; limit: number }): Promise<{ items: SearchHit[]; more: boolean }>;
  /** Applies changes (in order) to the user's index. */
  apply(sub: string, changes: NoteChange[]): Promise<void>;
  /** Builds the user's index again from the table. */
  rebuild(sub: string): Promise<void>;
}

function toHit(index: NoteIndex, { id, score, terms }: Hit): SearchHit[] {
  const document = index.document(id);
  if (!document) return [];
  const matched = new Set(terms);
  return [
    {
      noteId: document.id,
      title: document.title,
      snippet: snippet(document.content || document.files, (term) => matched.has(term)),
      score: Math.round(score * 1000) / 1000,
      updatedAt: document.updatedAt,
      tags: document.tags,
      pinned: document.pinned,
    },
  ];
}

/** The user's active notes, read strongly consistently from their partition. */
async function indexFromTable(sub: string): Promise<NoteIndex> {
  const notes = await queryAll<NoteRecord>({
    KeyConditionExpression: 'pk = :pk AND begins_with(sk, :notes)',
    ExpressionAttributeValues: marshall({ ':pk': noteKeys.pk(sub), ':notes': noteKeys.sk('') }),
    ConsistentRead: true,
  });
  return NoteIndex.of(notes.flatMap((note) => searchDocument(note) ?? []));
}

/** Attempts of an index update that keeps losing the race to other writers of the same index. */
const maxCommitAttempts = 8;

const indexFull = (sub: string) => (noteId: string) => log.error('search index full; note not indexed', { sub, noteId });

/**
 * Read the manifest and the index it names, write the next version, commit it conditionally; on a
 * lost race, again from the winner's. `write` gets the current index (undefined: none, unreadable
 * or to be repaired) with its delta, and says whether its commit won.
 */
async function updateIndex(sub: string, write: (manifest: Manifest | undefined, current: { index: NoteIndex; delta: IndexChange[] } | undefined) => Promise<boolean>): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    const manifest = await readManifest(sub);
    let current: { index: NoteIndex; delta: IndexChange[] } | undefined;
    if (manifest?.objectKey && !manifest.repairRequested) {
      try {
        current = { index: await loadIndex(sub, manifest, indexFull(sub)), delta: await readDelta(manifest) };
      } catch (error) {
        if (!(error instanceof CorruptIndexError)) throw error;
        log.warn('search index unreadable; rebuilding it', { sub, reason: error.message });
      }
    }
    let committed = false;
    try {
      committed = await write(manifest, current);
    } finally {
      // `write` changed the held index in place: only a committed one is that version's.
      if (!committed) forget(sub);
    }
    if (committed) return;
    if (attempt >= maxCommitAttempts) throw new Error(`The search index of ${sub} kept changing under ${attempt} updates`);
    await new Promise((resolve) => setTimeout(resolve, Math.random() * 20 * attempt));
  }
}

/** The user's index, or undefined when there is none yet or it is broken (a repair is then asked for). */
async function readableIndex(sub: string, manifest: Manifest | undefined): Promise<NoteIndex | undefined> {
  if (!manifest?.objectKey || manifest.version === undefined) return undefined;
  try {
    return await loadIndex(sub, manifest);
  } catch (error) {
    if (!(error instanceof CorruptIndexError)) throw error;
    log.warn('search index unreadable', { reason: error.message });
    return undefined;
  }
}

/** One MiniSearch index per user in S3, with its manifest in the table (search-store.ts). */
export const perUserIndexBackend: SearchBackend = {
  async search(sub, query, { tag, offset, limit }) {
    let manifest = await readManifest(sub);
    let index = await readableIndex(sub, manifest);
    // An object read a moment ago may be gone with a newer version: read the manifest once more.
    if (!index && manifest?.objectKey) {
      const again = await readManifest(sub);
      if (again?.version !== manifest.version) index = await readableIndex(sub, (manifest = again));
    }
    // No index yet (a user from before search existed) or a broken one: the indexer rebuilds it,
    // outside this request; until then there is nothing to find.
    if (!index) {
      await requestRepair(sub, manifest);
      return { items: [], more: false };
    }
    const hits = index.search(query, tag);
    return { items: hits.slice(offset, offset + limit).flatMap((hit) => toHit(index, hit)), more: hits.length > offset + limit };
  },

  async apply(sub, changes) {
    await updateIndex(sub, async (manifest, current) => {
      // Without an index the table is the truth, fresher than these changes.
      if (!manifest || !current) return commitIndex(sub, manifest, await indexFromTable(sub));
      const version = manifest.version! + 1;
      const added = changes.map(({ noteId, record }) => ({ id: noteId, v: version, document: (record && searchDocument(record)) ?? null }));
      applyChanges(current.index, added, indexFull(sub));
      const delta = [...current.delta, ...added];
      // A small change is a small object; the whole index is rewritten once the delta has grown.
      return delta.length > maxDeltaChanges ? commitIndex(sub, manifest, current.index) : commitDelta(sub, manifest, delta, current.index);
    });
  },

  async rebuild(sub) {
    await updateIndex(sub, async (manifest) => commitIndex(sub, manifest, await indexFromTable(sub)));
  },
};

export const searchBackend: SearchBackend = perUserIndexBackend;

/** Hits past this many are not paged to (a query that broad wants more words). */
const maxOffset = 1_000;

const fingerprint = (query: SearchQuery) => createHash('sha256').update(`${query.q}\n${query.tag ?? ''}`).digest('base64url').slice(0, 12);

function decodeSearchCursor(cursor: string, query: SearchQuery): number {
  try {
    const { o, f } = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as { o?: unknown; f?: unknown };
    if (typeof o === 'number' && Number.isInteger(o) && o > 0 && o <= maxOffset && f === fingerprint(query)) return o;
  } catch {
    // Falls through to the error below.
  }
  throw new InvalidCursorError();
}

/** GET /search: one page of the user's hits. A cursor is valid only for the query it came from. */
export async function searchNotes(sub: string, query: SearchQuery): Promise<SearchResults> {
  const offset = query.cursor ? decodeSearchCursor(query.cursor, query) : 0;
  const { items, more } = await searchBackend.search(sub, parseQuery(query.q), { tag: query.tag, offset, limit: query.limit });
  const next = offset + query.limit;
  return { items, nextCursor: more && next <= maxOffset ? Buffer.from(JSON.stringify({ o: next, f: fingerprint(query) })).toString('base64url') : null };
}

/** A record of the table's stream, as Lambda delivers it (the parts indexing reads). */
export interface StreamRecord {
  eventName?: 'INSERT' | 'MODIFY' | 'REMOVE';
  dynamodb?: { Keys?: Record<string, unknown>; NewImage?: Record<string, unknown> };
}

const image = (value: Record<string, unknown>) => unmarshall(value as Record<string, AttributeValue>);
const userOf = (pk: string) => (pk.startsWith('USER#') ? pk.slice('USER#'.length) : undefined);

/**
 * Indexes a batch of stream records: note writes become changes of their owner's index (the last
 * record of a note wins; records arrive in order per item), a repair request a rebuild. Other
 * items (tags, keys, the manifests the indexer itself writes) are ignored.
 */
export async function indexStreamRecords(records: StreamRecord[]): Promise<{ users: number; changes: number; rebuilds: number }> {
  const changes = new Map<string, Map<string, NoteRecord | undefined>>();
  const rebuilds = new Set<string>();
  for (const record of records) {
    const keys = record.dynamodb?.Keys ? (image(record.dynamodb.Keys) as { pk?: string; sk?: string }) : {};
    const sub = keys.pk ? userOf(keys.pk) : undefined;
    if (!sub || !keys.sk) continue;
    const next = record.eventName !== 'REMOVE' && record.dynamodb?.NewImage ? image(record.dynamodb.NewImage) : undefined;
    if (keys.sk === searchKeys.sk) {
      if ((next as SearchManifestRecord | undefined)?.repairRequested) rebuilds.add(sub);
    } else if (keys.sk.startsWith(noteKeys.sk(''))) {
      const notes = changes.get(sub) ?? new Map<string, NoteRecord | undefined>();
      notes.set(keys.sk.slice(noteKeys.sk('').length), next as NoteRecord | undefined);
      changes.set(sub, notes);
    }
  }
  // A deleted (or deleting) account's notes leave through the stream too: its index is not rebuilt.
  for (const sub of new Set([...rebuilds, ...changes.keys()])) {
    if (!(await readDeletionState(sub))) continue;
    rebuilds.delete(sub);
    changes.delete(sub);
  }
  let count = 0;
  for (const sub of rebuilds) await searchBackend.rebuild(sub);
  for (const [sub, notes] of changes) {
    if (rebuilds.has(sub)) continue;
    count += notes.size;
    await searchBackend.apply(sub, [...notes].map(([noteId, record]) => ({ noteId, record })));
  }
  // An account whose deletion began while this batch was being indexed: its deletion may already
  // have swept the partition and the index, so what was just written goes too. (A commit before
  // the marker is swept by the deletion, which starts after the marker.)
  for (const sub of new Set([...rebuilds, ...changes.keys()])) {
    if (await readDeletionState(sub)) await deleteIndex(sub);
  }
  return { users: new Set([...rebuilds, ...changes.keys()]).size, changes: count, rebuilds: rebuilds.size };
}
