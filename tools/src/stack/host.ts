// Runs one local stack in its own process and prints `STACK <info json>` once it is up; SIGTERM,
// SIGINT or the parent going away (IPC disconnect) stop it cleanly.
//
// Why a process of its own: the stack includes in-process parts (the gateway proxy, the S3
// emulator, the children's log pipes). Hosted inside Jest's main process — which runs tests in
// band on a 2-core machine and blocks its event loop in synchronous steps — they would stall for
// seconds at a time. The crash test also needs a SIGKILL to take the whole stack down at once.
//
// Usage: tsx tools/src/stack/host.ts <dataDir> [portsJson]. JOTTER_HOST_WEB=1 starts Vite too;
// JOTTER_OFFLINE_IN_PROCESS=1 runs handlers in serverless-offline's process.
import { startStack, type StackPorts } from '.';
import { silentSink } from './logs';

async function main() {
  const [dataDir, portsJson] = process.argv.slice(2);
  if (!dataDir) throw new Error('usage: host.ts <dataDir> [portsJson]');
  const ports = portsJson ? (JSON.parse(portsJson) as StackPorts) : undefined;
  const stack = await startStack({
    dataDir,
    web: process.env.JOTTER_HOST_WEB === '1',
    logSink: silentSink,
    ...(ports ? { ports } : { freePorts: true }),
  });
  process.stdout.write(`STACK ${JSON.stringify(stack.info)}\n`);
  let stopping = false;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    await stack.stop();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
  process.on('disconnect', () => void stop());
}

main().catch((error: unknown) => {
  process.stderr.write(`stack host: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
