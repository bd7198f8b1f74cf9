import net from 'node:net';
import { spawnSync } from 'node:child_process';
import { PORT_SPECS, type StackPorts } from './config';

/** A start failure with a message meant for the user as is (no stack trace needed). */
export class StackError extends Error {
  override readonly name = 'StackError';
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolve) => {
    const server = net.createServer();
    server.once('error', () => resolve(false));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => server.close(() => resolve(true)));
  });
}

export async function checkPorts(ports: StackPorts, skip: ReadonlySet<keyof StackPorts> = new Set()): Promise<void> {
  const seen = new Map<number, string>();
  const problems: string[] = [];
  for (const spec of PORT_SPECS) {
    if (skip.has(spec.key)) continue;
    const port = ports[spec.key];
    const clash = seen.get(port);
    if (clash) problems.push(`Port ${port} is configured for both ${clash} and ${spec.label}. Set ${spec.envVar} to another port.`);
    seen.set(port, spec.label);
  }
  const busy = await Promise.all(
    PORT_SPECS.filter((s) => !skip.has(s.key)).map(async (s) => ((await portIsFree(ports[s.key])) ? null : s)),
  );
  for (const s of busy) if (s) problems.push(`Port ${ports[s.key]} (${s.label}) is in use. Set ${s.envVar} to use another port.`);
  if (problems.length) throw new StackError(problems.join('\n'));
}

/** Ports the OS says are free right now (for tests running next to a `pnpm dev`). */
export async function pickFreePorts(): Promise<StackPorts> {
  const servers: net.Server[] = [];
  const ports: number[] = [];
  // Hold all listeners open until every port is picked, so no port is handed out twice.
  for (let i = 0; i < PORT_SPECS.length; i++) {
    const server = net.createServer();
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen({ port: 0, host: '127.0.0.1' }, () => resolve());
    });
    servers.push(server);
    ports.push((server.address() as net.AddressInfo).port);
  }
  await Promise.all(servers.map((s) => new Promise((r) => s.close(r))));
  const result = {} as StackPorts;
  PORT_SPECS.forEach((spec, i) => (result[spec.key] = ports[i]!));
  return result;
}

const JAVA_HELP =
  'DynamoDB Local needs Java 17 or newer. Install it, e.g. on Debian/Ubuntu: `sudo apt-get install -y openjdk-17-jre-headless` ' +
  '(macOS: `brew install openjdk@17`; any JDK 17+ works), and make sure `java` is on PATH.';

export function checkJava(): void {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  if (result.error) throw new StackError(`\`java\` was not found. ${JAVA_HELP}`);
  const output = `${result.stderr ?? ''}${result.stdout ?? ''}`;
  const match = /version "(\d+)(?:\.(\d+))?/.exec(output);
  if (!match) throw new StackError(`Could not read the Java version from \`java -version\`:\n${output.trim()}\n${JAVA_HELP}`);
  // Java 8 and older report "1.8.0_x".
  const major = match[1] === '1' ? Number(match[2]) : Number(match[1]);
  if (major < 17) throw new StackError(`Java ${major} found, but ${JAVA_HELP}`);
}
