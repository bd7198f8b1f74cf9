// One IAM role per api function, with exactly the actions it uses (services/api/plugins/function-roles.cjs).
import { asArray, resourcesOfType, template } from './templates';

const resources = template('api').Resources;
const functions = resourcesOfType('AWS::Lambda::Function', ['api']);

function statementsOf(fnId: string): any[] {
  const roleId = resources[fnId]!.Properties?.Role?.['Fn::GetAtt']?.[0] as string;
  const inline = asArray(resources[roleId]?.Properties?.Policies).map((p: any) => p.PolicyDocument);
  const attached = resourcesOfType('AWS::IAM::Policy', ['api'])
    .filter(([, , p]) => asArray(p.Properties?.Roles).some((r: any) => r.Ref === roleId))
    .map(([, , p]) => p.Properties?.PolicyDocument);
  return [...inline, ...attached].flatMap((doc: any) => asArray(doc?.Statement));
}

/** The data and control-plane actions of a function (its own logs and X-Ray aside). */
const dataActions = (fnId: string) =>
  [...new Set(statementsOf(fnId).flatMap((st) => asArray<string>(st.Action)).filter((a) => !/^(logs|xray):/.test(a)))].sort();

const read = ['dynamodb:GetItem', 'dynamodb:Query'];
const write = ['dynamodb:ConditionCheckItem', 'dynamodb:DeleteItem', 'dynamodb:GetItem', 'dynamodb:PutItem', 'dynamodb:Query', 'dynamodb:UpdateItem'];
const expected: Record<string, string[]> = {
  // The account-deletion marker: one GetItem per authorization.
  AuthorizeLambdaFunction: read,
  HealthLambdaFunction: [],
  OpenapiLambdaFunction: [],
  MeLambdaFunction: [],
  // Empties the user's partition with BatchWriteItem, their objects and API Gateway keys.
  DeleteMeLambdaFunction: ['apigateway:DELETE', ...write, 'dynamodb:BatchWriteItem', 's3:DeleteObject', 's3:ListBucket'],
  AuthorizeApiKeyLambdaFunction: read,
  V1ListNotesLambdaFunction: [...read, 'dynamodb:UpdateItem'],
  V1GetNoteLambdaFunction: [...read, 'dynamodb:UpdateItem'],
  // A tag's list reads its notes with one BatchGetItem.
  ListNotesLambdaFunction: [...read, 'dynamodb:BatchGetItem'],
  ListTagsLambdaFunction: read,
  GetNoteLambdaFunction: read,
  ListTrashLambdaFunction: read,
  ListKeysLambdaFunction: read,
  CreateNoteLambdaFunction: write,
  UpdateNoteLambdaFunction: write,
  OrganizeNoteLambdaFunction: write,
  TrashNoteLambdaFunction: write,
  RestoreNoteLambdaFunction: write,
  // A revision is read with its note in one TransactGetItems, which needs GetItem.
  ListRevisionsLambdaFunction: read,
  GetRevisionLambdaFunction: read,
  RestoreRevisionLambdaFunction: write,
  DeleteNoteForeverLambdaFunction: [...write, 's3:DeleteObject', 's3:ListBucket'],
  CreateKeyLambdaFunction: ['apigateway:GET', 'apigateway:POST', ...write],
  DeleteKeyLambdaFunction: ['apigateway:DELETE', ...write],
  CreateAttachmentLambdaFunction: [...write, 's3:PutObject'],
  GetAttachmentLambdaFunction: [...read, 's3:GetObject'],
  DeleteAttachmentLambdaFunction: [...write, 's3:DeleteObject', 's3:ListBucket'],
  AttachmentUploadedLambdaFunction: [...write, 's3:DeleteObject', 's3:GetObject', 's3:ListBucket', 'sqs:SendMessage'],
  PurgeTrashLambdaFunction: [...write, 's3:DeleteObject', 's3:ListBucket', 'sqs:SendMessage'],
  CreateShareLambdaFunction: write,
  // A note's links (Query) and their views (BatchGetItem on the token items).
  ListSharesLambdaFunction: [...read, 'dynamodb:BatchGetItem'],
  DeleteShareLambdaFunction: write,
  // Public: the view count is a conditional UpdateItem that also finds the link; no other write.
  GetPublicShareLambdaFunction: [...read, 'dynamodb:UpdateItem', 's3:GetObject'],
  StartExportLambdaFunction: [...write, 'lambda:InvokeFunction'],
  GetExportLambdaFunction: [...read, 's3:GetObject'],
  ImportNotesLambdaFunction: [...write, 's3:PutObject'],
  ExportNotesLambdaFunction: [...read, 'dynamodb:UpdateItem', 's3:AbortMultipartUpload', 's3:GetObject', 's3:PutObject', 'sqs:SendMessage'],
  // Search reads the manifest and the index; UpdateItem asks for a repair (and meters /v1).
  SearchNotesLambdaFunction: [...read, 'dynamodb:UpdateItem', 's3:GetObject'],
  V1SearchLambdaFunction: [...read, 'dynamodb:UpdateItem', 's3:GetObject'],
  IndexNotesLambdaFunction: [
    ...read,
    'dynamodb:DeleteItem',
    'dynamodb:PutItem',
    'dynamodb:DescribeStream',
    'dynamodb:GetRecords',
    'dynamodb:GetShardIterator',
    'dynamodb:ListStreams',
    's3:DeleteObject',
    's3:GetObject',
    's3:ListBucket',
    's3:PutObject',
    'sqs:SendMessage',
  ],
  // Live sync: connection items (domain/connections.ts) and this API's connections only.
  LiveConnectLambdaFunction: ['dynamodb:DeleteItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
  LiveDisconnectLambdaFunction: ['dynamodb:DeleteItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem'],
  LiveMessageLambdaFunction: ['dynamodb:DeleteItem', 'dynamodb:PutItem', 'dynamodb:UpdateItem', 'execute-api:ManageConnections'],
  PushLiveEventsLambdaFunction: [
    ...read,
    'dynamodb:DeleteItem',
    'dynamodb:DescribeStream',
    'dynamodb:GetRecords',
    'dynamodb:GetShardIterator',
    'dynamodb:ListStreams',
    'dynamodb:PutItem',
    'dynamodb:UpdateItem',
    'execute-api:ManageConnections',
    'sqs:SendMessage',
  ],
};

test('every function is listed here, and only the framework-free roles exist (no shared role)', () => {
  expect(functions.map(([, id]) => id).sort()).toEqual(Object.keys(expected).sort());
  expect(resources.IamRoleLambdaExecution).toBeUndefined();
  const roles = new Set(functions.map(([, , fn]) => fn.Properties?.Role?.['Fn::GetAtt']?.[0]));
  expect(roles.size).toBe(functions.length);
});

test.each(Object.entries(expected))('%s may do exactly what it uses', (fnId, actions) => {
  expect(dataActions(fnId)).toEqual([...actions].sort());
});

test.each(functions.map(([, id, fn]) => [id, fn.Properties?.FunctionName] as const))('%s writes only its own log group, and traces', (fnId, name) => {
  const logs = statementsOf(fnId).filter((st) => asArray<string>(st.Action).some((a) => a.startsWith('logs:')));
  expect(logs).toHaveLength(1);
  expect(JSON.stringify(logs[0].Resource)).toContain(`log-group:/aws/lambda/${name}"`);
  expect(statementsOf(fnId).some((st) => asArray(st.Action).includes('xray:PutTraceSegments'))).toBe(true);
});

test('attaching API keys is limited to this API\'s usage plan; only account deletion batches writes', () => {
  const attach = statementsOf('CreateKeyLambdaFunction').filter((st) => JSON.stringify(st.Resource).includes('/keys'));
  expect(attach).toEqual([
    { Effect: 'Allow', Action: ['apigateway:POST'], Resource: { 'Fn::Sub': 'arn:aws:apigateway:${AWS::Region}::/usageplans/${V1UsagePlan}/keys' } },
  ]);
  const batching = functions.filter(([, id]) => statementsOf(id).some((st) => asArray(st.Action).includes('dynamodb:BatchWriteItem'))).map(([, id]) => id);
  expect(batching).toEqual(['DeleteMeLambdaFunction']);
});

test('exports: the ZIP is written and presigned under exports/ only; POST /exports may invoke the export function alone', () => {
  const exportObjects = { 'Fn::Join': ['', ['arn:aws:s3:::', expect.anything(), '/exports/*']] };
  const puts = statementsOf('ExportNotesLambdaFunction').filter((st) => asArray(st.Action).includes('s3:PutObject'));
  expect(puts).toEqual([expect.objectContaining({ Resource: exportObjects })]);
  expect(statementsOf('GetExportLambdaFunction').filter((st) => asArray(st.Action).includes('s3:GetObject'))).toEqual([expect.objectContaining({ Resource: exportObjects })]);
  const invoke = statementsOf('StartExportLambdaFunction').filter((st) => asArray(st.Action).includes('lambda:InvokeFunction'));
  expect(invoke).toEqual([expect.objectContaining({ Resource: { 'Fn::GetAtt': ['ExportNotesLambdaFunction', 'Arn'] } })]);
});

test('X-Ray tracing: every function Active, the API stage traced', () => {
  for (const [, , fn] of functions) expect(fn.Properties?.TracingConfig).toEqual({ Mode: 'Active' });
  const [, , deployment] = resourcesOfType('AWS::ApiGateway::Deployment', ['api'])[0]!;
  expect(deployment.Properties?.StageDescription?.TracingEnabled).toBe(true);
});

test('API Gateway access logs: JSON with request id, status, latency, caller, trace id, into a group with a retention', () => {
  const [, , deployment] = resourcesOfType('AWS::ApiGateway::Deployment', ['api'])[0]!;
  const setting = deployment.Properties?.StageDescription?.AccessLogSetting;
  expect(setting.DestinationArn).toEqual({ 'Fn::GetAtt': ['ApiAccessLogGroup', 'Arn'] });
  const format = JSON.parse(setting.Format);
  expect(format).toMatchObject({
    requestId: '$context.requestId',
    status: '$context.status',
    latencyMs: '$context.responseLatency',
    caller: '$context.authorizer.principalId',
    traceId: '$context.xrayTraceId',
  });
  expect(resources.ApiAccessLogGroup?.Properties?.RetentionInDays).toBe(90);
  expect(resources.ApiGatewayAccountLogging?.Type).toBe('AWS::ApiGateway::Account');
});

describe('alarms (resources/alarms.yml, plugins/function-alarms.cjs)', () => {
  const alarms = resourcesOfType('AWS::CloudWatch::Alarm', ['api']).map(([, id, r]) => [id, r.Properties!] as const);
  const topic = { Ref: 'ApiAlarmsTopic' };

  test('every alarm notifies the SNS topic; an email subscription only when the alarmEmail param is set', () => {
    expect(alarms.length).toBeGreaterThan(0);
    for (const [, a] of alarms) expect(a.AlarmActions).toEqual([topic]);
    expect(resources.ApiAlarmsEmail).toMatchObject({ Type: 'AWS::SNS::Subscription', Condition: 'HasAlarmEmail' });
    expect(template('api').Parameters?.AlarmEmail?.Default).toBe('');
  });

  test.each(functions.map(([, id]) => id))('%s has an errors alarm and a throttles alarm', (fnId) => {
    for (const metric of ['Errors', 'Throttles']) {
      const alarm = alarms.find(([id]) => id === `${fnId}${metric}Alarm`)?.[1];
      expect(alarm).toMatchObject({ Namespace: 'AWS/Lambda', MetricName: metric, Dimensions: [{ Name: 'FunctionName', Value: { Ref: fnId } }] });
    }
  });

  test('API 5XX rate, DynamoDB throttles, failed-events queue depth', () => {
    const ids = alarms.map(([id]) => id);
    expect(ids).toEqual(expect.arrayContaining(['Api5xxRateAlarm', 'TableThrottlesAlarm', 'FailedEventsAlarm']));
    const table = alarms.find(([id]) => id === 'TableThrottlesAlarm')![1];
    expect(table.Metrics.map((m: any) => m.MetricStat?.Metric.MetricName).filter(Boolean).sort()).toEqual(['ReadThrottleEvents', 'WriteThrottleEvents']);
    const queue = alarms.find(([id]) => id === 'FailedEventsAlarm')![1];
    expect(queue).toMatchObject({ Namespace: 'AWS/SQS', MetricName: 'ApproximateNumberOfMessagesVisible', Threshold: 1 });
  });

  test('the S3-event, scheduled and export functions send failed events to the queue (and may)', () => {
    const configs = resourcesOfType('AWS::Lambda::EventInvokeConfig', ['api']);
    const targets = configs.map(([, , c]) => [c.Properties?.FunctionName?.Ref, c.Properties?.DestinationConfig?.OnFailure?.Destination]);
    expect(targets.sort()).toEqual([
      ['AttachmentUploadedLambdaFunction', { 'Fn::GetAtt': ['FailedEventsQueue', 'Arn'] }],
      ['ExportNotesLambdaFunction', { 'Fn::GetAtt': ['FailedEventsQueue', 'Arn'] }],
      ['PurgeTrashLambdaFunction', { 'Fn::GetAtt': ['FailedEventsQueue', 'Arn'] }],
    ]);
    for (const fnId of ['AttachmentUploadedLambdaFunction', 'ExportNotesLambdaFunction', 'PurgeTrashLambdaFunction']) {
      expect(statementsOf(fnId)).toContainEqual({ Effect: 'Allow', Action: ['sqs:SendMessage'], Resource: { 'Fn::GetAtt': ['FailedEventsQueue', 'Arn'] } });
    }
  });

  test('LOG_LEVEL reaches every function from the logLevel param', () => {
    for (const [, , fn] of functions) expect(fn.Properties?.Environment?.Variables?.LOG_LEVEL).toBe('info');
  });
});
