import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { REPO_ROOT } from '../stack/config';
import { WEB_DIR } from '../stack/offline';
import type { StackInfo } from '../stack';

declare global {
  // The stack host process, for global-teardown (same process as global-setup).
  var __JOTTER_STACK__: { host: ChildProcess; tempDir: string } | undefined;
}

/**
 * Starts one local stack per Jest run (free ports, temp data) in its own process
 * (tools/src/stack/host.ts: Jest's main process may block its event loop, which would stall the
 * stack's in-process parts) and exposes it to the tests through JOTTER_STACK_FILE. If
 * JOTTER_STACK_FILE already names an existing file (e.g. the .dev/stack.json of a running
 * `pnpm dev`), that stack is reused and nothing is started.
 */
export default async function globalSetup(): Promise<void> {
  const existing = process.env.JOTTER_STACK_FILE;
  if (existing && fs.existsSync(existing)) {
    console.log(`\n[jotter] reusing the running stack from ${existing}`);
    return;
  }
  const tempDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jotter-stack-'));
  const started = Date.now();
  const tsx = require.resolve('tsx/cli', { paths: [REPO_ROOT] });
  const host = spawn(process.execPath, [tsx, path.join(REPO_ROOT, 'tools', 'src', 'stack', 'host.ts'), tempDir], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      JOTTER_HOST_WEB: fs.existsSync(path.join(WEB_DIR, 'index.html')) ? '1' : '0',
      // Tests fire requests concurrently; a cold worker thread per concurrent call makes them
      // slow and timing-sensitive on two cores (see StartStackOptions.offlineInProcess).
      JOTTER_OFFLINE_IN_PROCESS: '1',
    },
    // The IPC channel lets the host notice if Jest dies without tearing down.
    stdio: ['ignore', 'pipe', 'pipe', 'ipc'],
  });
  const info = await new Promise<StackInfo>((resolve, reject) => {
    let out = '';
    let err = '';
    host.stderr!.on('data', (chunk: Buffer) => (err = (err + chunk.toString()).slice(-4000)));
    host.stdout!.on('data', (chunk: Buffer) => {
      out += chunk.toString();
      const line = out.split('\n').find((l) => l.startsWith('STACK '));
      if (line) resolve(JSON.parse(line.slice('STACK '.length)) as StackInfo);
    });
    host.on('exit', (code) => reject(new Error(`The local stack did not start (exit ${code}):\n${err}`)));
  });
  // Logs go to files only (<tempDir>/logs), so Jest's output stays readable.
  host.stdout!.resume();
  host.stderr!.resume();
  globalThis.__JOTTER_STACK__ = { host, tempDir };
  process.env.JOTTER_STACK_FILE = info.stackFile;
  console.log(`\n[jotter] local stack up in ${((Date.now() - started) / 1000).toFixed(1)} s (logs: ${info.logsDir})`);
}
