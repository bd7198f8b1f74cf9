// `pnpm test:stress`: the heavy reliability and security suite — FUZZ_RUNS=200 per
// route, autocannon 50 connections × 30 s, 1,000 notes by one user, a bigger crash burst — then
// the figures every part recorded. Extra arguments go to Jest (e.g. a file pattern).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { readFigures } from './figures';

const repo = path.resolve(__dirname, '..', '..');
const figuresFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'jotter-stress-')), 'figures.jsonl');
const started = Date.now();
const jest = spawnSync(path.join(repo, 'node_modules', '.bin', 'jest'), ['--selectProjects', 'security', '--runInBand', ...process.argv.slice(2)], {
  cwd: repo,
  stdio: 'inherit',
  env: {
    ...process.env,
    JOTTER_STRESS: '1',
    FUZZ_RUNS: process.env.FUZZ_RUNS ?? '200',
    JOTTER_FIGURES_FILE: figuresFile,
    SLS_TELEMETRY_DISABLED: '1',
    SLS_NOTIFICATIONS_MODE: 'off',
  },
});
const minutes = ((Date.now() - started) / 60_000).toFixed(1);

console.log(`\n=== Jotter stress suite: ${jest.status === 0 ? 'PASSED' : 'FAILED'} in ${minutes} min ===`);
for (const { section, figures } of readFigures(figuresFile)) {
  console.log(`\n${section}`);
  for (const [key, value] of Object.entries(figures)) console.log(`  ${key.padEnd(28)} ${value}`);
}
fs.rmSync(path.dirname(figuresFile), { recursive: true, force: true });
process.exit(jest.status ?? 1);
