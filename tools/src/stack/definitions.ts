import { execFile } from 'node:child_process';
import path from 'node:path';
import { REPO_ROOT, STAGE } from './config';
import { StackError } from './preflight';

/** A CloudFormation resource as it appears in `serverless print` (intrinsics left as objects). */
export interface CfnResource {
  Type: string;
  Properties?: Record<string, unknown>;
}

export interface ServerlessFunction {
  name?: string;
  handler?: string;
  events?: Record<string, unknown>[];
}

/** The parts of a printed serverless config the orchestrator reads. */
export interface PrintedService {
  service: string;
  functions?: Record<string, ServerlessFunction>;
  custom?: Record<string, unknown>;
  resources?: { Resources?: Record<string, CfnResource>; Outputs?: Record<string, unknown> };
}

export const serverlessBin = path.join(REPO_ROOT, 'node_modules', '.bin', 'serverless');

export const serverlessEnv = { SLS_TELEMETRY_DISABLED: '1', SLS_NOTIFICATIONS_MODE: 'off' };

export function paramArgs(params: Record<string, string>): string[] {
  return Object.entries(params).map(([k, v]) => `--param=${k}=${v}`);
}

/**
 * `serverless print` resolves params, files and variables exactly as a deploy does, so the
 * emulators get the same table, pool and bucket definitions as AWS.
 */
export function printService(serviceDir: string, params: Record<string, string>): Promise<PrintedService> {
  const args = ['print', '--stage', STAGE, '--format', 'json', ...paramArgs(params)];
  return new Promise((resolve, reject) => {
    execFile(
      serverlessBin,
      args,
      { cwd: serviceDir, env: { ...process.env, ...serverlessEnv }, maxBuffer: 32 * 1024 * 1024 },
      (error, stdout, stderr) => {
        const rel = path.relative(REPO_ROOT, serviceDir);
        if (error) {
          reject(new StackError(`\`serverless print\` failed in ${rel}:\n${(stderr || stdout || error.message).trim()}`));
          return;
        }
        // Plugins may print notices before the document.
        const start = stdout.indexOf('{');
        try {
          resolve(JSON.parse(stdout.slice(start)) as PrintedService);
        } catch (e) {
          reject(new StackError(`Could not parse \`serverless print\` output of ${rel}: ${(e as Error).message}`));
        }
      },
    );
  });
}

export function resourcesOfType(service: PrintedService, type: string): [string, CfnResource][] {
  return Object.entries(service.resources?.Resources ?? {}).filter(([, r]) => r.Type === type);
}

/** `{ Ref: X }` → X, for resolving references between resources of one template. */
export function refName(value: unknown): string | undefined {
  if (value && typeof value === 'object' && 'Ref' in value && typeof (value as { Ref: unknown }).Ref === 'string') {
    return (value as { Ref: string }).Ref;
  }
  return undefined;
}
