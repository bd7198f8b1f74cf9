import fs from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const stack = globalThis.__JOTTER_STACK__;
  if (!stack) return;
  globalThis.__JOTTER_STACK__ = undefined;
  await stack.stop();
  delete process.env.JOTTER_STACK_FILE;
  // Keep the data and logs of a failed run for inspection when asked to.
  if (!process.env.JOTTER_KEEP_STACK_DATA) fs.rmSync(stack.tempDir, { recursive: true, force: true });
}
