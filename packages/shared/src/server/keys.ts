// The table's keys and index names (layout at the top of models.ts), without Dynamoose: code that
// talks to the table with the raw client (search, /v1, public shares: bundles that must stay
// small) imports them from here; models.ts re-exports them.
import { titleSortKey } from '../notes';
import type { NoteState, NoteSortKeys } from './models';

export const indexes = { byOwnerUpdated: 'byOwnerUpdated', byOwnerCreated: 'byOwnerCreated', byOwnerTitle: 'byOwnerTitle', byLookup: 'byLookup' } as const;

export const noteKeys = {
  pk: (sub: string) => `USER#${sub}`,
  sk: (noteId: string) => `NOTE#${noteId}`,
  listPartition: (sub: string, state: NoteState) => `USER#${sub}#${state}`,
  listSort: (time: string, noteId: string) => `${time}#${noteId}`,
  trashPartition: 'TRASH',
  trashSort: (deletedAt: string, sub: string, noteId: string) => `${deletedAt}#${sub}#${noteId}`,
  tagPartition: (sub: string, tag: string) => `USER#${sub}#tag#${tag}`,
  tagSk: (tag: string, noteId: string) => `TAG#${tag}#${noteId}`,
  tagCountSk: (tag: string) => `TAGCOUNT#${tag}`,
  tagCountPrefix: 'TAGCOUNT#',
  /** Sort keys of an active note. Pinned is `1` in the newest-first indexes, `0` in the A–Z one. */
  sortKeys: (note: { noteId: string; title: string; createdAt: string; updatedAt: string; pinned?: boolean }): NoteSortKeys => ({
    gsi1sk: `${note.pinned ? 1 : 0}#${note.updatedAt}#${note.noteId}`,
    gsi3sk: `${note.pinned ? 1 : 0}#${note.createdAt}#${note.noteId}`,
    gsi4sk: `${note.pinned ? 0 : 1}#${titleSortKey(note.title)}`,
  }),
};

export const apiKeyKeys = {
  pk: (sub: string) => `USER#${sub}`,
  /** Every key and usage item of a user starts with this (the count item does not). */
  prefix: 'KEY#',
  sk: (keyId: string) => `KEY#${keyId}`,
  usageSk: (keyId: string, day: string) => `KEY#${keyId}#DAY#${day}`,
  countSk: 'KEYS',
  lookup: (hash: string) => `APIKEY#${hash}`,
};

export const shareKeys = {
  pk: (sub: string) => `USER#${sub}`,
  /** Every share item of a note starts with this. */
  notePrefix: (noteId: string) => `SHARE#${noteId}#`,
  sk: (noteId: string, shareId: string) => `SHARE#${noteId}#${shareId}`,
  tokenPk: (tokenHash: string) => `SHARE#${tokenHash}`,
  tokenSk: 'TOKEN',
};

export const revisionKeys = {
  /** Every revision of a note starts with this; the zero-padded number sorts them oldest first. */
  prefix: (noteId: string) => `REV#${noteId}#`,
  sk: (noteId: string, revision: number) => `REV#${noteId}#${String(revision).padStart(10, '0')}`,
};

export const quotaKeys = {
  pk: (sub: string) => `USER#${sub}`,
  sk: (name: string) => `QUOTA#${name}`,
  daySk: (name: string, day: string) => `QUOTA#${name}#${day}`,
};

export const searchKeys = {
  pk: (sub: string) => `USER#${sub}`,
  sk: 'SEARCH',
  /** Immutable: a new object per version, so a reader never sees a half-written index. */
  objectKey: (sub: string, version: number, writer: string) => `search/${sub}/${version}-${writer}.json`,
  /** The changes since the base object, also one immutable object per version. */
  deltaKey: (sub: string, version: number, writer: string) => `search/${sub}/${version}-${writer}.delta.json`,
  prefix: (sub: string) => `search/${sub}/`,
};

export const connectionKeys = {
  /** The owner's item: fan-out finds a user's connections with one Query on their partition. */
  pk: (sub: string) => `USER#${sub}`,
  prefix: 'CONN#',
  sk: (connectionId: string) => `CONN#${connectionId}`,
  /** The connection's own item: $disconnect and $default know only the connection id. */
  byIdPk: (connectionId: string) => `CONN#${connectionId}`,
  byIdSk: 'CONN',
};
