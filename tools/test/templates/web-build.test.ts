// The web build gets its config from the stacks' outputs, through the environment only:
// build the real app (pnpm --filter @jotter/web build, as publish-web does on deploy) with a
// FAKE set of outputs and look for them in the bundle.
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { buildWeb, isHashedAsset, isPublished, webConfigFromAuthOutputs } from '../../src/deploy/publish-web';
import type { WebConfig } from '../../src/web-env';

// What publish builds: the auth stack's outputs; the API on the site's own origin (/api).
const fake: WebConfig = webConfigFromAuthOutputs({
  Region: 'eu-west-3',
  UserPoolId: 'eu-west-3_FaKePoOl7',
  UserPoolClientId: 'fakeclientid0123456789abcd',
});

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

  test('the API is called on the same origin, under /api', () => {
    expect(fake.apiUrl).toBe('/api');
    expect(js).toMatch(/["'`]\/api["'`]/);
  });

  test('source maps are built but hidden: no bundle points at one, and publish leaves them out', () => {
    const maps = files.filter((f) => f.endsWith('.map'));
    expect(maps.length).toBeGreaterThan(0);
    expect(js).not.toContain('sourceMappingURL');
    expect(maps.filter(isPublished)).toEqual([]);
  });

  test('no local-stack value leaks into a deployed build', () => {
    expect(js).not.toMatch(/localhost:9229|localhost:3000/);
  });
});
