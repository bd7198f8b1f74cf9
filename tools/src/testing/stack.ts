import fs from 'node:fs';
import type { StackInfo } from '../stack';

export type { StackInfo } from '../stack';

/** The running local stack's description, from the file named by JOTTER_STACK_FILE (set by global-setup). */
export function readStack(): StackInfo {
  const file = process.env.JOTTER_STACK_FILE;
  if (!file) throw new Error('JOTTER_STACK_FILE is not set: run integration tests through jest (global-setup starts the stack), or point it at .dev/stack.json of a running `pnpm dev`.');
  return JSON.parse(fs.readFileSync(file, 'utf8')) as StackInfo;
}
