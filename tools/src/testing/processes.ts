// Finding the stack's processes and sockets from a test, the way an operator would (`ss`, /proc).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';

export interface Listener {
  address: string;
  port: number;
  pids: number[];
}

/** Every listening TCP socket on the machine, with the pids that own it (`ss -ltnpH`). */
export function listeners(): Listener[] {
  const out = spawnSync('ss', ['-ltnpH'], { encoding: 'utf8' }).stdout;
  return out
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((line) => {
      const local = line.trim().split(/\s+/)[3]!;
      const at = local.lastIndexOf(':');
      return { address: local.slice(0, at), port: Number(local.slice(at + 1)), pids: [...line.matchAll(/pid=(\d+)/g)].map((m) => Number(m[1])) };
    });
}

/** The process listening on a port (e.g. DynamoDB Local's JVM); throws when there is none. */
export function listenerPid(port: number): number {
  const pid = listeners().find((l) => l.port === port)?.pids[0];
  if (pid === undefined) throw new Error(`nothing listens on port ${port}`);
  return pid;
}

/** All descendants of a process (the stack's children run in process groups of their own). */
export function descendants(root: number): Set<number> {
  const parents = new Map<number, number>();
  for (const entry of fs.readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = fs.readFileSync(`/proc/${entry}/stat`, 'utf8');
      parents.set(Number(entry), Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]));
    } catch {
      // Exited meanwhile.
    }
  }
  const found = new Set<number>();
  for (let grew = true; grew; ) {
    grew = false;
    for (const [pid, parent] of parents) {
      if ((parent === root || found.has(parent)) && !found.has(pid)) {
        found.add(pid);
        grew = true;
      }
    }
  }
  return found;
}

/** Polls until `attempt` yields a value (not undefined, not thrown); fails after `timeoutMs`. */
export async function eventually<T>(what: string, timeoutMs: number, attempt: () => Promise<T | undefined>): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await attempt().catch(() => undefined);
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not within ${timeoutMs} ms`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

/**
 * Waits, when the next UTC midnight is less than `marginMs` away, until just after it: a test that
 * counts per UTC day (or month) then runs inside one day instead of failing at midnight or at the
 * end of a month.
 */
export async function awayFromUtcMidnight(marginMs = 20_000, now = Date.now): Promise<void> {
  const current = new Date(now());
  const toMidnight = Date.UTC(current.getUTCFullYear(), current.getUTCMonth(), current.getUTCDate() + 1) - current.getTime();
  if (toMidnight < marginMs) await new Promise((r) => setTimeout(r, toMidnight + 1_000));
}
