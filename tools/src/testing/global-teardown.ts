import fs from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const stack = globalThis.__JOTTER_STACK__;
  if (!stack) return;
  globalThis.__JOTTER_STACK__ = undefined;
  const { host, tempDir } = stack;
  if (host.exitCode === null) {
    const exited = new Promise((resolve) => host.once('exit', resolve));
    host.kill('SIGTERM');
    const timer = setTimeout(() => host.kill('SIGKILL'), 30_000);
    await exited;
    clearTimeout(timer);
  }
  delete process.env.JOTTER_STACK_FILE;
  // Keep the data and logs of a failed run for inspection when asked to.
  if (!process.env.JOTTER_KEEP_STACK_DATA) fs.rmSync(tempDir, { recursive: true, force: true });
}
