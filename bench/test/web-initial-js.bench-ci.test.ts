// Budgets (issues 8 and 22): the web app's initial JS (entry chunk + its static imports) is at most
// 100 kB gzip, and the first paint needs few requests: index.html asks for at most 6 files (7 with
// the document itself: entry, runtime, app, stylesheet, landing pages, and the route contract with
// its zod schemas, which the landing pages' API calls need), and preloads the landing pages. The
// public share page (/s/:token) adds at most 40 kB gzip of its own, without the auth SDK or editor.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildWeb, placeholderWebEnv, webBytes, type WebBytes } from '../src/lib/web';

jest.setTimeout(180_000);

let bytes: WebBytes;
let dir: string;

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jotter-bench-web-'));
  bytes = webBytes(buildWeb(placeholderWebEnv, dir));
});

afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

it('initial JS is at most 100 kB gzip', () => {
  expect(bytes.initialFiles.length).toBeGreaterThan(0);
  expect(bytes.initialGzip).toBeLessThanOrEqual(100_000);
});

it('the public share page loads at most 40 kB gzip of its own JS, and neither the auth SDK nor the editor', () => {
  expect(bytes.sharePage.files.length).toBeGreaterThan(0);
  expect(bytes.sharePage.gzip).toBeLessThanOrEqual(40_000);
  expect(bytes.sharePage.files.filter((f) => /cognito|markdown-preview|note-editor|landing/.test(f))).toEqual([]);
});

it('index.html asks for at most 6 files before the first paint, one of them CSS, and preloads the landing pages', () => {
  expect(bytes.htmlRequests.length).toBeLessThanOrEqual(6);
  expect(bytes.htmlRequests.filter((f) => f.endsWith('.css'))).toHaveLength(1);
  expect(bytes.htmlRequests.some((f) => /^assets\/landing-[\w-]+\.js$/.test(f))).toBe(true);
  // The landing chunk is all the first page needs besides the initial JS.
  expect(bytes.firstPaintFiles.every((f) => bytes.htmlRequests.includes(f))).toBe(true);
});
