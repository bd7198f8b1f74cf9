import type { PrintedService } from './definitions';
import { lambdaStreamRecord, streamEventTargets } from './streams';

describe('streamEventTargets', () => {
  it('finds the functions with a DynamoDB stream event on a table of the service', () => {
    const api = {
      service: 'jotter-api',
      functions: {
        indexNotes: { name: 'jotter-api-dev-indexNotes', events: [{ stream: { type: 'dynamodb', arn: { 'Fn::GetAtt': ['AppTable', 'StreamArn'] }, batchSize: 50, maximumRetryAttempts: 5 } }] },
        fanOut: { events: [{ stream: { type: 'dynamodb', arn: { 'Fn::GetAtt': 'AppTable.StreamArn' } } }] },
        other: { events: [{ stream: { type: 'kinesis', arn: 'arn:aws:kinesis:…' } }, { http: { path: 'x', method: 'get' } }] },
        off: { events: [{ stream: { type: 'dynamodb', arn: { 'Fn::GetAtt': ['AppTable', 'StreamArn'] }, enabled: false } }] },
      },
    } as unknown as PrintedService;
    expect(streamEventTargets(api)).toEqual([
      { functionName: 'jotter-api-dev-indexNotes', tableLogicalId: 'AppTable', batchSize: 50, maximumRetryAttempts: 5 },
      { functionName: 'jotter-api-dev-fanOut', tableLogicalId: 'AppTable', batchSize: 100, maximumRetryAttempts: -1 },
    ]);
  });
});

describe('lambdaStreamRecord', () => {
  const images = {
    Keys: { pk: { S: 'USER#u' }, sk: { S: 'NOTE#n' } },
    NewImage: { title: { S: 'new' } },
    OldImage: { title: { S: 'old' } },
    SequenceNumber: '100',
    SizeBytes: 42,
    StreamViewType: 'NEW_AND_OLD_IMAGES' as const,
  };

  it('is the record as Lambda delivers it: epoch seconds, eventSource, eventSourceARN', () => {
    const streamArn = 'arn:aws:dynamodb:ddblocal:000000000000:table/jotter-dev/stream/2026-01-01T00:00:00.000';
    const record = lambdaStreamRecord(
      {
        eventID: 'e1',
        eventName: 'MODIFY',
        eventVersion: '1.1',
        eventSource: 'aws:dynamodb',
        awsRegion: 'ddblocal',
        dynamodb: { ApproximateCreationDateTime: new Date('2026-07-14T09:30:00.700Z'), ...images },
      },
      streamArn,
    );
    expect(record).toEqual({
      eventID: 'e1',
      eventName: 'MODIFY',
      eventVersion: '1.1',
      eventSource: 'aws:dynamodb',
      awsRegion: 'us-east-1',
      dynamodb: { ApproximateCreationDateTime: 1784021400, ...images },
      eventSourceARN: streamArn,
    });
  });
});
