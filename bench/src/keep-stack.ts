// Development helper: starts a bench stack and keeps it up until Ctrl-C (then point
// BENCH_STACK_FILE at the printed stack.json to iterate on single benchmarks).
import { startBenchStack } from './lib/stack';

void (async () => {
  const stack = await startBenchStack(console.log);
  console.log(stack.info.stackFile);
  const stop = () => void stack.stop().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
})();
