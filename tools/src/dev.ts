/**
 * `pnpm dev`: the whole stack in one terminal (DynamoDB Local, cognito-local, s3rver,
 * serverless-offline behind the gateway proxy, Vite). Ctrl-C stops everything.
 * `pnpm dev:reset` (or `pnpm dev --reset`) wipes the local data first.
 */
import { startStack, StackError, type RunningStack } from './stack';

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const unknown = args.filter((a) => !['--reset', '--no-web'].includes(a));
  if (unknown.length) {
    console.error(`Unknown option(s): ${unknown.join(' ')}. Usage: pnpm dev [--reset] [--no-web]`);
    process.exit(2);
  }

  let stack: RunningStack | undefined;
  let stopping = false;
  let stoppingSince = 0;
  const shutdown = async (signal: string) => {
    if (stopping) {
      // Ctrl-C reaches us twice (terminal group + tsx relaying it): only a later press is news.
      if (Date.now() - stoppingSince < 1000) return;
      // A second Ctrl-C while stopping: the children are in their own process groups and get
      // SIGKILL from stop() after a grace period anyway; don't leave them behind by exiting now.
      console.log(`\n(${signal} again: still stopping, please wait)`);
      return;
    }
    stopping = true;
    stoppingSince = Date.now();
    console.log(`\n${signal}: stopping the local stack…`);
    await stack?.stop();
    console.log('stopped.');
    process.exit(0);
  };
  process.on('SIGINT', () => void shutdown('SIGINT'));
  process.on('SIGTERM', () => void shutdown('SIGTERM'));
  process.on('SIGHUP', () => void shutdown('SIGHUP'));

  try {
    stack = await startStack({ reset: args.includes('--reset'), web: !args.includes('--no-web') });
  } catch (error) {
    if (error instanceof StackError) console.error(`\n✗ ${error.message}`);
    else console.error('\n✗ The local stack failed to start:', error);
    process.exit(1);
  }
  if (stopping) return;

  const { info } = stack;
  const bold = (s: string) => (process.stdout.isTTY ? `\x1b[1m${s}\x1b[0m` : s);
  console.log(
    [
      '',
      '──────────────────────────────────────────────────────────────',
      info.webStarted ? `  Jotter is running:  ${bold(info.webUrl)}` : `  Jotter API is running (web app not started, see [web] above)`,
      `  API:               ${info.apiUrl}`,
      `  Stack file:        ${info.stackFile}`,
      `  Sign-up codes:     printed by [cognito] above, also in ${info.logsDir}/cognito.log`,
      '  Ctrl-C stops everything; `pnpm dev:reset` starts with empty data.',
      '──────────────────────────────────────────────────────────────',
      '',
    ].join('\n'),
  );
}

void main();
