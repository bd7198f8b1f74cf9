// The benchmark write-up, generated from bench/results.json (+ results.meta.json): the full table
// goes to bench/RESULTS.md; README.md keeps a short summary between `<!-- bench:start -->` and
// `<!-- bench:end -->` (skipped when README.md or the markers are missing).
import fs from 'node:fs';
import path from 'node:path';
import { BENCH_DIR, markdownTable, REPO_ROOT, RESULTS_FILE, type Metric, type ResultsFileMeta } from './metrics';

export const START = '<!-- bench:start -->';
export const END = '<!-- bench:end -->';

const measuredOn = (metrics: Metric[], meta: ResultsFileMeta) =>
  `Measured by \`pnpm bench\` on ${meta.date.slice(0, 10)}: ${meta.cores} cores (${meta.cpu}), Node ${meta.node}, ${meta.platform}; took ${meta.durationSeconds} s. ` +
  `${metrics.length} metrics, ${metrics.filter((m) => m.pass === false).length} over budget.`;

/** bench/RESULTS.md: every metric. */
export function fullResults(metrics: Metric[], meta: ResultsFileMeta): string {
  return [
    '# Benchmark results',
    '',
    `${measuredOn(metrics, meta)} Generated from \`bench/results.json\` by \`pnpm bench:readme\`; budgets from issue 8.`,
    '',
    markdownTable(metrics),
    ...(meta.notes?.length ? ['', ...meta.notes.map((n) => `- ${n}`)] : []),
    '',
  ].join('\n');
}

/** The README's few lines: the largest figure of each group and what missed its budget. */
export function summary(metrics: Metric[], meta: ResultsFileMeta): string {
  const largest = (prefix: string, suffix = '') =>
    metrics.filter((m) => m.metric.startsWith(prefix) && m.metric.endsWith(suffix)).sort((a, b) => b.value - a.value)[0];
  const line = (label: string, m: Metric | undefined) =>
    m ? `- ${label}: ${m.metric} = ${Number(m.value.toPrecision(3))} ${m.unit}${m.budget !== null ? ` (budget ${m.budgetOn === 'ratio' ? 'ratio ' : ''}${m.budgetKind === 'min' ? '≥' : '≤'} ${m.budget})` : ''}` : undefined;
  const failed = metrics.filter((m) => m.pass === false).map((m) => m.metric);
  return [
    measuredOn(metrics, meta),
    '',
    ...[
      line('Largest function bundle', largest('bundle.', '.minified')),
      line('Most DynamoDB calls of a request', largest('ddbCalls.')),
      line('Slowest cold init', largest('coldInit.')),
      line('Web initial JS', metrics.find((m) => m.metric === 'web.initialJs.gzip')),
      line('Notes page LCP', metrics.find((m) => m.metric === 'web.notes.lcp')),
    ].filter((l): l is string => l !== undefined),
    ...(failed.length ? [`- Over budget: ${failed.join(', ')}`] : []),
    '',
    'Every metric, its baseline and budget: [bench/RESULTS.md](bench/RESULTS.md).',
  ].join('\n');
}

/** Writes bench/RESULTS.md and the README summary; returns the files written. */
export function updateReadme(): string[] {
  const metrics = JSON.parse(fs.readFileSync(RESULTS_FILE, 'utf8')) as Metric[];
  const meta = JSON.parse(fs.readFileSync(path.join(BENCH_DIR, 'results.meta.json'), 'utf8')) as ResultsFileMeta;
  const results = path.join(BENCH_DIR, 'RESULTS.md');
  fs.writeFileSync(results, fullResults(metrics, meta));
  const written = [results];
  const readme = path.join(REPO_ROOT, 'README.md');
  const text = fs.existsSync(readme) ? fs.readFileSync(readme, 'utf8') : undefined;
  const start = text?.indexOf(START) ?? -1;
  const end = text?.indexOf(END) ?? -1;
  if (text !== undefined && start >= 0 && end > start) {
    fs.writeFileSync(readme, `${text.slice(0, start + START.length)}\n${summary(metrics, meta)}\n${text.slice(end)}`);
    written.push(readme);
  }
  return written;
}

if (require.main === module) console.log(`wrote ${updateReadme().join(', ')}`);
