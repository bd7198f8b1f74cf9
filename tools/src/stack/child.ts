import { spawn, type ChildProcess } from 'node:child_process';
import type { StackLogger } from './logs';

/** A long-running child of the stack, in its own process group so all its descendants can be stopped. */
export interface StackChild {
  readonly name: string;
  readonly process: ChildProcess;
  /** Resolves with the exit code (or signal) once the process has exited. */
  readonly exited: Promise<string>;
  hasExited(): boolean;
  stop(): Promise<void>;
}

export interface SpawnOptions {
  cwd: string;
  env?: NodeJS.ProcessEnv;
  /** The child appends to its own log file (`logger.logFile(name)`); its output only goes to the sink. */
  writesOwnLogFile?: boolean;
}

export function spawnChild(name: string, command: string, args: string[], options: SpawnOptions, logger: StackLogger): StackChild {
  const child = spawn(command, args, {
    cwd: options.cwd,
    env: { ...process.env, ...options.env },
    // Own process group: SIGTERM to -pid reaches the grandchildren too (serverless-offline's
    // workers, the JVM), and Ctrl-C in the terminal reaches only the orchestrator, which then
    // stops the children in order.
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  const toFile = { toFile: !options.writesOwnLogFile };
  const out = logger.lineWriter(name, toFile);
  const err = logger.lineWriter(name, toFile);
  child.stdout?.on('data', (c: Buffer) => out.write(c));
  child.stderr?.on('data', (c: Buffer) => err.write(c));
  let exited = false;
  const exitedPromise = new Promise<string>((resolve) => {
    child.on('error', (e) => {
      exited = true;
      logger.line(name, `failed to start: ${e.message}`);
      resolve(`error ${e.message}`);
    });
    child.on('exit', (code, signal) => {
      exited = true;
      out.flush();
      err.flush();
      resolve(signal ? `signal ${signal}` : `code ${code}`);
    });
  });

  const signalGroup = (signal: NodeJS.Signals) => {
    if (child.pid === undefined) return;
    try {
      process.kill(-child.pid, signal);
    } catch {
      // Group already gone.
    }
  };

  return {
    name,
    process: child,
    exited: exitedPromise,
    hasExited: () => exited,
    async stop() {
      if (child.pid === undefined) return;
      if (!exited) {
        signalGroup('SIGTERM');
        const timer = new Promise<'timeout'>((r) => setTimeout(() => r('timeout'), 4000).unref());
        if ((await Promise.race([exitedPromise, timer])) === 'timeout') {
          signalGroup('SIGKILL');
          await exitedPromise;
        }
      }
      // The leader may have exited while grandchildren live on (e.g. a worker): finish the group.
      signalGroup('SIGKILL');
    },
  };
}

/** Polls `check` until it resolves true; fails early when the child exits, or on timeout. */
export async function waitUntil(
  what: string,
  check: () => Promise<boolean>,
  options: { child?: StackChild; timeoutMs?: number; intervalMs?: number } = {},
): Promise<void> {
  const deadline = Date.now() + (options.timeoutMs ?? 60_000);
  for (;;) {
    if (options.child?.hasExited()) throw new Error(`${what}: the process exited (${await options.child.exited}) before it was ready`);
    try {
      if (await check()) return;
    } catch {
      // Not up yet.
    }
    if (Date.now() > deadline) throw new Error(`${what}: not ready after ${options.timeoutMs ?? 60_000} ms`);
    await new Promise((r) => setTimeout(r, options.intervalMs ?? 150));
  }
}
