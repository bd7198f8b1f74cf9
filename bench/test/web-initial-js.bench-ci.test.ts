// Budget (issue 8): the web app's initial JS (entry chunk + its static imports) is at most 100 kB gzip.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { buildWeb, placeholderWebEnv, webBytes } from '../src/lib/web';

jest.setTimeout(180_000);

it('initial JS is at most 100 kB gzip', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jotter-bench-web-'));
  try {
    const bytes = webBytes(buildWeb(placeholderWebEnv, dir));
    expect(bytes.initialFiles.length).toBeGreaterThan(0);
    expect(bytes.initialGzip).toBeLessThanOrEqual(100_000);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
