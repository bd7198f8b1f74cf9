// The deploy scripts' logic, without AWS: what publish-web uploads (headers, order, deletions)
// and how package-prod seeds compose's state.
import { mkdtempSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  cacheControlFor,
  contentTypeFor,
  publish,
  staleKeys,
  uploadOrder,
  webConfigFromAuthOutputs,
  webConfigFromEnv,
} from '../../src/deploy/publish-web';
import { webBuildEnv } from '../../src/web-env';
import { composeServices, referencedOutputs, seedState } from '../../src/deploy/package-prod';
import { repoRoot, template } from './templates';

describe('publish-web', () => {
  test('hashed assets are immutable for a year, everything else no-cache', () => {
    expect(cacheControlFor('assets/index-D3adB33f.js')).toBe('public,max-age=31536000,immutable');
    expect(cacheControlFor('index.html')).toBe('no-cache');
    expect(cacheControlFor('favicon.svg')).toBe('no-cache');
  });

  test('content types', () => {
    expect(contentTypeFor('index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('assets/a-1.js')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('assets/a-1.css')).toBe('text/css; charset=utf-8');
    expect(contentTypeFor('assets/a-1.js.map')).toBe('application/json; charset=utf-8');
    expect(contentTypeFor('favicon.svg')).toBe('image/svg+xml');
    expect(contentTypeFor('assets/font-1.woff2')).toBe('font/woff2');
    expect(contentTypeFor('LICENSE')).toBe('application/octet-stream');
  });

  test('assets first, index.html last', () => {
    expect(uploadOrder(['index.html', 'favicon.svg', 'assets/b.js', 'assets/a.css'])).toEqual([
      'assets/a.css',
      'assets/b.js',
      'favicon.svg',
      'index.html',
    ]);
  });

  test('stale objects are deleted; recent old assets survive the grace period', () => {
    const now = new Date('2026-01-10T12:00:00Z');
    const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000);
    const remote = [
      { Key: 'index.html', LastModified: hoursAgo(100) },
      { Key: 'old.txt', LastModified: hoursAgo(1) },
      { Key: 'assets/old-recent.js', LastModified: hoursAgo(1) },
      { Key: 'assets/old-ancient.js', LastModified: hoursAgo(100) },
      { Key: 'assets/new.js', LastModified: hoursAgo(0) },
    ];
    const local = ['index.html', 'assets/new.js'];
    expect(staleKeys(local, remote, { now, graceHours: 48 })).toEqual(['old.txt', 'assets/old-ancient.js']);
    expect(staleKeys(local, remote, { now, graceHours: 0 })).toEqual(['old.txt', 'assets/old-recent.js', 'assets/old-ancient.js']);
  });

  test('the build env carries exactly the stage config (VITE_*)', () => {
    const config = webConfigFromEnv({
      VITE_API_URL: 'https://x.execute-api.eu-west-1.amazonaws.com/prod',
      VITE_REGION: 'eu-west-1',
      VITE_USER_POOL_ID: 'eu-west-1_abc',
      VITE_USER_POOL_CLIENT_ID: 'client',
      VITE_AUTH_FLOW: 'USER_SRP_AUTH',
    });
    expect(webBuildEnv(config)).toEqual({
      VITE_API_URL: 'https://x.execute-api.eu-west-1.amazonaws.com/prod',
      VITE_REGION: 'eu-west-1',
      VITE_USER_POOL_ID: 'eu-west-1_abc',
      VITE_USER_POOL_CLIENT_ID: 'client',
      VITE_AUTH_FLOW: 'USER_SRP_AUTH',
      VITE_COGNITO_ENDPOINT: '',
      VITE_WS_URL: '',
      VITE_LOCAL_STACK: 'false',
    });
    expect(() => webConfigFromEnv({ VITE_REGION: 'x' })).toThrow(/VITE_API_URL/);
  });

  test('a deployed build takes its config from the auth stack outputs, the API at /api, SRP; or refuses', () => {
    expect(webConfigFromAuthOutputs({ Region: 'eu-west-1', UserPoolId: 'eu-west-1_abc', UserPoolClientId: 'client', UserPoolArn: 'x' }, { ServiceEndpointWebsocket: 'wss://w.execute-api.eu-west-1.amazonaws.com/prod' })).toEqual({
      apiUrl: '/api',
      region: 'eu-west-1',
      userPoolId: 'eu-west-1_abc',
      userPoolClientId: 'client',
      authFlow: 'USER_SRP_AUTH',
      cognitoEndpoint: '',
      wsUrl: 'wss://w.execute-api.eu-west-1.amazonaws.com/prod',
    });
    expect(() => webConfigFromAuthOutputs({ Region: 'eu-west-1' })).toThrow(/no output UserPoolId, UserPoolClientId: deploy it first/);
  });

  test('publish uploads with the right headers, deletes stale objects, invalidates /*', async () => {
    const dist = mkdtempSync(path.join(tmpdir(), 'jotter-dist-'));
    mkdirSync(path.join(dist, 'assets'));
    writeFileSync(path.join(dist, 'index.html'), '<!doctype html>');
    writeFileSync(path.join(dist, 'favicon.svg'), '<svg/>');
    writeFileSync(path.join(dist, 'assets', 'index-AbC123xy.js'), 'console.log(1)');
    writeFileSync(path.join(dist, 'assets', 'index-AbC123xy.js.map'), '{}');

    const sent: Array<{ name: string; input: any }> = [];
    const fakeClient = (handler: (name: string, input: any) => unknown) =>
      ({
        send: async (command: { constructor: { name: string }; input: unknown }) => {
          sent.push({ name: command.constructor.name, input: command.input });
          return handler(command.constructor.name, command.input);
        },
      }) as any;
    const s3 = fakeClient((name) =>
      name === 'ListObjectsV2Command'
        ? { Contents: [{ Key: 'index.html' }, { Key: 'assets/index-OLD00000.js', LastModified: new Date(0) }], IsTruncated: false }
        : {},
    );
    const cloudFront = fakeClient(() => ({ Invalidation: { Id: 'I1' } }));

    const result = await publish({ bucket: 'site', distributionId: 'D1', distDir: dist, graceHours: 48, s3, cloudFront, log: () => {} });

    const puts = sent.filter((c) => c.name === 'PutObjectCommand').map((c) => c.input);
    expect(puts.map((p) => [p.Key, p.CacheControl, p.ContentType])).toEqual([
      ['assets/index-AbC123xy.js', 'public,max-age=31536000,immutable', 'text/javascript; charset=utf-8'],
      ['favicon.svg', 'no-cache', 'image/svg+xml'],
      ['index.html', 'no-cache', 'text/html; charset=utf-8'],
    ]);
    expect(puts.every((p) => p.Bucket === 'site')).toBe(true);
    expect(result.deleted).toEqual(['assets/index-OLD00000.js']);
    const del = sent.find((c) => c.name === 'DeleteObjectsCommand')!.input;
    expect(del.Delete.Objects).toEqual([{ Key: 'assets/index-OLD00000.js' }]);
    const inv = sent.find((c) => c.name === 'CreateInvalidationCommand')!.input;
    expect(inv.DistributionId).toBe('D1');
    expect(inv.InvalidationBatch.Paths).toEqual({ Quantity: 1, Items: ['/*'] });
    // The invalidation comes after every upload and deletion.
    expect(sent.at(-1)!.name).toBe('CreateInvalidationCommand');
  });
});

describe('package-prod', () => {
  const compose = readFileSync(path.join(repoRoot, 'serverless-compose.yml'), 'utf8');

  test('compose wires auth -> api -> web through outputs', () => {
    expect(composeServices(compose)).toEqual({ auth: 'services/auth', api: 'services/api', web: 'web' });
    const refs = referencedOutputs(compose).map((r) => `${r.service}.${r.output}`);
    expect(refs).toEqual(
      expect.arrayContaining([
        'auth.UserPoolId',
        'auth.UserPoolClientId',
        'auth.UserPoolArn',
        'auth.UserPoolIssuer',
        'auth.Region',
        'api.ServiceEndpoint',
        'api.AttachmentsBucketName',
      ]),
    );
  });

  test('every referenced output is an Output of the referenced service template', () => {
    // Compose reads outputs from `serverless info` after deploy: they must exist in the stacks.
    for (const { service, output } of referencedOutputs(compose)) {
      if (output === 'ServiceEndpoint') {
        expect(template(service as 'api').Outputs).toHaveProperty('ServiceEndpoint');
      } else {
        expect(template(service as 'auth' | 'api').Outputs).toHaveProperty(output);
      }
    }
  });

  test('placeholders only where the state has no output; real outputs are kept', () => {
    const state = { service: { id: 'x' }, components: { auth: { outputs: { UserPoolId: 'us-east-1_REAL' } } } };
    const { state: seeded, seeded: names } = seedState(
      state,
      [
        { service: 'auth', output: 'UserPoolId' },
        { service: 'auth', output: 'Region' },
        { service: 'api', output: 'ServiceEndpoint' },
      ],
      'prod',
      'eu-west-1',
    );
    expect(names).toEqual(['auth.Region', 'api.ServiceEndpoint']);
    expect(seeded.components!.auth!.outputs).toEqual({ UserPoolId: 'us-east-1_REAL', Region: 'eu-west-1' });
    expect(seeded.components!.api!.outputs!.ServiceEndpoint).toBe('https://placeholder.execute-api.eu-west-1.amazonaws.com/prod');
    expect(state.components.auth.outputs).toEqual({ UserPoolId: 'us-east-1_REAL' }); // not mutated
  });
});
