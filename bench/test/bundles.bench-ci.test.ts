// Budget (issue 8): every prod function's handler bundle is at most 150 kB minified (@aws-sdk/*
// external). Packages the api for prod into a temp folder (serverless package --package, own esbuild
// work folder), so it neither needs nor disturbs `pnpm package:prod`'s output.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { packageApiInto, readBundles, type Bundle } from '../src/lib/bundles';

jest.setTimeout(180_000);

const budgetBytes = 150_000;
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

it('every function bundle is at most 150 kB minified', () => {
  const over = bundles.filter((b) => b.minified > budgetBytes).map((b) => `${b.name}: ${(b.minified / 1000).toFixed(1)} kB`);
  expect(over).toEqual([]);
});
