// The export of a 10,000-note account: the export function's code run once in a child process
// against the local stack (S3 multipart upload included), timed, with its peak RSS.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import type { StackInfo } from '@jotter/tools/testing/stack';

export interface ExportRun {
  durationMs: number;
  maxRssBytes: number;
}

export function measureExport(stack: StackInfo, sub: string): ExportRun {
  const child = path.join(__dirname, '..', 'export-child.ts');
  const output = execFileSync('pnpm', ['exec', 'tsx', child, JSON.stringify(stack), sub], { encoding: 'utf8', maxBuffer: 16 * 1024 * 1024 });
  return JSON.parse(output.trim().split('\n').at(-1)!) as ExportRun;
}
