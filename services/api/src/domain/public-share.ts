// Reading a shared note through its link (no sign-in). One conditional UpdateItem finds the link
// by its token's hash and counts the view, one consistent GetItem reads the note: a revoke, an
// expiry or a trash counts from the next request on. Every way a link can fail answers the same
// NotFoundError. Apart from shares.ts so the owner's functions don't carry the Markdown renderer.
import { renderStaticMarkdown } from '@jotter/shared/markdown-static';
import { shareLimits, shareTokenPattern, type PublicShare } from '@jotter/shared/shares';
import { NotFoundError } from './errors';
import { countView, findSharedNote } from './share-table';
import { hashShareToken } from './share-token';
import { objectKey, presignDownload } from './storage';

/** The one answer for every link that does not work (unknown, malformed, revoked, expired, trashed). */
const unavailable = () => new NotFoundError('Link');

/** What a reader of a link sees: the note rendered, its ready attachments as short-lived GETs. */
export async function readPublicShare(token: string, now = new Date()): Promise<PublicShare> {
  // A malformed token is still looked up (its hash names no item): the same work, the same answer.
  const hash = hashShareToken(shareTokenPattern.test(token) ? token : `malformed:${token.slice(0, 100)}`);
  const link = await countView(hash, Math.floor(now.getTime() / 1000));
  if (!link) throw unavailable();
  const note = await findSharedNote(link.ownerId, link.noteId);
  if (!note || note.state !== 'active') throw unavailable();
  const ready = (note.attachments ?? []).filter((a) => a.status === 'ready');
  const attachments = await Promise.all(
    ready.map(async (a) => ({
      fileName: a.fileName,
      size: a.size,
      downloadUrl: await presignDownload(objectKey(link.ownerId, note.noteId, a.attachmentId), a.fileName, a.contentType, shareLimits.downloadUrlSeconds),
    })),
  );
  return { title: note.title, html: renderStaticMarkdown(note.content ?? ''), updatedAt: note.updatedAt, attachments };
}
