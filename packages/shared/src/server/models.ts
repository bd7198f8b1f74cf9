// Dynamoose models of the single table (services/api/resources/table.yml): server code only (the
// web app may not import @jotter/shared/server/*, an ESLint rule). Key layout:
//
//   item         pk             sk                   gsi1pk (byOwnerUpdated)   gsi1sk             gsi2pk/gsi2sk (byLookup)
//   note         USER#<sub>     NOTE#<noteId>        USER#<sub>#active         <pin>#<updatedAt>#<noteId>
//                                                    USER#<sub>#trash          <deletedAt>#<noteId>   TRASH / <deletedAt>#<sub>#<noteId>
//   note tag     USER#<sub>     TAG#<tag>#<noteId>   USER#<sub>#tag#<tag>      (as its note)      (one per tag of an active note)
//   tag count    USER#<sub>     TAGCOUNT#<tag>       (count: active notes with the tag)
//   api key      USER#<sub>     KEY#<keyId>          -                         -                  APIKEY#<sha256 of value> / <keyId>
//   key usage    USER#<sub>     KEY#<keyId>#DAY#<yyyy-mm-dd>  (requests, lastUsedAt; expiresAt = TTL)
//   key count    USER#<sub>     KEYS                 (keyCount: live keys, guards the per-user limit)
//   quota        USER#<sub>     QUOTA#<name>         (used: the user's running total, e.g. notes)
//   day quota    USER#<sub>     QUOTA#<name>#<yyyy-mm-dd>  (used that UTC day; expiresAt = TTL)
//   share        USER#<sub>     SHARE#<noteId>#<shareId>  (createdAt, expiry, tokenHash: the owner's list;
//                                                    the note's `shareCount` counts them and guards the limit)
//   share token  SHARE#<sha256 of token>  TOKEN      (ownerId, noteId, shareId, views; expiresAt = TTL)
//   revision     USER#<sub>     REV#<noteId>#<revision, 10 digits>  (an earlier text of the note; expiresAt = TTL;
//                                                    the note's `revisions` lists them, oldest first, and bounds their number)
//   search index USER#<sub>     SEARCH               (the S3 key and version of the user's search index)
//   export       USER#<sub>     EXPORT#<exportId>    (status running|ready|failed, readyAt; expiresAt = TTL);
//                                                    its ZIP is s3://<attachments>/exports/<sub>/<exportId>.zip
//   deletion     DELETED#<sub>  ACCOUNT              (state deleting|deleted; expiresAt = TTL): the
//                                                    account is being deleted, its tokens are refused
//   connection   USER#<sub>     CONN#<connectionId>  (an open WebSocket of the user; expiresAt = TTL)
//   connection   CONN#<connectionId>  CONN           (ownerId, the per-second message window; expiresAt = TTL)
//
// A user's notes are one partition (ownership is the key itself), listed newest first through
// byOwnerUpdated; the trash shares the index under another partition value. byOwnerCreated
// (gsi1pk, gsi3sk = <pin>#<createdAt>#<noteId>) and byOwnerTitle (gsi1pk, gsi4sk = <pin>#<title>)
// are the other two orders; <pin> puts pinned notes first in each. A tag's notes are listed through
// the same three indexes from the note-tag items, which carry their note's sort keys (written in
// the same transaction as the note) and point at it. byLookup serves maintenance jobs (the trash
// purge) without a Scan. A public link is found by GetItem on its token's hash (a GSI would be
// eventually consistent: a revoked link could answer for a moment); its views are counted there.
import * as dynamoose from 'dynamoose';
import type { Item } from 'dynamoose/dist/Item';
import type { Attachment } from '../notes';
import { indexes } from './keys';

export { apiKeyKeys, connectionKeys, indexes, noteKeys, quotaKeys, revisionKeys, searchKeys, shareKeys } from './keys';
export { accountKeys, type AccountDeletionRecord } from './account-keys';
export { exportKeys, type ExportRecord } from './export-keys';

export type NoteState = 'active' | 'trash';

export interface NoteRecord {
  pk: string;
  sk: string;
  gsi1pk: string;
  gsi1sk: string;
  gsi2pk?: string;
  gsi2sk?: string;
  /** Active notes only (the created and title orders). */
  gsi3sk?: string;
  gsi4sk?: string;
  type: 'note';
  state: NoteState;
  ownerId: string;
  noteId: string;
  title: string;
  content: string;
  version: number;
  createdAt: string;
  updatedAt: string;
  deletedAt?: string;
  attachments: AttachmentRecord[];
  /** Bumped by every change of `attachments`: their optimistic lock, separate from `version` so an
   * upload finishing never makes the user's next edit a conflict. */
  attachmentsRev?: number;
  tags?: string[];
  pinned?: boolean;
  /** Bumped by every change of tags or pin: the lock that keeps note-tag items and tag counts in
   * step with the note, separate from `version` so organizing never conflicts with editing. */
  tagsRev?: number;
  /** Live public links of the note (share items), changed in their transactions: the per-note
   * limit, and what `shared` of the API's note is made from. */
  shareCount?: number;
}

/**
 * A note's revision bookkeeping, written only with the raw client in the transaction of a save.
 * Not in the Dynamoose schema: Dynamoose never writes a whole note (only partial updates, which
 * keep these), and every function that loads the models would carry the fields.
 */
export interface NoteRevisionFields {
  /** When the last revision of the note was kept: autosave keeps at most one per window. */
  lastRevisionAt?: string;
  /** The revision numbers kept, oldest first: the ones to delete when a new one passes the limit. */
  revisions?: number[];
}

/** An earlier text of a note (written with the raw client, in the save's transaction). */
export interface RevisionRecord {
  pk: string;
  sk: string;
  type: 'revision';
  noteId: string;
  /** The note's version whose text this is. */
  revision: number;
  title: string;
  content: string;
  createdAt: string;
  /** TTL (epoch seconds): the retention in days. */
  expiresAt: number;
}

/** The three sort keys of an active note (and of its note-tag items). */
export interface NoteSortKeys {
  gsi1sk: string;
  gsi3sk: string;
  gsi4sk: string;
}

export interface NoteTagRecord extends NoteSortKeys {
  pk: string;
  sk: string;
  gsi1pk: string;
  type: 'noteTag';
  noteId: string;
  tag: string;
}

export type AttachmentRecord = Attachment & { etag?: string };


export const attachmentRecordSchema = new dynamoose.Schema({
  attachmentId: { type: String, required: true },
  fileName: { type: String, required: true },
  contentType: { type: String, required: true },
  size: { type: Number, required: true },
  status: { type: String, required: true, enum: ['pending', 'ready', 'failed'] },
  createdAt: { type: String, required: true },
  // Reported by S3 when the upload lands; not part of the API shape.
  etag: String,
});

export const noteRecordSchema = new dynamoose.Schema(
  {
    pk: { type: String, hashKey: true },
    sk: { type: String, rangeKey: true },
    gsi1pk: {
      type: String,
      index: { name: indexes.byOwnerUpdated, type: 'global', rangeKey: 'gsi1sk', project: true },
    },
    gsi1sk: String,
    gsi2pk: { type: String, index: { name: indexes.byLookup, type: 'global', rangeKey: 'gsi2sk', project: true } },
    gsi2sk: String,
    gsi3sk: String,
    gsi4sk: String,
    type: { type: String, required: true, enum: ['note'] },
    state: { type: String, required: true, enum: ['active', 'trash'] },
    ownerId: { type: String, required: true },
    noteId: { type: String, required: true },
    title: { type: String, required: true },
    // DynamoDB accepts empty strings for non-key attributes; an empty note body is legitimate.
    content: { type: String, default: '' },
    version: { type: Number, required: true },
    createdAt: { type: String, required: true },
    updatedAt: { type: String, required: true },
    deletedAt: String,
    attachments: { type: Array, schema: [{ type: Object, schema: attachmentRecordSchema }], default: [] },
    attachmentsRev: { type: Number, default: 0 },
    tags: { type: Array, schema: [String] },
    pinned: { type: Boolean },
    tagsRev: { type: Number },
    shareCount: Number,
  },
  { saveUnknown: false },
);

export type NoteItem = Item & NoteRecord;

// API keys (/keys, /v1). The value is never stored, only its SHA-256 (byLookup finds the owner in
// one Query). Usage is one counter item per key and UTC day: the /v1 hot path is a single
// conditional UpdateItem, and a month is the sum of its days (GET /keys reads them in the same
// Query as the keys).
export type KeyItemType = 'apiKey' | 'apiKeyUsage' | 'apiKeyCount';

export interface ApiKeyRecord {
  pk: string;
  sk: string;
  gsi2pk: string;
  gsi2sk: string;
  type: 'apiKey';
  ownerId: string;
  keyId: string;
  name: string;
  createdAt: string;
  /** Set by every /v1 request (in the transaction that checks the key still exists). */
  lastUsedAt?: string;
  /** The API Gateway API key's id (AWS only), to delete it on revocation. */
  gatewayKeyId?: string;
}

export interface ApiKeyUsageRecord {
  pk: string;
  sk: string;
  type: 'apiKeyUsage';
  keyId: string;
  day: string;
  requests: number;
  lastUsedAt: string;
  expiresAt: number;
}

export interface ApiKeyCountRecord {
  pk: string;
  sk: string;
  type: 'apiKeyCount';
  keyCount: number;
}

export type KeyItemRecord = ApiKeyRecord | ApiKeyUsageRecord | ApiKeyCountRecord;


export const keyItemRecordSchema = new dynamoose.Schema(
  {
    pk: { type: String, hashKey: true },
    sk: { type: String, rangeKey: true },
    gsi2pk: { type: String, index: { name: indexes.byLookup, type: 'global', rangeKey: 'gsi2sk', project: true } },
    gsi2sk: String,
    type: { type: String, required: true, enum: ['apiKey', 'apiKeyUsage', 'apiKeyCount'] },
    ownerId: String,
    keyId: String,
    name: String,
    createdAt: String,
    lastUsedAt: String,
    gatewayKeyId: String,
    day: String,
    requests: Number,
    keyCount: Number,
    expiresAt: Number,
  },
  { saveUnknown: false },
);

export type KeyItem = Item & KeyItemRecord;

// Public share links (/notes/{noteId}/shares, /public/shares/{token}). Written and read with the
// raw DynamoDB client (services/api/src/domain/share-table.ts), so the public function's bundle
// carries no Dynamoose; this schema states the records' shape and is checked against the types.
// A function: no bundle builds it (every function that loads the models would carry it otherwise).
export type ShareItemType = 'share' | 'shareToken';

export interface ShareRecord {
  pk: string;
  sk: string;
  type: 'share';
  shareId: string;
  noteId: string;
  tokenHash: string;
  createdAt: string;
  /** When the link stops working (ISO); not `expiresAt`, the table's TTL attribute: the owner's
   * record must outlive its link, it counts in the note's `shareCount` until revoked. */
  expiry?: string;
}

export interface ShareTokenRecord {
  pk: string;
  sk: string;
  type: 'shareToken';
  ownerId: string;
  noteId: string;
  shareId: string;
  createdAt: string;
  /** Epoch seconds when the link stops working: also the table's TTL, which removes the item some
   * time later (the read checks the time itself, TTL deletion is lazy). */
  expiresAt?: number;
  views: number;
}

export type ShareItemRecord = ShareRecord | ShareTokenRecord;

export const shareItemRecordSchema = () =>
  new dynamoose.Schema(
    {
      pk: { type: String, hashKey: true },
      sk: { type: String, rangeKey: true },
      type: { type: String, required: true, enum: ['share', 'shareToken'] },
      shareId: String,
      noteId: String,
      ownerId: String,
      tokenHash: String,
      createdAt: String,
      expiry: String,
      expiresAt: Number,
      views: Number,
    },
    { saveUnknown: false },
  );

// Per-user quotas (services/api/src/domain/quotas.ts): one counter item per quota (and per UTC day
// for daily ones), changed in the same transaction as what it counts.
export interface QuotaRecord {
  pk: string;
  sk: string;
  type: 'quota';
  used: number;
  /** Daily counters only: TTL, some days after their day. */
  expiresAt?: number;
}

// The manifest of a user's search index (services/api/src/domain/search-store.ts): which immutable
// S3 object is current. Written only with a condition on `version`, so of two indexers updating the
// same user's index one wins and the other starts again from the winner's index. `repairRequested`
// asks the indexer (through the table's stream) to rebuild the index from the notes.
export interface SearchManifestRecord {
  pk: string;
  sk: string;
  type: 'searchManifest';
  /** Absent until the first index is written (a repair request can come first). */
  version?: number;
  /** The base object: the whole index as of `baseVersion`. */
  objectKey?: string;
  baseVersion?: number;
  /** The changes since the base (absent right after a base is written). */
  deltaKey?: string;
  /** Notes in the index (base and delta). */
  documents?: number;
  bytes?: number;
  updatedAt: string;
  repairRequested?: boolean;
}


/**
 * Binds the models to a table. Tables are created by CloudFormation (or, locally, by the stack
 * orchestrator from the same definition), so Dynamoose must never create or wait for them.
 */
export function defineModels(tableName: string) {
  const Note = dynamoose.model<NoteItem>('Note', noteRecordSchema, { create: false, waitForActive: false });
  const ApiKeyItem = dynamoose.model<KeyItem>('ApiKeyItem', keyItemRecordSchema, { create: false, waitForActive: false });
  const table = new dynamoose.Table(tableName, [Note, ApiKeyItem], {
    create: false,
    waitForActive: false,
    update: false,
  });
  return { Note, ApiKeyItem, table };
}

export type Models = ReturnType<typeof defineModels>;
