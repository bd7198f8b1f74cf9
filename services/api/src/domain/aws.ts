// How the API talks to AWS services (DynamoDB, Cognito, S3, API Gateway), written once: every SDK
// client is built from `awsClientConfig`, and `isServiceUnavailable` says which failures mean "a
// dependency is down or slow, try again" (answered 503 by src/http/errors.ts).
//
// The SDK's defaults wait without limit for a connection or an answer and try 3 times, so a
// stalled DynamoDB held every request for the whole function timeout and ended in a bare 504.
// With these bounds a call gives up well inside the 10 s function timeout, and a request that
// meets a stalled service answers 503 within ~3.5 s: 2 attempts × 1.5 s without an answer +
// back-off. (DynamoDB answers in milliseconds; 1.5 s of silence means it is not going to.)
import { config } from '#config';

export const awsTimeouts = {
  /** Attempts per call, the first included (the SDK's retry strategy adds jittered back-off). */
  maxAttempts: 2,
  /** Milliseconds to open a TCP connection. */
  connectionTimeoutMs: 1_000,
  /** Milliseconds a connection may stay silent while a request waits for its answer. */
  requestTimeoutMs: 1_500,
} as const;

/** Constructor options for any AWS SDK v3 client; `endpoint` points it at a local emulator. */
export function awsClientConfig(endpoint?: string) {
  return {
    region: config().region,
    ...(endpoint ? { endpoint } : {}),
    maxAttempts: awsTimeouts.maxAttempts,
    requestHandler: {
      connectionTimeout: awsTimeouts.connectionTimeoutMs,
      requestTimeout: awsTimeouts.requestTimeoutMs,
      // Without it the handler only logs a warning when requestTimeout passes and keeps waiting.
      throwOnRequestTimeout: true,
    },
  };
}

// The classification the SDK's retry strategy uses (transient, throttling, network, server-side),
// restated here: importing it would bundle @smithy/core into every function (the SDK itself is
// external and comes with the Lambda runtime).
const throttlingNames = new Set([
  'BandwidthLimitExceeded',
  'EC2ThrottledException',
  'PriorRequestNotComplete',
  'ProvisionedThroughputExceededException',
  'RequestLimitExceeded',
  'RequestThrottled',
  'RequestThrottledException',
  'SlowDown',
  'ThrottledException',
  'Throttling',
  'ThrottlingException',
  'TooManyRequestsException',
  'TransactionInProgressException',
]);
const transientNames = new Set(['TimeoutError', 'RequestTimeout', 'RequestTimeoutException', 'AbortError']);
const networkCodes = new Set(['ECONNRESET', 'ECONNREFUSED', 'EPIPE', 'ETIMEDOUT', 'EHOSTUNREACH', 'ENETUNREACH', 'ENOTFOUND', 'EAI_AGAIN']);

interface SdkError {
  name?: unknown;
  code?: unknown;
  $retryable?: unknown;
  $metadata?: { httpStatusCode?: unknown };
  cause?: unknown;
}

/**
 * True when a call failed because the service did not answer in time, refused the connection,
 * throttled us or failed on its side: the request may succeed if repeated in a few seconds.
 */
export function isServiceUnavailable(error: unknown, depth = 0): boolean {
  if (!error || typeof error !== 'object' || depth > 3) return false;
  const e = error as SdkError;
  if (typeof e.name === 'string' && (throttlingNames.has(e.name) || transientNames.has(e.name))) return true;
  if (typeof e.code === 'string' && networkCodes.has(e.code)) return true;
  if (e.$retryable !== undefined) return true;
  const status = e.$metadata?.httpStatusCode;
  if (typeof status === 'number' && (status === 429 || status >= 500)) return true;
  return isServiceUnavailable(e.cause, depth + 1);
}
