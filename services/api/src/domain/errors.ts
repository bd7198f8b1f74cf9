// Domain failures, named for what went wrong. src/http/errors.ts maps them to HTTP in one place.

/** The base of each failure below: its name is spelled out because the bundles are minified. */
const failure = (name: string) =>
  class extends Error {
    override name = name;
  };

export class NotFoundError extends failure('NotFoundError') {
  constructor(what: string) {
    super(`${what} was not found`);
  }
}

export class VersionConflictError extends failure('VersionConflictError') {
  constructor(readonly currentVersion: number) {
    super(`The note changed since version you edited; it is now at version ${currentVersion}`);
  }
}

export class InvalidCursorError extends failure('InvalidCursorError') {
  constructor() {
    super('The cursor is not valid for this list; start again without it');
  }
}

export class LimitExceededError extends failure('LimitExceededError') {}
export class NotAuthenticatedError extends failure('NotAuthenticatedError') {}
export class AttachmentTooLargeError extends failure('AttachmentTooLargeError') {}
export class TooManyAttachmentsError extends failure('TooManyAttachmentsError') {}

/** A note's attachment list kept changing under concurrent writers; the client may retry. */
export class ConcurrentChangeError extends failure('ConcurrentChangeError') {}
export class AttachmentNotReadyError extends failure('AttachmentNotReadyError') {}

/**
 * A per-user quota (domain/quotas.ts) or an API key's daily quota is used up. Daily quotas carry
 * the seconds until they reset (the next UTC midnight); the others last until something is deleted.
 */
export class QuotaExceededError extends failure('QuotaExceededError') {
  constructor(
    readonly quota: string,
    readonly limit: number,
    readonly used: number,
    message: string,
    readonly retryAfterSeconds?: number,
  ) {
    super(message);
  }
}

/** An uploaded archive that is refused as a whole (unsafe names, a zip bomb, too many entries). */
export class HostileArchiveError extends Error {
  override name = 'HostileArchiveError';
}
