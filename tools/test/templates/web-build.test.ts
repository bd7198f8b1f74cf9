// The web build gets its config from the stacks' outputs, through the environment only:
// build the real app (pnpm --filter @jotter/web build, as publish-web does on deploy) with a
// FAKE set of outputs and look for them in the bundle.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildWeb, isHashedAsset, type WebConfig } from '../../src/deploy/publish-web';

const fake: WebConfig = {
  apiUrl: 'https://fake7api0q.execute-api.eu-west-3.amazonaws.com/prod',
  region: 'eu-west-3',
  userPoolId: 'eu-west-3_FaKePoOl7',
  userPoolClientId: 'fakeclientid0123456789abcd',
  authFlow: 'USER_SRP_AUTH',
  cognitoEndpoint: '',
};

describe('web build with stack outputs', () => {
  const outDir = mkdtempSync(path.join(tmpdir(), 'jotter-web-dist-'));
  let js = '';
  let files: string[] = [];

  beforeAll(async () => {
    await buildWeb(fake, { outDir, quiet: true });
    files = readdirSync(outDir, { recursive: true, withFileTypes: true })
      .filter((e) => e.isFile())
      .map((e) => path.relative(outDir, path.join(e.parentPath, e.name)).split(path.sep).join('/'));
    js = files
      .filter((f) => /^assets\/.*\.js$/.test(f))
      .map((f) => readFileSync(path.join(outDir, f), 'utf8'))
      .join('\n');
  }, 240_000);

  afterAll(() => rmSync(outDir, { recursive: true, force: true }));

  test('index.html and hashed assets', () => {
    expect(files).toContain('index.html');
    const assets = files.filter(isHashedAsset);
    expect(assets.some((f) => f.endsWith('.js'))).toBe(true);
    // The year-long immutable cache of assets/ is only safe if every name there carries a hash.
    for (const f of assets) expect(f).toMatch(/-[A-Za-z0-9_-]{8,}\.[a-z0-9]+(\.map)?$/);
  });

  test.each([
    ['VITE_API_URL', fake.apiUrl],
    ['VITE_REGION', fake.region],
    ['VITE_USER_POOL_ID', fake.userPoolId],
    ['VITE_USER_POOL_CLIENT_ID', fake.userPoolClientId],
    ['VITE_AUTH_FLOW', fake.authFlow],
  ])('the bundle carries %s from the outputs', (_name, value) => {
    expect(js).toContain(value);
  });

  test('no local-stack value leaks into a deployed build', () => {
    expect(js).not.toMatch(/localhost:9229|localhost:3000/);
  });
});
