// Crash safety: a stack of its own (own dataDir, own process), a burst of
// creates and edits from several writers, then SIGKILL to every process of the stack — the host
// (gateway proxy, S3 emulator) and each child's whole process group (serverless-offline,
// DynamoDB Local's JVM, cognito-local) — in the middle of the burst. Restarted on the same dataDir
// and ports, every write that had been acknowledged (2xx) is there and readable.
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { StackInfo } from '@jotter/tools/testing/stack';
import { apiClient, type ApiClient } from '@jotter/tools/testing/api';
import { createTestUser, signIn } from '@jotter/tools/testing/users';
import { recordFigures } from '../src/figures';
import { descendants, isAlive, processGroupOf } from '../src/proc';
import { heavy } from '../src/world';

jest.setTimeout(240_000);
const REPO = path.resolve(__dirname, '..', '..');
const writers = heavy ? 12 : 6;
/** Kill once this many notes are acknowledged (the burst is still going then). */
const killAfterAcked = heavy ? 300 : 40;

interface Host {
  process: ChildProcess;
  info: StackInfo;
}

function startHost(dataDir: string, ports?: StackInfo['ports']): Promise<Host> {
  const child = spawn(path.join(REPO, 'node_modules', '.bin', 'tsx'), [path.join(REPO, 'tools', 'src', 'stack', 'host.ts'), dataDir, ...(ports ? [JSON.stringify(ports)] : [])], {
    cwd: REPO,
    detached: true,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr!.on('data', (c: Buffer) => (stderr += c.toString()));
  return new Promise((resolve, reject) => {
    let out = '';
    child.stdout!.on('data', (c: Buffer) => {
      out += c.toString();
      const line = out.split('\n').find((l) => l.startsWith('STACK '));
      if (line) resolve({ process: child, info: JSON.parse(line.slice('STACK '.length)) as StackInfo });
    });
    child.on('exit', (code) => reject(new Error(`stack host exited (${code}) before it was up:\n${stderr.slice(-2000)}`)));
  });
}

/** SIGKILL the host and every descendant, and each one's process group, all at once. */
function killEverything(host: Host): number[] {
  const root = host.process.pid!;
  const pids = [root, ...descendants(root)];
  const groups = new Set(pids.map(processGroupOf).filter((g): g is number => g !== undefined && g > 1));
  for (const group of groups) {
    try {
      process.kill(-group, 'SIGKILL');
    } catch {
      // Gone already.
    }
  }
  for (const pid of pids) {
    try {
      process.kill(pid, 'SIGKILL');
    } catch {
      // Gone already.
    }
  }
  return pids;
}

async function waitDead(pids: number[]) {
  const deadline = Date.now() + 10_000;
  while (pids.some(isAlive)) {
    if (Date.now() > deadline) throw new Error(`still alive after SIGKILL: ${pids.filter(isAlive).join(', ')}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

interface Acked {
  title: string;
  version: number;
  content: string;
}

let dataDir: string;
let host: Host | undefined;

afterAll(async () => {
  if (host && isAlive(host.process.pid!)) {
    process.kill(host.process.pid!, 'SIGTERM');
    await new Promise((r) => host!.process.once('exit', r));
  }
  if (dataDir && !process.env.JOTTER_KEEP_STACK_DATA) fs.rmSync(dataDir, { recursive: true, force: true });
});

it(`keeps every acknowledged write when the whole stack is SIGKILLed mid-burst (${writers} writers)`, async () => {
  dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'jotter-crash-'));
  const t0 = Date.now();
  host = await startHost(dataDir);
  const first = host.info;
  const user = await createTestUser(first);
  const api = apiClient(first, user.accessToken);

  const acked = new Map<string, Acked>();
  let attempts = 0;
  let failedAfterKill = 0;
  let killed = false;
  let resolveKill!: () => void;
  const killSignal = new Promise<void>((r) => (resolveKill = r));

  const writer = async (w: number) => {
    for (let n = 0; !killed; n++) {
      const title = `crash ${w}-${n}`;
      try {
        attempts++;
        const created = await api.post('/notes', { title, content: `${title} v1` });
        if (created.status !== 201) throw new Error(`create: ${created.status} ${created.text.slice(0, 200)}`);
        const note = created.body as { noteId: string; version: number };
        acked.set(note.noteId, { title, version: 1, content: `${title} v1` });
        if (acked.size >= killAfterAcked) resolveKill();
        for (let v = 1; v <= 2 && !killed; v++) {
          const content = `${title} v${v + 1}`;
          attempts++;
          const updated = await api.put(`/notes/${note.noteId}`, { content, version: v });
          if (updated.status !== 200) throw new Error(`update: ${updated.status} ${updated.text.slice(0, 200)}`);
          acked.set(note.noteId, { title, version: v + 1, content });
        }
      } catch (error) {
        // After the kill, requests fail: those writes were never acknowledged. Before it, a failure is a bug.
        if (!killed) throw error;
        failedAfterKill++;
        return;
      }
    }
  };
  const burst = Promise.all(Array.from({ length: writers }, (_, w) => writer(w)));
  await Promise.race([killSignal, burst]);
  killed = true;
  const killedAt = Date.now();
  const pids = killEverything(host);
  await waitDead(pids);
  await burst;
  const ackedAtKill = acked.size;
  host = undefined;

  // Same data directory, same ports: a restart after a power cut.
  host = await startHost(dataDir, first.ports);
  const restartSeconds = (Date.now() - killedAt) / 1000;
  const again = apiClient(host.info, (await signIn(host.info, user.email, user.password)).accessToken);

  const problems: string[] = [];
  for (const [noteId, want] of acked) {
    const response = await again.get(`/notes/${noteId}`);
    const note = response.body as { title: string; version: number; content: string } | null;
    if (response.status !== 200 || !note) problems.push(`${want.title}: ${response.status} ${response.text.slice(0, 200)}`);
    else if (note.title !== want.title || note.version < want.version || (note.version === want.version && note.content !== want.content))
      problems.push(`${want.title}: acknowledged v${want.version} "${want.content}", read v${note.version} "${note.content}"`);
  }
  const listed = await listAllIds(again);
  const duplicates = listed.length - new Set(listed).size;
  recordFigures('crash safety (SIGKILL mid-burst)', {
    writers,
    processesKilled: pids.length,
    writesAttempted: attempts,
    notesAcknowledged: ackedAtKill,
    requestsCutByKill: failedAfterKill,
    notesAfterRestart: listed.length,
    writesLost: problems.length,
    restartSeconds: Number(restartSeconds.toFixed(1)),
    totalSeconds: Number(((Date.now() - t0) / 1000).toFixed(1)),
  });
  expect(problems).toEqual([]);
  expect(duplicates).toBe(0);
  expect(listed.length).toBeGreaterThanOrEqual(ackedAtKill);
  expect(pids.length).toBeGreaterThanOrEqual(4);
});

async function listAllIds(api: ApiClient): Promise<string[]> {
  const ids: string[] = [];
  let cursor: string | null = null;
  do {
    const r: Awaited<ReturnType<typeof api.get<{ items: { noteId: string }[]; nextCursor: string | null }>>> = await api.get<{ items: { noteId: string }[]; nextCursor: string | null }>(`/notes?limit=100${cursor ? `&cursor=${encodeURIComponent(cursor)}` : ''}`);
    if (r.status !== 200 || !r.body) throw new Error(`list after restart: ${r.status} ${r.text.slice(0, 200)}`);
    ids.push(...r.body.items.map((n) => n.noteId));
    cursor = r.body.nextCursor;
  } while (cursor);
  return ids;
}
