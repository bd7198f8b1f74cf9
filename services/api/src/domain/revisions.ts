// A note's history. Every save keeps the text it replaces as a revision, coalesced so autosave
// does not keep one per pause: at most one per note per window of editing, except that an
// overwrite after a conflict and a restore always keep one (the text they replace was someone's
// deliberate work). Revisions are named by the version whose text they keep; a restore is a new
// version, never a rewrite of history. Bounds: the last `maxPerNote` (the oldest is deleted in the
// save's own transaction) of the last `retentionDays` (a TTL; reads hide expired ones at once).
import type { Note } from '@jotter/shared/notes';
import { revisionPreviewLength, type Revision, type RevisionList, type RevisionSummary } from '@jotter/shared/revisions';
import type { RevisionRecord } from '@jotter/shared/server/models';
import { NotFoundError } from './errors';
import { saveText, type Page } from './notes';
import { findNoteAndRevision, hasActiveNote, queryRevisions } from './revision-table';

const summary = ({ revision, title, content, createdAt }: RevisionRecord): RevisionSummary => ({ revision, title, contentPreview: content.slice(0, revisionPreviewLength), createdAt });

export async function listRevisions(sub: string, noteId: string, page: Page): Promise<RevisionList> {
  if (!(await hasActiveNote(sub, noteId))) throw new NotFoundError('Note');
  const { items, nextCursor } = await queryRevisions(sub, noteId, page);
  return { items: items.map(summary), nextCursor };
}

async function noteAndRevision(sub: string, noteId: string, revision: number) {
  const found = await findNoteAndRevision(sub, noteId, revision);
  if (found.note?.state !== 'active') throw new NotFoundError('Note');
  if (!found.revision) throw new NotFoundError('Revision');
  return { note: found.note, revision: found.revision };
}

export async function getRevision(sub: string, noteId: string, revision: number): Promise<Revision> {
  const found = (await noteAndRevision(sub, noteId, revision)).revision;
  return { revision: found.revision, title: found.title, content: found.content, createdAt: found.createdAt };
}

/** The revision's text as a new version, checked against `version` like any edit (two DynamoDB calls). */
export async function restoreRevision(sub: string, noteId: string, revision: number, version: number): Promise<Note> {
  const found = await noteAndRevision(sub, noteId, revision);
  return saveText(sub, noteId, version, () => ({ title: found.revision.title, content: found.revision.content }), true, found.note);
}
