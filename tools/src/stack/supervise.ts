import type { StackChild } from './child';

export interface SuperviseOptions {
  /** How people know it, e.g. "DynamoDB Local". */
  label: string;
  /** Starts a fresh instance on the same port and data, resolving once it answers. */
  start: () => Promise<StackChild>;
  /** The `[stack]` log. */
  log: (line: string) => void;
  /** True once the stack is stopping: exits are then expected. */
  stopping: () => boolean;
  /** Pauses before the 1st, 2nd, … restart in a row; its length is how many restarts are tried. */
  backoffMs?: number[];
  /** A child that stays up this long has recovered: the next exit starts the back-off again. */
  healthyAfterMs?: number;
}

/**
 * Keeps a child of the local stack running: when it exits on its own (crashed, killed, OOM), this
 * says so once in the log, starts it again after a growing pause on the same port and data, and
 * gives up with a clear message when it keeps failing. Requests meanwhile answer 503.
 */
export function supervise(first: StackChild, options: SuperviseOptions): void {
  const backoff = options.backoffMs ?? [250, 1_000, 2_000, 4_000, 8_000];
  const healthyAfter = options.healthyAfterMs ?? 30_000;
  let failures = 0;

  const watch = (child: StackChild, startedAt: number) => {
    void child.exited.then(async (reason) => {
      if (options.stopping()) return;
      if (Date.now() - startedAt >= healthyAfter) failures = 0;
      await restart(`${options.label} exited (${reason}); restarting`);
    });
  };

  const restart = async (message: string): Promise<void> => {
    if (failures >= backoff.length) {
      options.log(
        `${options.label} failed ${failures} times in a row; giving up. Requests that need it answer 503 until the stack is restarted (see its log for why).`,
      );
      return;
    }
    options.log(message);
    await new Promise((r) => setTimeout(r, backoff[failures]));
    failures += 1;
    if (options.stopping()) return;
    const startedAt = Date.now();
    try {
      const child = await options.start();
      if (options.stopping()) return;
      options.log(`${options.label} is back after ${failures} restart${failures === 1 ? '' : 's'}`);
      watch(child, startedAt);
    } catch (error) {
      await restart(`${options.label} did not come back (${(error as Error).message}); trying again`);
    }
  };

  watch(first, Date.now());
}
