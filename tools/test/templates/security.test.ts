// Security and durability rules over ALL packaged prod templates (auth, api, web). Generic on
// purpose: every function, bucket, role and log group is checked, whatever the api adds.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { methodLogicalId, requestModels } from '../../../services/api/src/contract/request-models';
import { allServices, asArray, repoRoot, resourcesOfType, template, templateFile } from './templates';

describe('buckets', () => {
  const buckets = resourcesOfType('AWS::S3::Bucket');

  test('there are buckets to check (site, attachments, deployment buckets)', () => {
    expect(buckets.map(([s, id]) => `${s}.${id}`)).toEqual(
      expect.arrayContaining(['web.SiteBucket', 'api.AttachmentsBucket']),
    );
  });

  test.each(buckets.map(([s, id, r]) => [`${s}.${id}`, r] as const))('%s blocks all public access', (_name, bucket) => {
    expect(bucket.Properties?.PublicAccessBlockConfiguration).toEqual({
      BlockPublicAcls: true,
      BlockPublicPolicy: true,
      IgnorePublicAcls: true,
      RestrictPublicBuckets: true,
    });
  });

  test.each(buckets.map(([s, id, r]) => [`${s}.${id}`, r] as const))('%s is encrypted at rest', (_name, bucket) => {
    const rules = asArray(bucket.Properties?.BucketEncryption?.ServerSideEncryptionConfiguration);
    expect(rules.length).toBeGreaterThan(0);
    for (const rule of rules) {
      expect(['AES256', 'aws:kms', 'aws:kms:dsse']).toContain(rule.ServerSideEncryptionByDefault?.SSEAlgorithm);
    }
  });

  test.each(
    buckets.filter(([, id]) => id !== 'ServerlessDeploymentBucket').map(([s, id, r]) => [`${s}.${id}`, r] as const),
  )('%s disables ACLs (BucketOwnerEnforced)', (_name, bucket) => {
    expect(bucket.Properties?.OwnershipControls?.Rules).toEqual([{ ObjectOwnership: 'BucketOwnerEnforced' }]);
  });
});

describe('data is kept in prod', () => {
  test('every DynamoDB table: point-in-time recovery, Retain, deletion protection', () => {
    const tables = resourcesOfType('AWS::DynamoDB::Table');
    expect(tables.length).toBeGreaterThan(0);
    for (const [, , table] of tables) {
      expect(table.Properties?.PointInTimeRecoverySpecification?.PointInTimeRecoveryEnabled).toBe(true);
      expect(table.DeletionPolicy).toBe('Retain');
      expect(table.UpdateReplacePolicy).toBe('Retain');
      expect(table.Properties?.DeletionProtectionEnabled).toBe(true);
      expect(table.Properties?.BillingMode).toBe('PAY_PER_REQUEST');
    }
  });

  test('every Cognito user pool: Retain and deletion protection ACTIVE', () => {
    const pools = resourcesOfType('AWS::Cognito::UserPool');
    expect(pools.length).toBeGreaterThan(0);
    for (const [, , pool] of pools) {
      expect(pool.DeletionPolicy).toBe('Retain');
      expect(pool.UpdateReplacePolicy).toBe('Retain');
      expect(pool.Properties?.DeletionProtection).toBe('ACTIVE');
    }
  });

  test('the attachments bucket is retained in prod', () => {
    const [, , bucket] = resourcesOfType('AWS::S3::Bucket', ['api']).find(([, id]) => id === 'AttachmentsBucket')!;
    expect(bucket.DeletionPolicy).toBe('Retain');
  });
});

describe('Lambda functions', () => {
  const functions = resourcesOfType('AWS::Lambda::Function');

  test('the api has functions, auth and web have none', () => {
    expect(functions.filter(([s]) => s === 'api').length).toBeGreaterThan(0);
    expect(functions.filter(([s]) => s !== 'api')).toEqual([]);
  });

  test.each(functions.map(([s, id, r]) => [`${s}.${id}`, r] as const))('%s runs nodejs22.x or newer on arm64', (_name, fn) => {
    const runtime = String(fn.Properties?.Runtime);
    const major = Number(/^nodejs(\d+)\.x$/.exec(runtime)?.[1] ?? 0);
    expect(major).toBeGreaterThanOrEqual(22);
    expect(fn.Properties?.Architectures).toEqual(['arm64']);
  });

  test.each(functions.map(([s, id, r]) => [`${s}.${id}`, r] as const))('%s has a log group with a retention', (_name, fn) => {
    const service = functions.find(([, , r]) => r === fn)![0];
    const groups = resourcesOfType('AWS::Logs::LogGroup', [service]).map(([, , g]) => g.Properties ?? {});
    const name = fn.Properties?.FunctionName;
    const group = groups.find((g) => g.LogGroupName === `/aws/lambda/${name}`);
    expect(group).toBeDefined();
    expect(group!.RetentionInDays).toBeGreaterThan(0);
  });

  test('every log group has a retention (none kept forever)', () => {
    for (const [, , group] of resourcesOfType('AWS::Logs::LogGroup')) {
      expect(group.Properties?.RetentionInDays).toBeGreaterThan(0);
    }
  });
});

describe('IAM least privilege', () => {
  type Statement = { Effect: string; Action?: unknown; Resource?: unknown; NotAction?: unknown };
  const statements: Array<[string, Statement]> = [];
  for (const service of allServices) {
    for (const [id, r] of Object.entries(template(service).Resources)) {
      const docs =
        r.Type === 'AWS::IAM::Role'
          ? asArray(r.Properties?.Policies).map((p: any) => p.PolicyDocument)
          : r.Type === 'AWS::IAM::Policy' || r.Type === 'AWS::IAM::ManagedPolicy'
            ? [r.Properties?.PolicyDocument]
            : [];
      for (const doc of docs) for (const st of asArray<Statement>(doc?.Statement)) statements.push([`${service}.${id}`, st]);
    }
  }

  test('there are IAM statements to check', () => {
    expect(statements.length).toBeGreaterThan(0);
  });

  test('no Allow statement grants Action "*" (or uses NotAction)', () => {
    const bad = statements.filter(
      ([, st]) => st.Effect === 'Allow' && (asArray(st.Action).includes('*') || st.NotAction !== undefined),
    );
    expect(bad).toEqual([]);
  });

  test('no data action (dynamodb:*, s3:*) is allowed on Resource "*" or as a service wildcard', () => {
    const bad = statements.filter(([, st]) => {
      if (st.Effect !== 'Allow') return false;
      const actions = asArray(st.Action).map(String);
      const onData = actions.some((a) => /^(dynamodb|s3):/i.test(a));
      if (!onData) return false;
      return asArray(st.Resource).includes('*') || actions.some((a) => /^(dynamodb|s3):\*$/i.test(a));
    });
    expect(bad).toEqual([]);
  });
});

describe('API Gateway', () => {
  const responses = resourcesOfType('AWS::ApiGateway::GatewayResponse', ['api']);

  test('4XX and 5XX gateway responses (authorizer denials included) carry the declared CORS rule: none in prod, where the SPA is same-origin', () => {
    const types = responses.map(([, , r]) => r.Properties?.ResponseType);
    expect(types).toEqual(expect.arrayContaining(['DEFAULT_4XX', 'DEFAULT_5XX', 'UNAUTHORIZED', 'ACCESS_DENIED']));
    for (const [, , r] of responses) expect(JSON.stringify(r.Properties?.ResponseParameters ?? {})).not.toMatch(/Access-Control/);
  });

  test('an authorizer that could not decide (AUTHORIZER_FAILURE) is a 503 to retry, not a 500 or a 401', () => {
    const failure = responses.find(([, , r]) => r.Properties?.ResponseType === 'AUTHORIZER_FAILURE')?.[2];
    const template = JSON.parse(String(failure?.Properties?.ResponseTemplates?.['application/json']));
    expect({ status: failure?.Properties?.StatusCode, retryAfter: failure?.Properties?.ResponseParameters?.['gatewayresponse.header.Retry-After'], code: template.error.code }).toEqual({
      status: '503',
      retryAfter: "'2'",
      code: 'service_unavailable',
    });
  });

  test('every gateway response carries its request id in the body (error.requestId) and in x-request-id, like the functions\' errors', () => {
    expect(responses.length).toBeGreaterThanOrEqual(8);
    for (const [, id, r] of responses) {
      const template = String(r.Properties?.ResponseTemplates?.['application/json']);
      // The two DEFAULT_* templates hold $context.error.messageString unquoted: fill it in as API Gateway would.
      const body = JSON.parse(template.replace('$context.error.messageString', '"message"'));
      expect({ id, requestId: body.error.requestId, header: r.Properties?.ResponseParameters?.['gatewayresponse.header.x-request-id'] }).toEqual({
        id,
        requestId: '$context.requestId',
        header: 'context.requestId',
      });
    }
  });

  test('with a web origin (cors.cjs), gateway responses name exactly it, with Authorization allowed, never *', async () => {
    const cors = await import(path.join(repoRoot, 'services/api/cors.cjs'));
    const resolveVariable = async (name: string) => (name === 'param:webOrigin' ? 'https://notes.test' : '');
    expect(await cors.gatewayResponseHeaders({ resolveVariable })).toEqual({
      'gatewayresponse.header.x-request-id': 'context.requestId',
      'gatewayresponse.header.Access-Control-Allow-Origin': "'https://notes.test'",
      'gatewayresponse.header.Access-Control-Allow-Headers': "'Content-Type,Authorization,X-Api-Key'",
      'gatewayresponse.header.Vary': "'Origin'",
    });
    expect(await cors.userRoutes({ resolveVariable })).toMatchObject({ origin: 'https://notes.test', allowCredentials: false });
    expect(await cors.developerApi({ resolveVariable })).toBe(false);
    expect(await cors.attachmentOrigins({ resolveVariable: async () => '' })).toEqual(['*']);
  });

  test('prod: no route declares CORS (no OPTIONS methods), functions send no Access-Control-Allow-Origin', () => {
    expect(resourcesOfType('AWS::ApiGateway::Method', ['api']).filter(([, , r]) => r.Properties?.HttpMethod === 'OPTIONS')).toEqual([]);
    for (const [, , fn] of resourcesOfType('AWS::Lambda::Function', ['api'])) expect(fn.Properties?.Environment?.Variables?.WEB_ORIGIN ?? '').toBe('');
  });

  test('every route with a body carries its request model, generated from the shared schema', () => {
    const models = Object.fromEntries(
      resourcesOfType('AWS::ApiGateway::Model').map(([, id, r]) => [id, r.Properties as Record<string, any>]),
    );
    const method = (id: string) => resourcesOfType('AWS::ApiGateway::Method').find(([, methodId]) => methodId === id)?.[2];
    expect(requestModels.map((m) => m.name)).toEqual(expect.arrayContaining(['CreateNoteRequest', 'PutNoteRequest', 'OrganizeNoteRequest']));
    for (const { name, route } of requestModels) {
      const modelId = `${name}Model`;
      expect(method(methodLogicalId(route))?.Properties?.RequestModels).toEqual({ 'application/json': { Ref: modelId } });
      expect(models[modelId]).toMatchObject({ Name: name, ContentType: 'application/json' });
      const schema = models[modelId]!.Schema as { $schema: string; additionalProperties?: boolean; anyOf?: { additionalProperties?: boolean }[] };
      expect(schema.$schema).toBe('http://json-schema.org/draft-04/schema#');
      // Strict: no unknown field passes, whether the body has one shape or several (PUT: edit | create).
      for (const shape of schema.anyOf ?? [schema]) expect(shape.additionalProperties).toBe(false);
    }
  });

  test('the prod stage throttles every method by default', () => {
    const deployments = resourcesOfType('AWS::ApiGateway::Deployment');
    expect(deployments).toHaveLength(1);
    const [, , deployment] = deployments[0]!;
    expect(deployment.Properties?.StageDescription).toMatchObject({ ThrottlingRateLimit: 200, ThrottlingBurstLimit: 400 });
  });

  test('the public share route has its own, lower throttle (a link posted publicly cannot use up the stage)', () => {
    const [, , deployment] = resourcesOfType('AWS::ApiGateway::Deployment')[0]!;
    expect(deployment.Properties?.StageDescription?.MethodSettings).toEqual([
      { ResourcePath: '/~1public~1shares~1{token}', HttpMethod: 'GET', ThrottlingRateLimit: 40, ThrottlingBurstLimit: 80 },
    ]);
    const [, , method] = resourcesOfType('AWS::ApiGateway::Method').find(([, , m]) => m.Properties?.HttpMethod === 'GET' && JSON.stringify(m.Properties?.ResourceId).includes('PublicSharesToken'))!;
    expect(method.Properties?.AuthorizationType).toBe('NONE');
  });

  test('the attachments bucket notifies the upload function of every created object', () => {
    const [, , bucket] = resourcesOfType('AWS::S3::Bucket').find(([, id]) => id === 'AttachmentsBucket')!;
    expect(bucket.Properties?.NotificationConfiguration?.LambdaConfigurations).toEqual([
      { Event: 's3:ObjectCreated:*', Function: { 'Fn::GetAtt': ['AttachmentUploadedLambdaFunction', 'Arn'] } },
    ]);
    const permission = resourcesOfType('AWS::Lambda::Permission').find(([, , r]) => r.Properties?.Principal === 's3.amazonaws.com');
    expect(permission?.[2].Properties?.FunctionName).toEqual({ 'Fn::GetAtt': ['AttachmentUploadedLambdaFunction', 'Arn'] });
  });

  test('the trash purge runs on a daily schedule', () => {
    const rules = resourcesOfType('AWS::Events::Rule');
    const purge = rules.find(([, , r]) => JSON.stringify(r.Properties?.Targets).includes('PurgeTrashLambdaFunction'));
    expect(purge?.[2].Properties).toMatchObject({ ScheduleExpression: 'cron(17 3 * * ? *)', State: 'ENABLED' });
  });

  test('CORS never allows every origin in prod (preflights included)', () => {
    const json = JSON.stringify(template('api'));
    expect(json).not.toMatch(/Access-Control-Allow-Origin":"'\*'"/);
  });
});

describe('no placeholder ever deploys', () => {
  test.each(allServices)('the %s prod template names no example.com or localhost address', (service) => {
    expect(JSON.stringify(template(service))).not.toMatch(/example\.com|localhost|127\.0\.0\.1/);
  });
});

describe('cfn-lint', () => {
  test.each(allServices)('%s template has no cfn-lint errors', (service) => {
    // Same config as `pnpm lint:cfn` (.cfnlintrc at the root). Exit code is a bit mask:
    // 2 = errors, 4 = warnings, 8 = informational.
    const file = templateFile(service);
    const result = spawnSync('cfn-lint', [path.relative(repoRoot, file)], { cwd: repoRoot, encoding: 'utf8' });
    if (result.error) throw new Error(`cfn-lint did not run (${result.error.message}): install it with \`pipx install cfn-lint\` (pnpm test does it when pipx or pip is there)`);
    expect({ status: result.status, errors: result.stdout.split('\n\n').filter((b) => /^E\d{4}/.test(b.trim())) }).toEqual({
      status: expect.any(Number),
      errors: [],
    });
    expect((result.status ?? 0) & 2).toBe(0);
  }, 120_000);
});

describe('observability', () => {
  test('the api stage has a CloudWatch dashboard (services/api/resources/dashboard.yml)', () => {
    expect(resourcesOfType('AWS::CloudWatch::Dashboard', ['api']).length).toBe(1);
  });
});
