import { bucketNotificationTargets, corsXml, encodeS3EventKey, s3EventTargets } from './s3';
import type { PrintedService } from './definitions';

describe('encodeS3EventKey', () => {
  it('encodes keys as S3 event notifications do', () => {
    expect(encodeS3EventKey('sub/note/att')).toBe('sub/note/att');
    expect(encodeS3EventKey('a b/c+d(1).txt')).toBe('a+b/c%2Bd%281%29.txt');
    expect(encodeS3EventKey('ü')).toBe('%C3%BC');
  });
});

describe('corsXml', () => {
  it('turns CloudFormation CorsRules into S3 CORS XML, with local origin aliases', () => {
    const xml = corsXml(
      [{ AllowedOrigins: ['http://localhost:5173'], AllowedMethods: ['GET', 'PUT'], AllowedHeaders: ['*'], ExposedHeaders: ['ETag'], MaxAge: 3000 }],
      { 'http://localhost:5173': ['http://127.0.0.1:5173'] },
    );
    expect(xml).toBe(
      '<CORSConfiguration><CORSRule><AllowedOrigin>http://localhost:5173</AllowedOrigin><AllowedOrigin>http://127.0.0.1:5173</AllowedOrigin>' +
        '<AllowedMethod>GET</AllowedMethod><AllowedMethod>PUT</AllowedMethod><AllowedHeader>*</AllowedHeader><ExposeHeader>ETag</ExposeHeader>' +
        '<MaxAgeSeconds>3000</MaxAgeSeconds></CORSRule></CORSConfiguration>',
    );
  });
});

describe('s3EventTargets', () => {
  const api: PrintedService = {
    service: 'jotter-api',
    functions: {
      health: { name: 'jotter-api-dev-health', events: [{ http: { path: 'health' } }] },
      attachmentUploaded: {
        name: 'jotter-api-dev-attachmentUploaded',
        events: [{ s3: { bucket: 'jotter-dev-attachments', event: 's3:ObjectCreated:*', existing: true, rules: [{ prefix: 'u/' }] } }],
      },
      byRef: { events: [{ s3: { bucket: { Ref: 'AttachmentsBucket' }, event: 's3:ObjectRemoved:*' } }] },
      other: { name: 'x', events: [{ s3: 'another-bucket' }] },
    },
  };

  it('finds the functions subscribed to the bucket by name or Ref, with their filters', () => {
    expect(s3EventTargets(api, 'jotter-dev-attachments', ['AttachmentsBucket'])).toEqual([
      { functionName: 'jotter-api-dev-attachmentUploaded', events: ['s3:ObjectCreated:*'], prefix: 'u/', suffix: undefined },
      { functionName: 'jotter-api-dev-byRef', events: ['s3:ObjectRemoved:*'], prefix: undefined, suffix: undefined },
    ]);
  });

  it('is empty when no function subscribes', () => {
    expect(s3EventTargets({ service: 'jotter-api', functions: {} }, 'b', [])).toEqual([]);
  });
});

describe('bucketNotificationTargets', () => {
  it('finds the functions a bucket notifies by their framework logical id', () => {
    const api: PrintedService = {
      service: 'jotter-api',
      functions: { attachmentUploaded: { name: 'jotter-api-dev-attachmentUploaded' }, health: {} },
    };
    const bucket = {
      Type: 'AWS::S3::Bucket',
      Properties: {
        NotificationConfiguration: {
          LambdaConfigurations: [
            { Event: 's3:ObjectCreated:*', Function: { 'Fn::GetAtt': ['AttachmentUploadedLambdaFunction', 'Arn'] } },
            { Event: 's3:ObjectRemoved:*', Function: { 'Fn::GetAtt': ['SomethingElseLambdaFunction', 'Arn'] } },
          ],
        },
      },
    };
    expect(bucketNotificationTargets(api, bucket)).toEqual([
      { functionName: 'jotter-api-dev-attachmentUploaded', events: ['s3:ObjectCreated:*'], prefix: undefined, suffix: undefined },
    ]);
  });
});
