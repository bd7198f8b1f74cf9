// A local stack for the benchmarks: temp data, free ports, no Vite (the web bench serves a
// production build with `vite preview` on the stack's web port, the origin the API allows).
// BENCH_STACK_FILE=<stack.json of a running stack> reuses that stack instead.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startStack } from '@jotter/tools/stack';
import { silentSink } from '@jotter/tools/stack/logs';
import type { StackInfo } from '@jotter/tools/testing/stack';

export interface BenchStack {
  info: StackInfo;
  stop(): Promise<void>;
}

export async function startBenchStack(log: (line: string) => void): Promise<BenchStack> {
  const existing = process.env.BENCH_STACK_FILE;
  if (existing) {
    log(`reusing the stack of ${existing}`);
    return { info: JSON.parse(fs.readFileSync(existing, 'utf8')) as StackInfo, stop: async () => {} };
  }
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jotter-bench-'));
  // serverless-offline may fail while someone's in-progress handler does not compile: retry a few times.
  for (let attempt = 1; ; attempt++) {
    try {
      const started = Date.now();
      const stack = await startStack({ dataDir, freePorts: true, web: false, reset: true, offlineInProcess: true, logSink: silentSink });
      log(`local stack up in ${((Date.now() - started) / 1000).toFixed(1)} s (logs: ${stack.info.logsDir})`);
      return {
        info: stack.info,
        stop: async () => {
          await stack.stop();
          if (!process.env.BENCH_KEEP_STACK_DATA) fs.rmSync(dataDir, { recursive: true, force: true });
        },
      };
    } catch (error) {
      if (attempt >= 3) throw error;
      log(`stack start failed (${(error as Error).message.split('\n')[0]}); retrying in 60 s`);
      await new Promise((r) => setTimeout(r, 60_000));
    }
  }
}

/**
 * Waits until an authenticated request succeeds: serverless-offline rebuilds its bundles when
 * someone edits services/api, and answers 401/502 for a few seconds meanwhile.
 */
export async function waitForApi(info: StackInfo, accessToken: string, log: (line: string) => void, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (let i = 0; ; i++) {
    let last: string;
    try {
      const res = await fetch(`${info.apiUrl}/notes?limit=1`, { headers: { authorization: `Bearer ${accessToken}` } });
      if (res.ok) return;
      last = `${res.status} ${await res.text()}`;
    } catch (error) {
      last = (error as Error).message;
    }
    if (Date.now() > deadline) throw new Error(`the local API does not answer GET /notes: ${last}`);
    if (i === 0) log(`waiting for the API (${last.slice(0, 120)}) ...`);
    await new Promise((r) => setTimeout(r, 1000));
  }
}
