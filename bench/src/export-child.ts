// One export of a user's notes, in a fresh process so that its peak RSS is the export's own (as the
// export function's would be in its Lambda sandbox). argv: <stack info JSON> <sub>. Prints
// {"durationMs","maxRssBytes"} on stdout.
import { randomUUID } from 'node:crypto';
import { functionEnv } from './lib/events';
import type { StackInfo } from '@jotter/tools/testing/stack';

const [info, sub] = process.argv.slice(2) as [string, string];
Object.assign(process.env, functionEnv(JSON.parse(info) as StackInfo));

void (async () => {
  const { handler } = await import('../../services/api/src/handlers/events/build-export');
  const started = performance.now();
  await handler({ sub, exportId: randomUUID() });
  process.stdout.write(`\n${JSON.stringify({ durationMs: performance.now() - started, maxRssBytes: process.resourceUsage().maxRSS * 1024 })}\n`);
  process.exit(0);
})();
