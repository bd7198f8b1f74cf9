// Search indexing on AWS: the table's stream, the indexer's event source mapping (retries, bisect,
// failed batches parked in the failed-events queue) and the private bucket of the indexes.
import { asArray, rolesAllowing, streamMappingOf, template } from './templates';

const resources = template('api').Resources;

test('the table streams new and old images', () => {
  expect(resources.AppTable?.Properties?.StreamSpecification).toEqual({ StreamViewType: 'NEW_AND_OLD_IMAGES' });
});

test('the indexer reads the stream in small batches, bisects and retries failures, then parks them', () => {
  expect(streamMappingOf('IndexNotesLambdaFunction')).toMatchObject({
    FunctionName: { 'Fn::GetAtt': ['IndexNotesLambdaFunction', 'Arn'] },
    StartingPosition: 'LATEST',
    BatchSize: 100,
    BisectBatchOnFunctionError: true,
    MaximumRetryAttempts: 5,
  });
});

test("only the stream's two consumers (the indexer, live sync's fan-out) may read it, and only that stream", () => {
  const readers = rolesAllowing('dynamodb:GetRecords');
  expect(readers.map(([id]) => id).sort()).toEqual(['IndexNotesLambdaFunctionRole', 'PushLiveEventsLambdaFunctionRole']);
  for (const [, statements] of readers) {
    expect(statements[0].Resource).toEqual({ 'Fn::GetAtt': ['AppTable', 'StreamArn'] });
  }
});

test('the index bucket is private, encrypted and refuses plain HTTP; functions reach only search/*', () => {
  const bucket = resources.SearchIndexBucket!;
  expect(bucket.Properties?.PublicAccessBlockConfiguration).toEqual({ BlockPublicAcls: true, BlockPublicPolicy: true, IgnorePublicAcls: true, RestrictPublicBuckets: true });
  expect(bucket.Properties?.BucketEncryption).toBeDefined();
  expect(bucket.Properties?.NotificationConfiguration).toBeUndefined();
  expect(JSON.stringify(resources.SearchIndexBucketPolicy?.Properties?.PolicyDocument)).toContain('aws:SecureTransport');
  for (const fn of ['SearchNotesLambdaFunctionRole', 'IndexNotesLambdaFunctionRole']) {
    const objects = asArray<any>(resources[fn]!.Properties?.Policies[0].PolicyDocument.Statement).filter((st) => asArray<string>(st.Action).some((a) => a === 's3:GetObject'));
    expect(JSON.stringify(objects.map((st) => st.Resource))).toContain('/search/*');
  }
});
