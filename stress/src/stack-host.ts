// Runs one local stack in its own process (for the crash test: SIGKILL must be able to take the
// whole stack down — the in-process gateway proxy and S3 emulator included — as a power cut would).
// Usage: tsx stress/src/stack-host.ts <dataDir> [portsJson]. Prints `STACK <info json>` when up;
// SIGTERM stops it cleanly.
import { startStack, type StackPorts } from '../../tools/src/stack';
import { silentSink } from '../../tools/src/stack/logs';

async function main() {
  const [dataDir, portsJson] = process.argv.slice(2);
  if (!dataDir) throw new Error('usage: stack-host.ts <dataDir> [portsJson]');
  const ports = portsJson ? (JSON.parse(portsJson) as StackPorts) : undefined;
  const stack = await startStack({ dataDir, web: false, logSink: silentSink, ...(ports ? { ports } : { freePorts: true }) });
  process.stdout.write(`STACK ${JSON.stringify(stack.info)}\n`);
  const stop = async () => {
    await stack.stop();
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop());
  process.on('SIGINT', () => void stop());
}

main().catch((error: unknown) => {
  process.stderr.write(`stack-host: ${(error as Error).stack ?? String(error)}\n`);
  process.exit(1);
});
