// The export function's work: every active note of the user, a page of notes at a time, streamed
// into a ZIP that is streamed into an S3 multipart upload. Memory is bounded whatever the account
// holds: one page of note items, the entry being deflated, and the upload's two 8 MiB parts.
// Entries are added one at a time, each once the previous was consumed, so nothing queues.
import { PassThrough, Readable } from 'node:stream';
import { ZipFile } from 'yazl';
import type { NoteRecord } from '@jotter/shared/server/models';
import { exportKeys } from '@jotter/shared/server/export-keys';
import { activeNotePages, finishExport } from './export-table';
import { exportItemExpiry, type ExportJob } from './exports';
import { safeFileName, toMarkdown, uniqueNamer } from './note-files';
import { objectKey, objectStream, uploadStream } from './storage';

/** Adds an entry and resolves once yazl has read all of it (the ZIP's own backpressure holds it until then). */
function addEntry(zip: ZipFile, name: string, body: NodeJS.ReadableStream, options: { mtime: Date; compress: boolean }): Promise<void> {
  return new Promise((resolve, reject) => {
    const stream = new PassThrough();
    stream.on('end', resolve);
    body.on('error', reject);
    body.pipe(stream);
    zip.addReadStream(stream, name, options);
  });
}

async function addNote(zip: ZipFile, sub: string, note: NoteRecord, name: string): Promise<void> {
  const mtime = new Date(note.updatedAt);
  const ready = note.attachments.filter((a) => a.status === 'ready');
  const fileNames = uniqueNamer();
  const attachments = ready.map((a) => ({ attachment: a, name: fileNames(safeFileName(a.fileName)) }));
  const markdown = toMarkdown({
    title: note.title,
    content: note.content,
    tags: note.tags ?? [],
    pinned: note.pinned ?? false,
    created: note.createdAt,
    updated: note.updatedAt,
    attachments: attachments.map(({ attachment, name: file }) => ({ name: file, fileName: attachment.fileName, contentType: attachment.contentType })),
  });
  await addEntry(zip, `${name}.md`, Readable.from([Buffer.from(markdown, 'utf8')]), { mtime, compress: true });
  for (const { attachment, name: file } of attachments) {
    // Attachments are mostly compressed already (images, PDFs): stored, not deflated again.
    await addEntry(zip, `${name}/${file}`, await objectStream(objectKey(sub, note.noteId, attachment.attachmentId)), { mtime, compress: false });
  }
}

/** Builds the user's export and records the outcome on its item. */
export async function buildExport({ sub, exportId }: ExportJob, now = () => new Date()): Promise<void> {
  const zip = new ZipFile();
  const uploaded = uploadStream(exportKeys.objectKey(sub, exportId), zip.outputStream, 'application/zip');
  const noteNames = uniqueNamer();
  const building = (async () => {
    for await (const page of activeNotePages(sub)) {
      for (const note of page) await addNote(zip, sub, note, noteNames(`${safeFileName(note.title)}.md`).replace(/\.md$/, ''));
    }
    zip.end();
  })();
  try {
    // Either side failing ends the wait (a failed upload stops consuming, the ZIP would wait forever).
    await Promise.all([building, uploaded]);
  } catch (error) {
    // The upload aborts on the stream's error (no parts are left behind).
    zip.outputStream.emit('error', error);
    await uploaded.catch(() => undefined);
    await finishExport(sub, exportId, { status: 'failed', expiresAt: exportItemExpiry(now()) });
    throw error;
  }
  const readyAt = now();
  await finishExport(sub, exportId, { status: 'ready', readyAt: readyAt.toISOString(), expiresAt: exportItemExpiry(readyAt) });
}
