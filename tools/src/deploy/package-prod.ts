// `pnpm package:prod`: packages every service of serverless-compose.yml for a stage (prod by
// default) WITHOUT AWS credentials, leaving each CloudFormation template at
// <service>/.serverless/cloudformation-template-update-stack.json (what the template tests and
// `pnpm lint:cfn` read).
//
// Compose resolves `${auth.UserPoolId}`-style references from its state file
// (.serverless/state.<stage>.json) and fails with "the referenced output does not exist" before
// the first deploy. So: every referenced output missing from the state gets a placeholder (real
// outputs of a deployed stage are kept and used), compose packages, and the state file is put
// back exactly as it was, so placeholders never reach a later `deploy`.
//
//   tsx tools/src/deploy/package-prod.ts [--stage prod]
import { spawn } from 'node:child_process';
import { existsSync, readFileSync, rmSync, statSync, writeFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '..', '..', '..');
const composeFile = path.join(repoRoot, 'serverless-compose.yml');

/** Service name -> its path, from serverless-compose.yml (`path:` lines under `services:`). */
export function composeServices(text: string): Record<string, string> {
  const services: Record<string, string> = {};
  let current: string | undefined;
  for (const line of text.split('\n')) {
    const name = /^ {2}([A-Za-z0-9_-]+):\s*$/.exec(line);
    if (name) current = name[1];
    const p = /^ {4}path:\s*(\S+)\s*$/.exec(line);
    if (p && current) services[current] = p[1] as string;
  }
  return services;
}

/** Every `${service.Output}` that compose will resolve. */
export function referencedOutputs(text: string): Array<{ service: string; output: string }> {
  const found = new Map<string, { service: string; output: string }>();
  for (const line of text.split('\n')) {
    if (line.trimStart().startsWith('#')) continue;
    for (const m of line.matchAll(/\$\{([A-Za-z0-9_-]+)\.([A-Za-z0-9_]+)\}/g)) {
      found.set(`${m[1]}.${m[2]}`, { service: m[1] as string, output: m[2] as string });
    }
  }
  return [...found.values()];
}

/** Well-formed stand-ins, so templates built from them still pass cfn-lint's patterns. */
export function placeholderOutput(output: string, stage: string, region: string): string {
  const poolId = `${region}_PLACEHOLDR`;
  const values: Record<string, string> = {
    Region: region,
    UserPoolId: poolId,
    UserPoolClientId: 'placeholderclientid0000000',
    UserPoolArn: `arn:aws:cognito-idp:${region}:000000000000:userpool/${poolId}`,
    UserPoolIssuer: `https://cognito-idp.${region}.amazonaws.com/${poolId}`,
    ServiceEndpoint: `https://placeholder.execute-api.${region}.amazonaws.com/${stage}`,
    AttachmentsBucketName: `jotter-${stage}-attachments-000000000000`,
    TableName: `jotter-${stage}`,
  };
  return values[output] ?? `placeholder-${output}`;
}

interface ComposeState {
  service?: { id?: string };
  components?: Record<string, { outputs?: Record<string, unknown>; [key: string]: unknown }>;
  [key: string]: unknown;
}

export function seedState(
  state: ComposeState,
  refs: Array<{ service: string; output: string }>,
  stage: string,
  region: string,
): { state: ComposeState; seeded: string[] } {
  const next: ComposeState = structuredClone(state);
  next.service ??= { id: 'local' };
  next.components ??= {};
  const seeded: string[] = [];
  for (const { service, output } of refs) {
    const component = (next.components[service] ??= {});
    const outputs = (component.outputs ??= {});
    if (outputs[output] === undefined) {
      outputs[output] = placeholderOutput(output, stage, region);
      seeded.push(`${service}.${output}`);
    }
  }
  return { state: next, seeded };
}

export function templatePath(servicePath: string): string {
  return path.join(repoRoot, servicePath, '.serverless', 'cloudformation-template-update-stack.json');
}

function run(command: string, args: string[]): Promise<void> {
  const bin = path.join(repoRoot, 'node_modules', '.bin');
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, {
      cwd: repoRoot,
      stdio: 'inherit',
      env: {
        ...process.env,
        // compose launches `serverless` from PATH.
        PATH: `${bin}${path.delimiter}${process.env.PATH ?? ''}`,
        SLS_TELEMETRY_DISABLED: '1',
        SLS_NOTIFICATIONS_MODE: 'off',
      },
    });
    child.on('error', reject);
    child.on('close', (code) => (code === 0 ? resolve() : reject(new Error(`${command} ${args.join(' ')} failed (exit ${code})`))));
  });
}

export async function packageAll(options: { stage?: string; region?: string } = {}): Promise<string[]> {
  const stage = options.stage ?? 'prod';
  const region = options.region ?? process.env.AWS_REGION ?? 'us-east-1';
  const text = readFileSync(composeFile, 'utf8');
  const services = composeServices(text);
  const statePath = path.join(repoRoot, '.serverless', `state.${stage}.json`);
  const original = existsSync(statePath) ? readFileSync(statePath, 'utf8') : undefined;

  const { state, seeded } = seedState(original ? (JSON.parse(original) as ComposeState) : {}, referencedOutputs(text), stage, region);
  if (seeded.length) console.log(`package: placeholder outputs for ${seeded.join(', ')} (not deployed yet)`);
  mkdirSync(path.dirname(statePath), { recursive: true });
  writeFileSync(statePath, JSON.stringify(state, null, 2));

  const started = Date.now();
  try {
    const composeArgs = ['package', '--stage', stage];
    if (options.region) composeArgs.push('--region', options.region);
    await run(path.join(repoRoot, 'node_modules', '.bin', 'osls-compose'), composeArgs);
  } finally {
    if (original === undefined) rmSync(statePath, { force: true });
    else writeFileSync(statePath, original);
  }

  const templates = Object.values(services).map(templatePath);
  for (const file of templates) {
    if (!existsSync(file) || statSync(file).mtimeMs < started - 1000) {
      throw new Error(`compose package did not (re)write ${path.relative(repoRoot, file)}`);
    }
    console.log(`template: ${path.relative(repoRoot, file)}`);
  }
  return templates;
}

if (require.main === module) {
  const argv = process.argv.slice(2);
  const flag = (name: string) => {
    const i = argv.indexOf(`--${name}`);
    return i >= 0 ? argv[i + 1] : undefined;
  };
  const stage = flag('stage');
  const region = flag('region');
  packageAll({ ...(stage ? { stage } : {}), ...(region ? { region } : {}) }).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
