import { errorStatus, type ErrorCode, type ErrorDetail, type QuotaUsage } from '@jotter/shared/errors';
import {
  AttachmentNotReadyError,
  AttachmentTooLargeError,
  ConcurrentChangeError,
  HostileArchiveError,
  InvalidCursorError,
  LimitExceededError,
  NotAuthenticatedError,
  NotFoundError,
  QuotaExceededError,
  TooManyAttachmentsError,
  VersionConflictError,
} from '#domain/errors';
import { isServiceUnavailable } from '#domain/aws';

/** An error that already knows its HTTP answer. */
export class HttpError extends Error {
  override name = 'HttpError';
  readonly status: number;
  constructor(
    readonly code: ErrorCode,
    message: string,
    readonly details?: ErrorDetail[],
    readonly headers?: Record<string, string>,
    readonly quota?: QuotaUsage,
  ) {
    super(message);
    this.status = errorStatus[code];
  }
}

/** A dependency (DynamoDB, Cognito, S3) is down, slow or throttling: worth retrying shortly. */
export const serviceUnavailableMessage = 'The service is briefly unavailable; try again in a few seconds';
export const serviceUnavailableRetryAfterSeconds = 2;

/** The single place where failures become HTTP answers. Unknown errors are 500 and get logged. */
export function toHttpError(error: unknown): HttpError | undefined {
  if (error instanceof HttpError) return error;
  if (error instanceof NotFoundError) return new HttpError('not_found', error.message);
  if (error instanceof VersionConflictError)
    return new HttpError('version_conflict', error.message, [
      { path: 'body.version', message: `current version is ${error.currentVersion}` },
    ]);
  if (error instanceof InvalidCursorError)
    return new HttpError('invalid_cursor', error.message, [{ path: 'query.cursor', message: 'is not valid' }]);
  if (error instanceof HostileArchiveError) return new HttpError('validation_failed', error.message, [{ path: 'body', message: error.message }]);
  if (error instanceof NotAuthenticatedError) return new HttpError('unauthorized', error.message);
  if (error instanceof AttachmentTooLargeError)
    return new HttpError('payload_too_large', error.message, [{ path: 'body.size', message: error.message }]);
  if (error instanceof TooManyAttachmentsError) return new HttpError('too_many_attachments', error.message);
  if (error instanceof AttachmentNotReadyError) return new HttpError('attachment_not_ready', error.message);
  // A lost race, not a fault: 409 like any other conflicting change.
  if (error instanceof ConcurrentChangeError) return new HttpError('version_conflict', error.message);
  if (error instanceof LimitExceededError) return new HttpError('limit_exceeded', error.message);
  if (error instanceof QuotaExceededError) {
    const quota = { name: error.quota, limit: error.limit, used: error.used };
    // A daily quota is worth retrying after midnight (429); a standing one only after deleting something (409).
    if (error.retryAfterSeconds === undefined) return new HttpError('limit_exceeded', error.message, undefined, undefined, quota);
    return new HttpError('quota_exceeded', error.message, undefined, { 'Retry-After': String(error.retryAfterSeconds) }, quota);
  }
  if (isServiceUnavailable(error))
    return new HttpError('service_unavailable', serviceUnavailableMessage, undefined, { 'Retry-After': String(serviceUnavailableRetryAfterSeconds) });
  return undefined;
}
