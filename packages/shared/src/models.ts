// Dynamoose models of the single table (services/api/resources/table.yml). Key layout:
//
//   item         pk             sk                   gsi1pk (byOwnerUpdated)   gsi1sk             gsi2pk/gsi2sk (byLookup)
//   note         USER#<sub>     NOTE#<noteId>        USER#<sub>#active|trash   <time>#<noteId>    TRASH / <deletedAt>#<sub>#<noteId> (trash only)
//
// A user's notes are one partition (ownership is the key itself), listed newest first through
// byOwnerUpdated; the trash shares the index under another partition value. byLookup serves
// maintenance jobs (the trash purge) without a Scan.
import * as dynamoose from 'dynamoose';
import type { Item } from 'dynamoose/dist/Item';
import type { Attachment } from './notes';

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
  attachments: Attachment[];
}

export const noteKeys = {
  pk: (sub: string) => `USER#${sub}`,
  sk: (noteId: string) => `NOTE#${noteId}`,
  listPartition: (sub: string, state: NoteState) => `USER#${sub}#${state}`,
  listSort: (time: string, noteId: string) => `${time}#${noteId}`,
  trashPartition: 'TRASH',
  trashSort: (deletedAt: string, sub: string, noteId: string) => `${deletedAt}#${sub}#${noteId}`,
};

const attachmentSchema = new dynamoose.Schema({
  attachmentId: { type: String, required: true },
  fileName: { type: String, required: true },
  contentType: { type: String, required: true },
  size: { type: Number, required: true },
  status: { type: String, required: true, enum: ['pending', 'ready', 'failed'] },
  createdAt: { type: String, required: true },
});

const noteSchema = new dynamoose.Schema(
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
    attachments: { type: Array, schema: [{ type: Object, schema: attachmentSchema }], default: [] },
  },
  { saveUnknown: false },
);

export type NoteItem = Item & NoteRecord;

/**
 * Binds the models to a table. Tables are created by CloudFormation (or, locally, by the stack
 * orchestrator from the same definition), so Dynamoose must never create or wait for them.
 */
export function defineModels(tableName: string) {
  const Note = dynamoose.model<NoteItem>('Note', noteSchema, { create: false, waitForActive: false });
  const table = new dynamoose.Table(tableName, [Note], {
    create: false,
    waitForActive: false,
    update: false,
  });
  return { Note, table };
}

export type Models = ReturnType<typeof defineModels>;
