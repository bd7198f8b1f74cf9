// Example success bodies for the OpenAPI document, by the id of their schema (`z.meta({ id })`).
// Request examples live on the request schemas (the fuzzer and the bench send them); these live
// here because only the openapi function needs them, and every byte on a shared schema is a byte
// in every function bundle (budget: 150 kB each). openapi.test.ts fails when a route's response
// schema has no example.
const attachment = {
  attachmentId: '8d0c1f5e-2b7a-4e91-b3c4-5a6d7e8f9012',
  fileName: 'receipt.pdf',
  contentType: 'application/pdf',
  size: 48213,
  status: 'pending',
  createdAt: '2026-07-14T09:31:00.000Z',
};
const note = {
  noteId: '3f1c6a53-5b1e-4c43-9a51-8a2d1a0b7e11',
  title: 'Groceries',
  content: 'Milk, eggs',
  version: 1,
  createdAt: '2026-07-14T09:30:00.000Z',
  updatedAt: '2026-07-14T09:30:00.000Z',
  attachments: [],
};

export const responseExamples: Record<string, unknown> = {
  Health: { status: 'ok' },
  Me: { sub: '5b8f2a4e-0c4d-4f3e-9a8b-2d1c0e9f7a6b', email: 'ada@example.com' },
  Note: note,
  NoteList: { items: [note], nextCursor: null },
  RevisionList: { items: [{ revision: 3, title: 'Groceries', contentPreview: 'Milk, eggs', createdAt: '2026-07-14T09:30:00.000Z' }], nextCursor: null },
  Revision: { revision: 3, title: 'Groceries', content: 'Milk, eggs', createdAt: '2026-07-14T09:30:00.000Z' },
  SearchResults: {
    items: [{ noteId: note.noteId, title: 'Groceries', snippet: 'Milk, <mark>eggs</mark> &amp; bread', score: 4.21, updatedAt: note.updatedAt, tags: ['home'], pinned: false }],
    nextCursor: null,
  },
  AttachmentUpload: {
    attachment,
    uploadUrl: 'https://jotter-prod-attachments-123456789012.s3.amazonaws.com/',
    uploadMethod: 'POST',
    uploadFields: {
      key: '5b8f2a4e-0c4d-4f3e-9a8b-2d1c0e9f7a6b/3f1c6a53-5b1e-4c43-9a51-8a2d1a0b7e11/8d0c1f5e-2b7a-4e91-b3c4-5a6d7e8f9012',
      'Content-Type': 'application/pdf',
      Policy: '…',
      'X-Amz-Signature': '…',
    },
    expiresAt: '2026-07-14T09:46:00.000Z',
  },
  AttachmentDownload: {
    attachment: { ...attachment, status: 'ready' },
    downloadUrl: 'https://…/receipt.pdf?X-Amz-Signature=…',
    expiresAt: '2026-07-14T09:36:00.000Z',
  },
  ShareList: {
    items: [{ shareId: '7c9e6679-7425-40de-944b-e07fc1f90ae7', url: null, createdAt: '2026-07-14T09:30:00.000Z', expiresAt: '2026-08-13T09:30:00.000Z', views: 12 }],
  },
  Export: { exportId: '0b5e4a5e-8a0e-4c43-9a57-5f3f7c1c0d11', status: 'ready', downloadUrl: 'https://…/exports/…zip?X-Amz-Signature=…', expiresAt: '2026-07-15T09:30:00.000Z' },
  ImportResult: { imported: 12, skipped: [{ name: 'photo.png', reason: 'not a .md or .txt file' }] },
  PublicShare: {
    title: 'Groceries',
    html: '<p>Milk, eggs</p>',
    updatedAt: '2026-07-14T09:30:00.000Z',
    attachments: [{ fileName: 'receipt.pdf', size: 48213, downloadUrl: 'https://…/receipt.pdf?X-Amz-Signature=…' }],
  },
};
