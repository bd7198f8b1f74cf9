// Figures the suite measures (runs per route, requests, p99, errors, writes lost…). Each test file
// records its own; `pnpm test:stress` (stress/src/run.ts) prints them all at the end. Outside that
// script (plain `pnpm test`), they are printed as one line per section.
import fs from 'node:fs';

export type Figures = Record<string, string | number | boolean>;

export function recordFigures(section: string, figures: Figures): void {
  const file = process.env.JOTTER_FIGURES_FILE;
  if (file) fs.appendFileSync(file, `${JSON.stringify({ section, figures })}\n`);
  else console.log(`[stress] ${section}: ${Object.entries(figures).map(([k, v]) => `${k}=${v}`).join(', ')}`);
}

export function readFigures(file: string): { section: string; figures: Figures }[] {
  if (!fs.existsSync(file)) return [];
  return fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { section: string; figures: Figures });
}

/** Nearest-rank percentile of a list of numbers. */
export function percentile(values: number[], p: number): number {
  if (values.length === 0) return 0;
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1))]!;
}
