// Each table record has a TypeScript type (what the domain code reads and writes) and a Dynamoose
// schema (what Dynamoose validates and saves). They cannot share one declaration, so this test
// proves they agree: a sample typed `Required<Record>` must name every field of the type and no
// other (the compiler checks that), and the schema must declare exactly those fields, each with
// the type of the sample's value.
import {
  attachmentRecordSchema,
  keyItemRecordSchema,
  noteRecordSchema,
  shareItemRecordSchema,
  type ApiKeyCountRecord,
  type ApiKeyRecord,
  type ApiKeyUsageRecord,
  type AttachmentRecord,
  type NoteRecord,
  type ShareRecord,
  type ShareTokenRecord,
} from './models';

const time = '2026-07-14T09:30:00.000Z';
const attachment: Required<AttachmentRecord> = {
  attachmentId: 'a',
  fileName: 'f.txt',
  contentType: 'text/plain',
  size: 1,
  status: 'ready',
  createdAt: time,
  etag: 'e',
};
const note: Required<NoteRecord> = {
  pk: 'USER#s',
  sk: 'NOTE#n',
  gsi1pk: 'USER#s#active',
  gsi1sk: `${time}#n`,
  gsi2pk: 'TRASH',
  gsi2sk: `${time}#s#n`,
  type: 'note',
  state: 'active',
  ownerId: 's',
  noteId: 'n',
  title: 't',
  content: 'c',
  version: 1,
  createdAt: time,
  updatedAt: time,
  deletedAt: time,
  attachments: [attachment],
  attachmentsRev: 0,
  gsi3sk: `0#${time}#n`,
  gsi4sk: '1#t',
  tags: ['work'],
  pinned: false,
  tagsRev: 0,
  shareCount: 0,
};
const apiKey: Required<ApiKeyRecord> = {
  pk: 'USER#s',
  sk: 'KEY#k',
  gsi2pk: 'APIKEY#h',
  gsi2sk: 'k',
  type: 'apiKey',
  ownerId: 's',
  keyId: 'k',
  name: 'n',
  createdAt: time,
  lastUsedAt: time,
  gatewayKeyId: 'g',
};
const usage: Required<ApiKeyUsageRecord> = { pk: 'USER#s', sk: 'KEY#k#DAY#2026-07-14', type: 'apiKeyUsage', keyId: 'k', day: '2026-07-14', requests: 1, lastUsedAt: time, expiresAt: 1 };
const count: Required<ApiKeyCountRecord> = { pk: 'USER#s', sk: 'KEYS', type: 'apiKeyCount', keyCount: 1 };

const share: Required<ShareRecord> = { pk: 'USER#s', sk: 'SHARE#n#h', type: 'share', shareId: 'h', noteId: 'n', tokenHash: 'x', createdAt: time, expiry: time };
const shareToken: Required<ShareTokenRecord> = { pk: 'SHARE#x', sk: 'TOKEN', type: 'shareToken', ownerId: 's', noteId: 'n', shareId: 'h', createdAt: time, expiresAt: 1, views: 0 };

/** DynamoDB's type letter for a value: S string, N number, L list, M map. */
const jsType = (value: unknown) => (Array.isArray(value) ? 'L' : typeof value === 'string' ? 'S' : typeof value === 'number' ? 'N' : typeof value === 'boolean' ? 'BOOL' : 'M');

/** Top-level attribute → its Dynamoose type name. */
function declared(schema: typeof noteRecordSchema): Record<string, string> {
  return Object.fromEntries(schema.attributes().filter((a: string) => !a.includes('.')).map((a: string) => [a, String(schema.getAttributeType(a))]).sort());
}
/** Field → type name of the samples' values (fields of several samples must agree). */
function typed(...samples: object[]): Record<string, string> {
  const fields: Record<string, string> = {};
  for (const sample of samples) for (const [key, value] of Object.entries(sample)) fields[key] = jsType(value);
  return Object.fromEntries(Object.entries(fields).sort());
}

describe('table records: the TypeScript type and the Dynamoose schema agree', () => {
  it('note', () => expect(declared(noteRecordSchema)).toEqual(typed(note)));
  it('attachment (inside a note)', () => expect(declared(attachmentRecordSchema)).toEqual(typed(attachment)));
  it('API key items (key, day usage, key count share one schema)', () => expect(declared(keyItemRecordSchema)).toEqual(typed(apiKey, usage, count)));
  it('share items (share and share token share one schema)', () => expect(declared(shareItemRecordSchema())).toEqual(typed(share, shareToken)));
});
