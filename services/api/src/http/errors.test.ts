import { ConcurrentChangeError } from '#domain/errors';
import { toHttpError } from './errors';

test('attachments that kept changing under concurrent writers are a 409 conflict, not a 500', () => {
  const answer = toHttpError(new ConcurrentChangeError('The attachments of this note kept changing (30 attempts); try again'));
  expect(answer).toMatchObject({ status: 409, code: 'version_conflict', message: expect.stringContaining('try again') });
});
