// Runs `pnpm package:prod` once per Jest run, unless all three prod templates exist and are
// newer than every file they are made from. JOTTER_REPACKAGE=1 forces a new package.
import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { packageAll } from '../../src/deploy/package-prod';
import { allServices, mtime, repoRoot, services, templateFile, templateStage } from './templates';

function newestInput(): number {
  const files: string[] = [path.join(repoRoot, 'serverless-compose.yml')];
  const walk = (dir: string, depth: number) => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const e of entries) {
      if (e.name === 'node_modules' || e.name.startsWith('.')) continue;
      const p = path.join(dir, e.name);
      if (e.isDirectory() && depth > 0) walk(p, depth - 1);
      else if (/\.(ya?ml|cjs)$/.test(e.name)) files.push(p);
    }
  };
  for (const dir of Object.values(services)) {
    walk(path.join(repoRoot, dir), 0);
    walk(path.join(repoRoot, dir, 'resources'), 0);
    walk(path.join(repoRoot, dir, 'deploy'), 0);
  }
  return Math.max(...files.map((f) => {
    try {
      return statSync(f).mtimeMs;
    } catch {
      return 0;
    }
  }));
}

export default async function globalSetup(): Promise<void> {
  const inputs = newestInput();
  const fresh =
    process.env.JOTTER_REPACKAGE !== '1' &&
    allServices.every((s) => templateStage(templateFile(s)) === 'prod' && mtime(templateFile(s)) > inputs);
  if (fresh) {
    console.log('\n[templates] prod templates are fresh, not repackaging');
    return;
  }
  console.log('\n[templates] pnpm package:prod ...');
  await packageAll({ stage: 'prod' });
}
