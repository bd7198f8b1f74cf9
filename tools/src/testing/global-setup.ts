import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startStack, type RunningStack } from '../stack';
import { WEB_DIR } from '../stack/offline';
import { silentSink } from '../stack/logs';

declare global {
  // The running stack, for global-teardown (same process as global-setup).
  var __JOTTER_STACK__: (RunningStack & { tempDir: string }) | undefined;
}

/**
 * Starts one local stack per Jest run (free ports, temp data) and exposes it to the test workers
 * through JOTTER_STACK_FILE. If JOTTER_STACK_FILE already names an existing file (e.g. the
 * .dev/stack.json of a running `pnpm dev`), that stack is reused and nothing is started.
 */
export default async function globalSetup(): Promise<void> {
  const existing = process.env.JOTTER_STACK_FILE;
  if (existing && fs.existsSync(existing)) {
    console.log(`\n[jotter] reusing the running stack from ${existing}`);
    return;
  }
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jotter-stack-'));
  const started = Date.now();
  // Logs go to files only (<tempDir>/logs), so Jest's output stays readable; set
  // JOTTER_STACK_LOGS=1 to see them live.
  const stack = await startStack({
    dataDir: tempDir,
    freePorts: true,
    web: fs.existsSync(path.join(WEB_DIR, 'index.html')),
    // Tests fire requests concurrently; a cold worker thread per concurrent call makes them slow
    // and timing-sensitive on two cores (see StartStackOptions.offlineInProcess).
    offlineInProcess: true,
    logSink: process.env.JOTTER_STACK_LOGS ? undefined : silentSink,
  });
  globalThis.__JOTTER_STACK__ = { ...stack, tempDir };
  process.env.JOTTER_STACK_FILE = stack.info.stackFile;
  console.log(`\n[jotter] local stack up in ${((Date.now() - started) / 1000).toFixed(1)} s (logs: ${stack.info.logsDir})`);
}
