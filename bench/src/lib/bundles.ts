// The api's prod function bundles (from `pnpm package:prod`, services/api/.serverless/<fn>.zip) and
// the reference handler bundled the same way (services/api/serverless.yml custom.esbuild).
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import * as esbuild from 'esbuild';
import { BENCH_DIR, OUT_DIR, REPO_ROOT } from './metrics';
import { gzipSize, readZip } from './zip';

export const API_DIR = path.join(REPO_ROOT, 'services', 'api');

/** services/api/serverless.yml custom.esbuild, as esbuild options. */
export const prodEsbuildOptions = {
  bundle: true,
  minify: true,
  sourcemap: 'external',
  target: 'node22',
  platform: 'node',
  format: 'cjs',
  external: ['@aws-sdk/*'],
} satisfies esbuild.BuildOptions;

export interface FunctionInfo {
  name: string;
  /** e.g. src/handlers/notes/list.handler */
  handler: string;
  /** `GET /notes`, or undefined for authorizers and event functions. */
  http?: { method: string; path: string };
  schedule: boolean;
}

export interface Bundle {
  name: string;
  /** Handler file inside the zip, e.g. src/handlers/notes/list.js */
  file: string;
  minified: number;
  gzip: number;
  /** Where it was extracted (with its .map), for cold-init runs. */
  extracted: string;
}

/** Functions of the packaged api, from .serverless/serverless-state.json. */
export function packagedFunctions(packageDir = path.join(API_DIR, '.serverless')): FunctionInfo[] {
  const state = JSON.parse(fs.readFileSync(path.join(packageDir, 'serverless-state.json'), 'utf8')) as {
    service: { functions: Record<string, { handler: string; events?: Array<Record<string, { method?: string; path?: string }>> }> };
  };
  return Object.entries(state.service.functions).map(([name, fn]) => {
    const http = fn.events?.find((e) => e.http)?.http;
    return {
      name,
      handler: fn.handler,
      ...(http ? { http: { method: String(http.method).toUpperCase(), path: `/${http.path}` } } : {}),
      schedule: Boolean(fn.events?.some((e) => e.schedule)),
    };
  });
}

/** Reads every function's zip, measures its handler .js, and extracts it (with the map) under OUT_DIR. */
export function readBundles(packageDir = path.join(API_DIR, '.serverless'), outDir = path.join(OUT_DIR, 'functions')): Bundle[] {
  const bundles: Bundle[] = [];
  for (const fn of packagedFunctions(packageDir)) {
    const zip = path.join(packageDir, `${fn.name}.zip`);
    const jsName = `${fn.handler.slice(0, fn.handler.lastIndexOf('.'))}.js`;
    const entries = readZip(zip);
    const js = entries.find((e) => e.name === jsName);
    if (!js) throw new Error(`${zip} has no ${jsName}`);
    const data = js.data();
    const dir = path.join(outDir, fn.name);
    fs.rmSync(dir, { recursive: true, force: true });
    for (const e of entries) {
      const target = path.join(dir, e.name);
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.writeFileSync(target, e.data());
    }
    bundles.push({ name: fn.name, file: jsName, minified: data.length, gzip: gzipSize(data), extracted: path.join(dir, jsName) });
  }
  return bundles;
}

/** The reference handler (bench/reference/get-item.ts), bundled like the prod functions. */
export async function buildReference(outDir = path.join(OUT_DIR, 'reference')): Promise<Bundle> {
  fs.rmSync(outDir, { recursive: true, force: true });
  const outfile = path.join(outDir, 'get-item.js');
  await esbuild.build({ ...prodEsbuildOptions, entryPoints: [path.join(BENCH_DIR, 'reference', 'get-item.ts')], outfile, logLevel: 'silent' });
  const data = fs.readFileSync(outfile);
  return { name: 'reference', file: 'get-item.js', minified: data.length, gzip: gzipSize(data), extracted: outfile };
}

/** `pnpm package:prod` (all services, no credentials). */
export function packageProd(): void {
  const r = spawnSync('pnpm', ['package:prod'], { cwd: REPO_ROOT, stdio: ['ignore', 'pipe', 'pipe'], encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`pnpm package:prod failed (exit ${r.status}):\n${(r.stdout + r.stderr).slice(-3000)}`);
}

/**
 * Only the api, with `serverless package` into `packageDir` (leaves services/api/.serverless and the
 * default esbuild work folder alone, so it can run next to the templates tests' packaging).
 */
export function packageApiInto(packageDir: string): void {
  const bin = path.join(API_DIR, 'node_modules', '.bin', 'serverless');
  // `serverless package` empties the service's .serverless folder even when it writes elsewhere
  // (--package): keep `pnpm package:prod`'s output, which the template tests read, out of its reach.
  const kept = path.join(API_DIR, '.serverless');
  const aside = `${kept}-kept-${process.pid}`;
  const hadOutput = fs.existsSync(kept);
  if (hadOutput) fs.renameSync(kept, aside);
  try {
    const r = spawnSync(bin, ['package', '--stage', 'prod', '--package', packageDir, '--param', 'esbuildWorkFolder=.esbuild/bench'], {
      cwd: API_DIR,
      stdio: ['ignore', 'pipe', 'pipe'],
      encoding: 'utf8',
      env: { ...process.env, SLS_TELEMETRY_DISABLED: '1', SLS_NOTIFICATIONS_MODE: 'off' },
    });
    if (r.status !== 0) throw new Error(`serverless package failed (exit ${r.status}):\n${(r.stdout + r.stderr).slice(-3000)}`);
  } finally {
    if (hadOutput) {
      fs.rmSync(kept, { recursive: true, force: true });
      fs.renameSync(aside, kept);
    }
  }
}

export interface InputShare {
  /** A package (node_modules/<name>) or a workspace folder. */
  module: string;
  bytes: number;
}

/** Bundles a handler from source with a metafile, and sums output bytes by package: what dominates. */
export async function bundleComposition(handler: string): Promise<{ total: number; byModule: InputShare[] }> {
  const entry = path.join(API_DIR, `${handler.slice(0, handler.lastIndexOf('.'))}.ts`);
  const result = await esbuild.build({ ...prodEsbuildOptions, sourcemap: false, entryPoints: [entry], write: false, metafile: true, outdir: path.join(OUT_DIR, 'metafile'), absWorkingDir: API_DIR, logLevel: 'silent' });
  const output = Object.values(result.metafile.outputs)[0]!;
  const byModule = new Map<string, number>();
  for (const [input, { bytesInOutput }] of Object.entries(output.inputs)) {
    const m = /node_modules\/(?:\.pnpm\/[^/]+\/node_modules\/)?((?:@[^/]+\/)?[^/]+)/.exec(input);
    const key = m ? m[1]! : input.replace(/^(\.\.\/)+/, '').split('/').slice(0, 3).join('/');
    byModule.set(key, (byModule.get(key) ?? 0) + bytesInOutput);
  }
  return { total: output.bytes, byModule: [...byModule].map(([module, bytes]) => ({ module, bytes })).sort((a, b) => b.bytes - a.bytes) };
}
