// The CI summary line (.ci/summary.cjs, run by .ci/run): failures of any kind are counted, skips are named.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const script = path.join(__dirname, '..', '..', '..', '.ci', 'summary.cjs');

function summarize(report: object | undefined, jestStatus: number, lintStatus: number) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jotter-summary-'));
  try {
    const file = path.join(dir, 'results.json');
    if (report) fs.writeFileSync(file, JSON.stringify(report));
    const result = spawnSync(process.execPath, [script, file, String(jestStatus), String(lintStatus)], { encoding: 'utf8' });
    return { status: result.status, lines: result.stdout.trim().split('\n') };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const report = (tests: { fullName: string; status: string }[]) => ({
  numPassedTests: tests.filter((t) => t.status === 'passed').length,
  numFailedTests: tests.filter((t) => t.status === 'failed').length,
  numRuntimeErrorTestSuites: 0,
  testResults: [{ name: path.join(process.cwd(), 'a.test.ts'), assertionResults: tests }],
});

describe('.ci/summary.cjs', () => {
  it('counts a lint failure as a failure in the summary line and fails the run', () => {
    expect(summarize(report([{ fullName: 'ok', status: 'passed' }]), 0, 1)).toEqual({
      status: 1,
      lines: ['lint (eslint + tsc) failed', 'tests: 1 passed, 1 failed, 0 skipped'],
    });
  });

  it('names every skipped test', () => {
    const result = summarize(report([{ fullName: 'ok', status: 'passed' }, { fullName: 'later', status: 'pending' }, { fullName: 'some day', status: 'todo' }]), 0, 0);
    expect(result).toEqual({ status: 0, lines: ['skipped: later (a.test.ts)', 'skipped: some day (a.test.ts)', 'tests: 1 passed, 0 failed, 2 skipped'] });
  });

  it('a failed Jest run without a report is still a failure', () => {
    expect(summarize(undefined, 1, 0)).toEqual({ status: 1, lines: ['tests: 0 passed, 1 failed, 0 skipped'] });
  });
});
