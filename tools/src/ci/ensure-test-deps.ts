// Installs what the test suite needs beyond node_modules, so `pnpm test` works on a fresh machine:
// Chromium from Debian's `chromium` package for the browser tests (Playwright's own browser
// download is not reachable here, and Debian's build is what CI machines have), Java 17+ for
// DynamoDB Local, and cfn-lint (Python) for the template tests. apt-get only on Linux; elsewhere
// (macOS) it says what to install and stops.
import { execSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function javaMajorVersion(): number | undefined {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  const match = /version "(\d+)/.exec(`${result.stderr}${result.stdout}`);
  return match?.[1] ? Number(match[1]) : undefined;
}

function aptInstall(packages: string[]): void {
  if (process.platform !== 'linux' || spawnSync('apt-get', ['--version']).status !== 0) {
    throw new Error(
      `Please install ${packages.join(', ')} and run the tests again (macOS: brew install --cask chromium; brew install openjdk@17; or set CHROMIUM_PATH).`,
    );
  }
  const asRoot = process.getuid?.() === 0;
  if (!asRoot && spawnSync('sudo', ['-n', 'true']).status !== 0) {
    throw new Error(`Please install ${packages.join(', ')} (e.g. sudo apt-get install -y ${packages.join(' ')}) and run the tests again.`);
  }
  const sudo = asRoot ? '' : 'sudo -n ';
  console.log(`[setup] installing ${packages.join(', ')} with apt-get…`);
  execSync(`${sudo}apt-get update -qq && DEBIAN_FRONTEND=noninteractive ${sudo}apt-get install -y -qq ${packages.join(' ')}`, {
    stdio: 'inherit',
  });
}

const has = (command: string, args: string[] = ['--version']) => spawnSync(command, args, { encoding: 'utf8' }).status === 0;

/** cfn-lint (the template tests and `pnpm lint:cfn`): pipx, else pip --user; or one clear instruction. */
export function ensureCfnLint(): void {
  if (has('cfn-lint')) return;
  const attempts: Array<[string, string[]]> = [
    ['pipx', ['install', 'cfn-lint']],
    ['python3', ['-m', 'pip', 'install', '--user', 'cfn-lint']],
  ];
  for (const [command, args] of attempts) {
    if (!has(command)) continue;
    console.log(`[setup] installing cfn-lint: ${command} ${args.join(' ')}`);
    if (spawnSync(command, args, { stdio: 'inherit' }).status === 0 && has('cfn-lint')) return;
  }
  throw new Error(
    'cfn-lint is not installed and could not be installed (needs Python 3 with pipx or pip). Install it with `pipx install cfn-lint` (or `pip install --user cfn-lint`, with ~/.local/bin on PATH) and run the tests again.',
  );
}

ensureCfnLint();

const missing: string[] = [];
if (!existsSync(chromiumPath)) missing.push('chromium');
const java = javaMajorVersion();
if (java === undefined || java < 17) missing.push('openjdk-17-jre-headless');
if (missing.length > 0) aptInstall(missing);
