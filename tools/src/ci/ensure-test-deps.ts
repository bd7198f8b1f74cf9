// Installs what the test suite needs beyond node_modules, so `pnpm test` works on a fresh machine:
// Chromium from Debian's `chromium` package for the browser tests (Playwright's own browser
// download is not reachable here, and Debian's build is what CI machines have).
import { execSync, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';

export const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

function javaMajorVersion(): number | undefined {
  const result = spawnSync('java', ['-version'], { encoding: 'utf8' });
  const match = /version "(\d+)/.exec(`${result.stderr}${result.stdout}`);
  return match?.[1] ? Number(match[1]) : undefined;
}

function aptInstall(packages: string[]): void {
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

const missing: string[] = [];
if (!existsSync(chromiumPath)) missing.push('chromium');
const java = javaMajorVersion();
if (java === undefined || java < 17) missing.push('openjdk-17-jre-headless');
if (missing.length > 0) aptInstall(missing);
