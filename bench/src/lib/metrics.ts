// One row of bench/results.json, and the table printed from them.
import fs from 'node:fs';
import path from 'node:path';

export const BENCH_DIR = path.resolve(__dirname, '..', '..');
export const REPO_ROOT = path.resolve(BENCH_DIR, '..');
export const RESULTS_FILE = path.join(BENCH_DIR, 'results.json');
/** Scratch space (ignored by git and eslint): extracted bundles, web builds. */
export const OUT_DIR = path.join(BENCH_DIR, 'node_modules', '.cache', 'jotter-bench');

export interface Metric {
  /** `<group>.<name>`, e.g. `bundle.listNotes.minified`. */
  metric: string;
  value: number;
  unit: string;
  /** Same quantity, same run, of the baseline (null when the metric has none). */
  baseline: number | null;
  baselineLabel: string | null;
  /** value / baseline. */
  ratio: number | null;
  /** The budget; applies to `budgetOn` (the absolute value or the ratio). */
  budget: number | null;
  budgetOn: 'value' | 'ratio' | null;
  /** `max`: value must be <= budget; `min`: >= budget. */
  budgetKind: 'max' | 'min' | null;
  goal: number | null;
  /** null when the metric has no budget (reported only). */
  pass: boolean | null;
  note?: string;
}

export interface MetricInput {
  metric: string;
  value: number;
  unit: string;
  baseline?: number | null;
  baselineLabel?: string | null;
  budget?: number | null;
  budgetOn?: 'value' | 'ratio';
  budgetKind?: 'max' | 'min';
  goal?: number | null;
  note?: string;
}

const round = (n: number, digits = 3) => Math.round(n * 10 ** digits) / 10 ** digits;

export function metric(input: MetricInput): Metric {
  const baseline = input.baseline ?? null;
  const ratio = baseline ? round(input.value / baseline) : null;
  const budget = input.budget ?? null;
  const budgetOn = budget === null ? null : (input.budgetOn ?? 'value');
  const budgetKind = budget === null ? null : (input.budgetKind ?? 'max');
  let pass: boolean | null = null;
  if (budget !== null) {
    const subject = budgetOn === 'ratio' ? ratio : input.value;
    pass = subject === null || !Number.isFinite(subject) ? false : budgetKind === 'max' ? subject <= budget : subject >= budget;
  }
  return {
    metric: input.metric,
    value: round(input.value),
    unit: input.unit,
    baseline: baseline === null ? null : round(baseline),
    baselineLabel: input.baselineLabel ?? null,
    ratio,
    budget,
    budgetOn,
    budgetKind,
    goal: input.goal ?? null,
    pass,
    ...(input.note ? { note: input.note } : {}),
  };
}

export function median(values: number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
}

export const kB = (bytes: number) => bytes / 1000;

function fmt(n: number | null): string {
  if (n === null) return '';
  if (Math.abs(n) >= 100) return n.toFixed(0);
  if (Math.abs(n) >= 10) return n.toFixed(1);
  return n.toFixed(2);
}

export function budgetText(m: Metric): string {
  if (m.budget === null) return '';
  const op = m.budgetKind === 'min' ? '≥' : '≤';
  const goal = m.goal !== null ? ` (goal ${m.goal})` : '';
  return m.budgetOn === 'ratio' ? `ratio ${op} ${m.budget}${goal}` : `${op} ${m.budget} ${m.unit}${goal}`;
}

export function passText(m: Metric): string {
  return m.pass === null ? '–' : m.pass ? 'pass' : 'FAIL';
}

/** Rows as [metric, value, baseline, ratio, budget, pass]. */
export function rows(metrics: Metric[]): string[][] {
  return metrics.map((m) => [
    m.metric,
    `${fmt(m.value)} ${m.unit}`,
    m.baseline === null ? '' : `${fmt(m.baseline)} (${m.baselineLabel ?? ''})`,
    m.ratio === null ? '' : m.ratio.toFixed(2),
    budgetText(m),
    passText(m),
  ]);
}

export const HEADER = ['metric', 'value', 'baseline', 'ratio', 'budget', 'pass'];

export function textTable(metrics: Metric[]): string {
  const all = [HEADER, ...rows(metrics)];
  const widths = HEADER.map((_, i) => Math.max(...all.map((r) => r[i]!.length)));
  return all.map((r) => r.map((c, i) => c.padEnd(widths[i]!)).join('  ').trimEnd()).join('\n');
}

export function markdownTable(metrics: Metric[]): string {
  const esc = (s: string) => s.replace(/\|/g, '\\|');
  return [
    `| ${HEADER.join(' | ')} |`,
    `|${HEADER.map(() => '---').join('|')}|`,
    ...rows(metrics).map((r) => `| ${r.map(esc).join(' | ')} |`),
  ].join('\n');
}

export interface ResultsFileMeta {
  date: string;
  node: string;
  cores: number;
  cpu: string;
  platform: string;
  durationSeconds: number;
  notes?: string[];
}

export function readResults(): Metric[] {
  return fs.existsSync(RESULTS_FILE) ? (JSON.parse(fs.readFileSync(RESULTS_FILE, 'utf8')) as Metric[]) : [];
}

export function readResultsMeta(): ResultsFileMeta | undefined {
  const file = path.join(BENCH_DIR, 'results.meta.json');
  return fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as ResultsFileMeta) : undefined;
}

export function writeResults(metrics: Metric[], meta: ResultsFileMeta): void {
  fs.writeFileSync(RESULTS_FILE, `${JSON.stringify(metrics, null, 2)}\n`);
  fs.writeFileSync(path.join(BENCH_DIR, 'results.meta.json'), `${JSON.stringify(meta, null, 2)}\n`);
}
