// Which failures are a 503 "try again shortly" and which stay a 500: the SDK errors the API sees
// when DynamoDB, Cognito or S3 is down, stalled or throttling.
import { ConcurrentChangeError, QuotaExceededError } from '#domain/errors';
import { toHttpError } from './errors';

const sdkError = (name: string, fields: Record<string, unknown> = {}) => Object.assign(new Error(name), { name, ...fields });
const networkError = (code: string) => Object.assign(new Error(`connect ${code} 127.0.0.1:8000`), { code });

describe('toHttpError: dependency failures', () => {
  it.each([
    ['a request timeout (stalled service)', sdkError('TimeoutError')],
    ['a refused connection (service down)', networkError('ECONNREFUSED')],
    ['a reset connection', networkError('ECONNRESET')],
    ['DynamoDB throttling', sdkError('ProvisionedThroughputExceededException', { $metadata: { httpStatusCode: 400 } })],
    ['Cognito throttling', sdkError('TooManyRequestsException', { $metadata: { httpStatusCode: 429 } })],
    ['a service-side 500', sdkError('InternalServerError', { $metadata: { httpStatusCode: 500 } })],
    ['an error the SDK marks retryable', sdkError('Whatever', { $retryable: {} })],
    ['a network error wrapped as a cause', new Error('query failed', { cause: networkError('ETIMEDOUT') })],
  ])('%s → 503 service_unavailable with Retry-After', (_, error) => {
    const mapped = toHttpError(error);
    expect({ status: mapped?.status, code: mapped?.code }).toEqual({ status: 503, code: 'service_unavailable' });
    expect(Number(mapped?.headers?.['Retry-After'])).toBeGreaterThan(0);
  });

  it.each([
    ['a programming error', new TypeError("Cannot read properties of undefined (reading 'x')")],
    ['a validation error from DynamoDB', sdkError('ValidationException', { $metadata: { httpStatusCode: 400 } })],
    ['a missing table', sdkError('ResourceNotFoundException', { $metadata: { httpStatusCode: 400 } })],
    ['a thrown string', 'boom'],
  ])('%s stays unexpected (500, logged)', (_, error) => {
    expect(toHttpError(error)).toBeUndefined();
  });
});

test('attachments that kept changing under concurrent writers are a 409 conflict, not a 500', () => {
  const answer = toHttpError(new ConcurrentChangeError('The attachments of this note kept changing (30 attempts); try again'));
  expect(answer).toMatchObject({ status: 409, code: 'version_conflict', message: expect.stringContaining('try again') });
});

test('a used-up daily quota is 429 quota_exceeded with Retry-After; a standing one is 409 limit_exceeded; both name the quota', () => {
  const daily = toHttpError(new QuotaExceededError('v1Requests', 300, 300, 'used up today', 3600));
  expect(daily).toMatchObject({ status: 429, code: 'quota_exceeded', headers: { 'Retry-After': '3600' }, quota: { name: 'v1Requests', limit: 300, used: 300 } });
  const standing = toHttpError(new QuotaExceededError('notes', 10_000, 10_000, 'too many notes'));
  expect(standing).toMatchObject({ status: 409, code: 'limit_exceeded', quota: { name: 'notes', limit: 10_000, used: 10_000 } });
  expect(standing?.headers).toBeUndefined();
});
