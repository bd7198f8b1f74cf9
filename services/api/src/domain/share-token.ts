import { createHash, randomBytes } from 'node:crypto';

/** 32 random bytes in base64url: a share link's secret (shareTokenPattern). */
export function newShareToken(): string {
  return randomBytes(32).toString('base64url');
}

/** What is stored of a token, and what a read looks it up by. */
export function hashShareToken(token: string): string {
  return createHash('sha256').update(token, 'utf8').digest('hex');
}
