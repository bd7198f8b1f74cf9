// Dynamoose models of the single table (services/api/resources/table.yml): server code only (the
// web app may not import @jotter/shared/server/*, an ESLint rule). Key layout:
//
//   item         pk             sk                   gsi1pk (byOwnerUpdated)   gsi1sk             gsi2pk/gsi2sk (byLookup)
//   note         USER#<sub>     NOTE#<noteId>        USER#<sub>#active|trash   <time>#<noteId>    TRASH / <deletedAt>#<sub>#<noteId> (trash only)
//   api key      USER#<sub>     KEY#<keyId>          -                         -                  APIKEY#<sha256 of value> / <keyId>
//   key usage    USER#<sub>     KEY#<keyId>#DAY#<yyyy-mm-dd>  (requests, lastUsedAt; expiresAt = TTL)
//   key count    USER#<sub>     KEYS                 (keyCount: live keys, guards the per-user limit)
//
// A user's notes are one partition (ownership is the key itself), listed newest first through
// byOwnerUpdated; the trash shares the index under another partition value. byLookup serves
// maintenance jobs (the trash purge) without a Scan.
import * as dynamoose from 'dynamoose';
import type { Item } from 'dynamoose/dist/Item';
import type { Attachment } from '../notes';

export const indexes = { byOwnerUpdated: 'byOwnerUpdated', byLookup: 'byLookup' } as const;

export type NoteState = 'active' | 'trash';

export interface NoteRecord {
  pk: string;
  sk: string;
  gsi1pk: string;
  gsi1sk: string;
  gsi2pk?: string;
  gsi2sk?: string;
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
}

export type AttachmentRecord = Attachment & { etag?: string };

export const noteKeys = {
  pk: (sub: string) => `USER#${sub}`,
  sk: (noteId: string) => `NOTE#${noteId}`,
  listPartition: (sub: string, state: NoteState) => `USER#${sub}#${state}`,
  listSort: (time: string, noteId: string) => `${time}#${noteId}`,
  trashPartition: 'TRASH',
  trashSort: (deletedAt: string, sub: string, noteId: string) => `${deletedAt}#${sub}#${noteId}`,
};

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
  /** Set once per key and day (the day's first request); the day items carry the exact time. */
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

export const apiKeyKeys = {
  pk: (sub: string) => `USER#${sub}`,
  /** Every key and usage item of a user starts with this (the count item does not). */
  prefix: 'KEY#',
  sk: (keyId: string) => `KEY#${keyId}`,
  usageSk: (keyId: string, day: string) => `KEY#${keyId}#DAY#${day}`,
  countSk: 'KEYS',
  lookup: (hash: string) => `APIKEY#${hash}`,
};

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
