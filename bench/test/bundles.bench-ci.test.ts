// Budget: every prod function's handler bundle is at most 160 kB minified (@aws-sdk/* external).
// The functions that still load the Dynamoose models (keys, trash deletion, the purge) are the
// largest, at 148–158 kB, of which Dynamoose is 100 kB and zod 31 kB; the note, attachment, search,
// share, import and /v1 functions use the raw client and stay near or under 100 kB. The way to the 100 kB
// goal is to keep Dynamoose off the remaining paths that do not use its models. Packages the api
// for prod into a temp folder (serverless package --package, own esbuild work folder), so it
// neither needs nor disturbs `pnpm package:prod`'s output.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { packageApiInto, readBundles, type Bundle } from '../src/lib/bundles';

jest.setTimeout(180_000);

const budgetBytes = 160_000;
let dir: string;
let bundles: Bundle[];

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jotter-bench-ci-'));
  packageApiInto(path.join(dir, 'package'));
  bundles = readBundles(path.join(dir, 'package'), path.join(dir, 'functions'));
});
afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it('packages every function', () => {
  expect(bundles.length).toBeGreaterThan(10);
});

it('every function bundle is at most 160 kB minified', () => {
  const over = bundles.filter((b) => b.minified > budgetBytes).map((b) => `${b.name}: ${(b.minified / 1000).toFixed(1)} kB`);
  expect(over).toEqual([]);
});
