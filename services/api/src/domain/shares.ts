// Public read-only links of a note, for their owner: create, list, revoke. A link is a random
// token (256 bits) of which only the SHA-256 is stored; reading one is public-share.ts.
import { randomUUID } from 'node:crypto';
import { sharePagePath } from '@jotter/shared/share-limits';
import { shareLimits, type CreatedShare, type CreateShareRequest, type Share } from '@jotter/shared/shares';
import type { ShareRecord, ShareTokenRecord } from '@jotter/shared/server/models';
import { shareKeys } from '@jotter/shared/server/keys';
import { NotFoundError } from './errors';
import { findShares, insertShare, removeShare } from './share-table';
import { hashShareToken, newShareToken } from './share-token';

const dayMs = 24 * 3600 * 1000;

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
