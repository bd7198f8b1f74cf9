// The README's performance section, generated from bench/results.json (+ results.meta.json):
// replaces what is between `<!-- bench:start -->` and `<!-- bench:end -->` in README.md; without
// README.md or the markers, writes bench/RESULTS.md instead.
import fs from 'node:fs';
import path from 'node:path';
import { BENCH_DIR, markdownTable, REPO_ROOT, RESULTS_FILE, type Metric, type ResultsFileMeta } from './metrics';

export const START = '<!-- bench:start -->';
export const END = '<!-- bench:end -->';

export function section(metrics: Metric[], meta: ResultsFileMeta): string {
  const failed = metrics.filter((m) => m.pass === false);
  return [
    `Measured by \`pnpm bench\` on ${meta.date.slice(0, 10)}: ${meta.cores} cores (${meta.cpu}), Node ${meta.node}, ${meta.platform}; took ${meta.durationSeconds} s. ` +
      `Generated from \`bench/results.json\` by \`pnpm bench:readme\`; budgets from issues 8 and 22 (web first paint). ` +
      `${metrics.length} metrics, ${failed.length} over budget.`,
    '',
    markdownTable(metrics),
    ...(meta.notes?.length ? ['', ...meta.notes.map((n) => `- ${n}`)] : []),
  ].join('\n');
}

/** Returns the file written. */
export function updateReadme(): string {
  const metrics = JSON.parse(fs.readFileSync(RESULTS_FILE, 'utf8')) as Metric[];
  const meta = JSON.parse(fs.readFileSync(path.join(BENCH_DIR, 'results.meta.json'), 'utf8')) as ResultsFileMeta;
  const body = section(metrics, meta);
  const readme = path.join(REPO_ROOT, 'README.md');
  const text = fs.existsSync(readme) ? fs.readFileSync(readme, 'utf8') : undefined;
  const start = text?.indexOf(START) ?? -1;
  const end = text?.indexOf(END) ?? -1;
  if (text !== undefined && start >= 0 && end > start) {
    fs.writeFileSync(readme, `${text.slice(0, start + START.length)}\n${body}\n${text.slice(end)}`);
    return readme;
  }
  const out = path.join(BENCH_DIR, 'RESULTS.md');
  fs.writeFileSync(out, `# Benchmark results\n\n${START}\n${body}\n${END}\n`);
  return out;
}

if (require.main === module) console.log(`wrote ${updateReadme()}`);
