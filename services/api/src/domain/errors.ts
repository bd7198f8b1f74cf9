// Domain failures, named for what went wrong. src/http/errors.ts maps them to HTTP in one place.
export class NotFoundError extends Error {
  override name = 'NotFoundError';
  constructor(what: string) {
    super(`${what} was not found`);
  }
}

export class VersionConflictError extends Error {
  override name = 'VersionConflictError';
  constructor(readonly currentVersion: number) {
    super(`The note changed since version you edited; it is now at version ${currentVersion}`);
  }
}

export class InvalidCursorError extends Error {
  override name = 'InvalidCursorError';
  constructor() {
    super('The cursor is not valid for this list; start again without it');
  }
}

export class LimitExceededError extends Error {
  override name = 'LimitExceededError';
}

export class NotAuthenticatedError extends Error {
  override name = 'NotAuthenticatedError';
}

export class AttachmentTooLargeError extends Error {
  override name = 'AttachmentTooLargeError';
}

export class TooManyAttachmentsError extends Error {
  override name = 'TooManyAttachmentsError';
}

/** A note's attachment list kept changing under concurrent writers; the client may retry. */
export class ConcurrentChangeError extends Error {
  override name = 'ConcurrentChangeError';
}

export class AttachmentNotReadyError extends Error {
  override name = 'AttachmentNotReadyError';
}

/**
 * A per-user quota (domain/quotas.ts) or an API key's daily quota is used up. Daily quotas carry
 * the seconds until they reset (the next UTC midnight); the others last until something is deleted.
 */
export class QuotaExceededError extends Error {
  override name = 'QuotaExceededError';
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
