// Imports (POST /imports): a ZIP of Markdown or text files — Jotter's own export, or any folder of
// notes. The whole archive is read and checked first (zip-archive.ts refuses hostile ones with
// nothing written); then each note is one transaction with its quota counters, so the notes quota
// holds atomically and a note is either wholly there or not at all. Ids are derived from the user,
// the archive's bytes and the file's name: sending the same archive again (after a failure halfway)
// finishes the import without duplicating what was already written.
import { createHash } from 'node:crypto';
import * as z from 'zod/mini';
import { attachmentLimits, contentTypePattern } from '@jotter/shared/attachment-limits';
import type { ImportResult } from '@jotter/shared/exports';
import { createNoteRequestSchema, type CreateNoteRequest } from '@jotter/shared/notes';
import type { AttachmentRecord } from '@jotter/shared/server/models';
import { QuotaExceededError } from './errors';
import { createNote, NoteExistsError, type ImportedNote } from './notes';
import { parseNoteFile } from './note-files';
import { objectKey, putObjectBytes } from './storage';
import { readArchive, type ArchiveEntry } from './zip-archive';

const noteFile = /\.(md|markdown|txt)$/i;
const utf8 = new TextDecoder('utf-8', { fatal: true });

type Skipped = ImportResult['skipped'];

interface PlannedNote {
  name: string;
  noteId: string;
  input: CreateNoteRequest;
  imported: ImportedNote;
  files: { attachmentId: string; data: Buffer; contentType: string }[];
}

/** A UUID (version 5 layout) named by the hash of `parts`: the same import names the same things. */
function derivedId(...parts: string[]): string {
  const hex = createHash('sha256').update(parts.join('\u0000')).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-${((parseInt(hex[16]!, 16) & 0x3) | 0x8).toString(16)}${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

const isoTime = (value: string | undefined) => (value && !Number.isNaN(Date.parse(value)) ? new Date(value).toISOString() : undefined);

function planNote(sub: string, archiveHash: string, file: ArchiveEntry, folder: ArchiveEntry[], now: string, skipped: Skipped): PlannedNote | undefined {
  let text: string;
  try {
    text = utf8.decode(file.data).replace(/^\uFEFF/, '');
  } catch {
    skipped.push({ name: file.name, reason: 'not valid UTF-8 text' });
    return undefined;
  }
  const parsed = parseNoteFile(text, file.name);
  const candidate = { title: parsed.title.trim(), content: parsed.content, tags: [...new Set(parsed.tags.map((t) => t.trim().toLowerCase()))], pinned: parsed.pinned };
  const checked = z.safeParse(createNoteRequestSchema, candidate);
  if (!checked.success) {
    const issue = checked.error.issues[0]!;
    skipped.push({ name: file.name, reason: `${issue.path.join('.') || 'note'} ${issue.message}` });
    return undefined;
  }
  const noteId = derivedId(sub, archiveHash, file.name);
  const created = isoTime(parsed.created) ?? now;
  const attachments: AttachmentRecord[] = [];
  const files: PlannedNote['files'] = [];
  for (const entry of folder) {
    const nameInFolder = entry.name.slice(entry.name.lastIndexOf('/') + 1);
    const declared = parsed.attachments.find((a) => a.name === nameInFolder);
    const fileName = declared?.fileName.trim() || nameInFolder;
    const problem =
      entry.data.length === 0 ? 'an empty file' : entry.data.length > attachmentLimits.maxBytes ? `larger than ${attachmentLimits.maxBytes} bytes` : attachments.length >= attachmentLimits.perNote ? `more than ${attachmentLimits.perNote} attachments for one note` : fileName.length > attachmentLimits.fileNameMax ? 'file name too long' : undefined;
    if (problem) {
      skipped.push({ name: entry.name, reason: problem });
      continue;
    }
    const attachmentId = derivedId(noteId, entry.name);
    const contentType = declared && contentTypePattern.test(declared.contentType) ? declared.contentType : 'application/octet-stream';
    attachments.push({ attachmentId, fileName, contentType, size: entry.data.length, status: 'pending', createdAt: created });
    files.push({ attachmentId, data: entry.data, contentType });
  }
  return { name: file.name, noteId, input: checked.data, imported: { createdAt: created, updatedAt: isoTime(parsed.updated) ?? created, attachments }, files };
}

/** Splits the archive into notes (with the files of the folder beside each) and what it cannot use. */
function plan(sub: string, bytes: Buffer, entries: ArchiveEntry[], now: string): { notes: PlannedNote[]; skipped: Skipped } {
  const archiveHash = createHash('sha256').update(bytes).digest('hex');
  const skipped: Skipped = [];
  const folderOf = new Map(entries.filter((e) => noteFile.test(e.name)).map((n) => [n.name.replace(noteFile, '/'), n.name]));
  const notes: ArchiveEntry[] = [];
  const attachments = new Map<string, ArchiveEntry[]>();
  for (const entry of entries) {
    // A file in the folder beside a note is its attachment, whatever its type (an attached .md too).
    const owner = folderOf.get(entry.name.slice(0, entry.name.lastIndexOf('/') + 1));
    if (owner) attachments.set(owner, [...(attachments.get(owner) ?? []), entry]);
    else if (noteFile.test(entry.name)) notes.push(entry);
    else skipped.push({ name: entry.name, reason: 'not a .md or .txt file, nor in the folder of one' });
  }
  const planned = notes.flatMap((file) => planNote(sub, archiveHash, file, attachments.get(file.name) ?? [], now, skipped) ?? []);
  return { notes: planned, skipped };
}

/** Writes one planned note, then its files (their upload events mark the attachments ready). */
async function write(sub: string, note: PlannedNote, skipped: Skipped): Promise<boolean> {
  try {
    await createNote(sub, note.input, note.noteId, note.imported);
  } catch (error) {
    if (error instanceof QuotaExceededError) skipped.push({ name: note.name, reason: error.message });
    else if (error instanceof NoteExistsError) skipped.push({ name: note.name, reason: 'already imported' });
    else throw error;
    return false;
  }
  for (const file of note.files) await putObjectBytes(objectKey(sub, note.noteId, file.attachmentId), file.data, file.contentType);
  return true;
}

export async function importArchive(sub: string, bytes: Buffer, now = new Date()): Promise<ImportResult> {
  const { notes, skipped } = plan(sub, bytes, await readArchive(bytes), now.toISOString());
  let imported = 0;
  // A few at a time: notes that share a tag update the same tag counter (conflicts are retried).
  for (let start = 0; start < notes.length; start += 4) {
    const results = await Promise.all(notes.slice(start, start + 4).map((note) => write(sub, note, skipped)));
    imported += results.filter(Boolean).length;
  }
  return { imported, skipped };
}
