import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { startStack, StackError, type RunningStack } from '../src/stack';
import { checkPorts, pickFreePorts } from '../src/stack/preflight';
import { silentSink } from '../src/stack/logs';
import { createTestUser, signIn } from '../src/testing/users';
import { descendants, eventually, listeners } from '../src/testing/processes';

// These start their own stacks next to the shared one: slower than the rest.
jest.setTimeout(120_000);

const tempDirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'jotter-orch-'));
  tempDirs.push(dir);
  return dir;
};
afterAll(() => tempDirs.forEach((d) => fs.rmSync(d, { recursive: true, force: true })));

describe('startStack', () => {
  it('refuses a busy port with a message naming the env var, and starts nothing', async () => {
    const ports = await pickFreePorts();
    const blocker = net.createServer();
    await new Promise<void>((r) => blocker.listen(ports.s3, '127.0.0.1', r));
    const dataDir = tempDir();
    try {
      const error = await startStack({ dataDir, ports, web: false, logSink: silentSink }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(StackError);
      expect((error as Error).message).toBe(`Port ${ports.s3} (S3 (s3rver)) is in use. Set JOTTER_S3_PORT to use another port.`);
    } finally {
      await new Promise((r) => blocker.close(r));
    }
    // Nothing was spawned: every port (including the blocked one, now released) is free, no data written.
    await expect(checkPorts(ports, new Set(['web']))).resolves.toBeUndefined();
    expect(fs.readdirSync(dataDir)).toEqual([]);
  });

  it('`pnpm dev` without java exits non-zero with one message saying how to install it, and starts nothing', async () => {
    const ports = await pickFreePorts();
    const portEnv = Object.fromEntries(
      Object.entries({ dynamodb: 'DYNAMODB', cognito: 'COGNITO', s3: 'S3', api: 'API', offline: 'OFFLINE', lambda: 'LAMBDA', web: 'WEB' }).map(
        ([key, name]) => [`JOTTER_${name}_PORT`, String(ports[key as keyof typeof ports])],
      ),
    );
    // A PATH with node but no java.
    const bin = tempDir();
    fs.symlinkSync(process.execPath, path.join(bin, 'node'));
    const tsx = require.resolve('tsx/cli', { paths: [path.join(__dirname, '..', '..')] });
    const result = spawnSync(process.execPath, [tsx, path.join(__dirname, '..', 'src', 'dev.ts'), '--no-web'], {
      env: { ...process.env, ...portEnv, PATH: bin },
      encoding: 'utf8',
      timeout: 60_000,
    });
    expect(result.status).not.toBe(0);
    expect(result.stderr).toContain('`java` was not found');
    expect(result.stderr).toContain('apt-get install -y openjdk-17-jre-headless');
    await expect(checkPorts(ports, new Set(['web']))).resolves.toBeUndefined();
  });

  it('keeps users across a restart with the same data dir, and frees every port on stop', async () => {
    const dataDir = tempDir();
    let stack: RunningStack = await startStack({ dataDir, freePorts: true, web: false, logSink: silentSink });
    let user;
    try {
      user = await createTestUser(stack.info);
    } finally {
      await stack.stop();
    }
    await expect(checkPorts(stack.info.ports, new Set(['web']))).resolves.toBeUndefined();
    const first = stack.info;

    stack = await startStack({ dataDir, freePorts: true, web: false, logSink: silentSink });
    try {
      expect(stack.info.userPoolId).toBe(first.userPoolId);
      expect(stack.info.userPoolClientId).toBe(first.userPoolClientId);
      const tokens = await signIn(stack.info, user.email, user.password);
      expect(tokens.accessToken).toBeTruthy();
      const res = await fetch(`${stack.info.apiUrl}/health`);
      expect(res.status).toBe(200);
    } finally {
      await stack.stop();
    }
  });
});

const tmpFolders = () => new Set(fs.readdirSync(os.tmpdir(), { withFileTypes: true }).filter((d) => d.isDirectory()).map((d) => d.name));

describe('a supervised stack', () => {
  it('listens on loopback only, restarts a killed DynamoDB Local on the same data, and leaves no temp folders', async () => {
    const dataDir = tempDir();
    const lines: string[] = [];
    const before = tmpFolders();
    const stack = await startStack({ dataDir, freePorts: true, web: false, logSink: (source, line) => void lines.push(`[${source}] ${line}`) });
    const pids = new Set<number>();
    try {
      // Every socket our processes listen on (the stack's children and their own children).
      for (const pid of descendants(process.pid)) pids.add(pid);
      const ours = listeners().filter((l) => l.pids.some((p) => pids.has(p)) || Object.values(stack.info.ports).includes(l.port));
      expect(ours.length).toBeGreaterThanOrEqual(5);
      expect(ours.filter((l) => !/^(127\.0\.0\.1|\[::ffff:127\.0\.0\.1\]|\[::1\])$/.test(l.address))).toEqual([]);

      const user = await createTestUser(stack.info);
      const api = (path: string, init: RequestInit = {}) =>
        fetch(`${stack.info.apiUrl}${path}`, { ...init, headers: { authorization: `Bearer ${user.accessToken}`, 'content-type': 'application/json' } });
      const created = await api('/notes', { method: 'POST', body: JSON.stringify({ title: 'kept', content: 'across a crash' }) });
      expect(created.status).toBe(201);
      const { noteId } = (await created.json()) as { noteId: string };

      const dynamo = listeners().find((l) => l.port === stack.info.ports.dynamodb);
      expect(dynamo?.pids.length).toBeGreaterThan(0);
      process.kill(dynamo!.pids[0]!, 'SIGKILL');
      // While it is down, the API says so honestly.
      const down = await api(`/notes/${noteId}`);
      expect({ status: down.status, retryAfter: down.headers.get('retry-after') }).toEqual({ status: 503, retryAfter: expect.stringMatching(/^\d+$/) });
      await eventually('the note readable again', 60_000, async () => ((await api(`/notes/${noteId}`)).status === 200 ? true : undefined));
      expect(((await (await api(`/notes/${noteId}`)).json()) as { title: string }).title).toBe('kept');
      expect(lines.filter((l) => l.startsWith('[stack] DynamoDB Local exited (signal SIGKILL); restarting'))).toHaveLength(1);
      expect(lines.some((l) => /^\[stack\] DynamoDB Local is back/.test(l))).toBe(true);
      const restarted = listeners().find((l) => l.port === stack.info.ports.dynamodb);
      expect(restarted?.address).toMatch(/127\.0\.0\.1/);
    } finally {
      await stack.stop();
    }
    // Only folders made by other programs on this shared machine may have appeared; none named
    // after a process of ours (serverless-esbuild's `<function>-<pid>-<time>-<hex>` zip folders).
    const appeared = [...tmpFolders()].filter((d) => !before.has(d) && !tempDirs.some((t) => path.basename(t) === d));
    expect(appeared.filter((d) => [...pids].some((pid) => d.includes(`-${pid}-`)))).toEqual([]);
  }, 400_000);
});
