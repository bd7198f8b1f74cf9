// Public read-only links of a note. A link is a random token (256 bits) of which only the SHA-256
// is stored; the public read finds it by that hash with one GetItem-like UpdateItem (which also
// counts the view) and reads the note, so a revoke, an expiry or a trash counts from the next
// request on. Every way a link can fail answers the same NotFoundError.
import { createHash, randomBytes, randomUUID } from 'node:crypto';
import { sharePagePath } from '@jotter/shared/share-limits';
import { shareLimits, shareTokenPattern, type CreatedShare, type CreateShareRequest, type PublicShare, type Share } from '@jotter/shared/shares';
import type { ShareRecord, ShareTokenRecord } from '@jotter/shared/server/models';
import { shareKeys } from '@jotter/shared/server/share-keys';
import { renderStaticMarkdown } from '@jotter/shared/markdown-static';
import { NotFoundError } from './errors';
import { countView, findShares, findSharedNote, insertShare, removeShare } from './share-table';
import { objectKey, presignDownload } from './storage';

const dayMs = 24 * 3600 * 1000;

export function newShareToken(): string {
  return randomBytes(32).toString('base64url');
}

export function hashShareToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}

/**
 * The public page's URL. The site's origin is the configured web origin (local stack), else the
 * origin of the owner's request (on AWS the API is served on the site's own origin), else a
 * path relative to the site.
 */
export function shareUrl(token: string, siteOrigin: string | undefined): string {
  return `${siteOrigin ?? ''}${sharePagePath(token)}`;
}

export async function createShare(sub: string, noteId: string, input: CreateShareRequest, siteOrigin: string | undefined, now = new Date()): Promise<CreatedShare> {
  const shareId = randomUUID();
  const token = newShareToken();
  const tokenHash = hashShareToken(token);
  const createdAt = now.toISOString();
  const expiry = input.expiresInDays ? new Date(now.getTime() + input.expiresInDays * dayMs) : undefined;
  const share: ShareRecord = {
    pk: shareKeys.pk(sub),
    sk: shareKeys.sk(noteId, shareId),
    type: 'share',
    shareId,
    noteId,
    tokenHash,
    createdAt,
    ...(expiry ? { expiry: expiry.toISOString() } : {}),
  };
  const tokenRecord: ShareTokenRecord = {
    pk: shareKeys.tokenPk(tokenHash),
    sk: shareKeys.tokenSk,
    type: 'shareToken',
    ownerId: sub,
    noteId,
    shareId,
    createdAt,
    views: 0,
    ...(expiry ? { expiresAt: Math.floor(expiry.getTime() / 1000) } : {}),
  };
  await insertShare(sub, share, tokenRecord, shareLimits.maxSharesPerNote);
  return { shareId, url: shareUrl(token, siteOrigin), expiresAt: share.expiry ?? null };
}

/** A note's links, newest first. */
export async function listShares(sub: string, noteId: string): Promise<Share[]> {
  const found = await findShares(sub, noteId);
  if (!found) throw new NotFoundError('Note');
  return found
    .map(({ share, views }) => ({ shareId: share.shareId, url: null, createdAt: share.createdAt, expiresAt: share.expiry ?? null, views }))
    .sort((a, b) => (a.createdAt < b.createdAt ? 1 : a.createdAt > b.createdAt ? -1 : 0));
}

export async function deleteShare(sub: string, noteId: string, shareId: string): Promise<void> {
  if (!(await removeShare(sub, noteId, shareId))) throw new NotFoundError('Link');
}

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
