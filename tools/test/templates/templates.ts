// Loads the packaged CloudFormation templates (`pnpm package:prod`) for the template tests.
import { existsSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';

export const repoRoot = path.resolve(__dirname, '..', '..', '..');

export const services = {
  auth: 'services/auth',
  api: 'services/api',
  web: 'web',
} as const;
export type ServiceName = keyof typeof services;

export interface Resource {
  Type: string;
  Properties?: Record<string, any>;
  DeletionPolicy?: string;
  UpdateReplacePolicy?: string;
  Condition?: string;
  DependsOn?: string | string[];
  Metadata?: Record<string, any>;
}
export interface Template {
  Parameters?: Record<string, any>;
  Conditions?: Record<string, any>;
  Resources: Record<string, Resource>;
  Outputs?: Record<string, any>;
}

export function templateFile(service: ServiceName): string {
  return path.join(repoRoot, services[service], '.serverless', 'cloudformation-template-update-stack.json');
}

const cache = new Map<ServiceName, Template>();
export function template(service: ServiceName): Template {
  let t = cache.get(service);
  if (!t) {
    t = JSON.parse(readFileSync(templateFile(service), 'utf8')) as Template;
    cache.set(service, t);
  }
  return t;
}

export const allServices = Object.keys(services) as ServiceName[];

/** [service, logicalId, resource] for every resource of `type` in all (or the given) templates. */
export function resourcesOfType(type: string, only: ServiceName[] = allServices): Array<[ServiceName, string, Resource]> {
  return only.flatMap((service) =>
    Object.entries(template(service).Resources)
      .filter(([, r]) => r.Type === type)
      .map(([id, r]) => [service, id, r] as [ServiceName, string, Resource]),
  );
}

/** The stage a template was packaged for, from the framework's deployment bucket export. */
export function templateStage(file: string): string | undefined {
  if (!existsSync(file)) return undefined;
  const t = JSON.parse(readFileSync(file, 'utf8')) as Template;
  const name: unknown = t.Outputs?.ServerlessDeploymentBucketName?.Export?.Name;
  return typeof name === 'string' ? /^sls-.+-([^-]+)-ServerlessDeploymentBucketName$/.exec(name)?.[1] : undefined;
}

export function mtime(file: string): number {
  return existsSync(file) ? statSync(file).mtimeMs : 0;
}

export const asArray = <T>(v: T | T[] | undefined): T[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]);

/**
 * The properties of the one event source mapping that feeds function `fn` (logical id) from the
 * table's stream. Every stream consumer parks the batches it keeps failing in the failed-events
 * queue, and its mapping is created after the function's own role (which lets it read the stream).
 */
export function streamMappingOf(fn: string): Record<string, any> {
  const mappings = resourcesOfType('AWS::Lambda::EventSourceMapping', ['api']).filter(([, , m]) => m.Properties?.FunctionName?.['Fn::GetAtt']?.[0] === fn);
  expect(mappings).toHaveLength(1);
  const [, , mapping] = mappings[0]!;
  expect(mapping.Properties).toMatchObject({
    EventSourceArn: { 'Fn::GetAtt': ['AppTable', 'StreamArn'] },
    DestinationConfig: { OnFailure: { Destination: { 'Fn::GetAtt': ['FailedEventsQueue', 'Arn'] } } },
  });
  expect(asArray(mapping.DependsOn)).toContain(`${fn}Role`);
  return mapping.Properties!;
}

/** The api's IAM roles that mention `action`, by logical id, each with its statements that allow it. */
export function rolesAllowing(action: string): Array<[string, any[]]> {
  return resourcesOfType('AWS::IAM::Role', ['api'])
    .filter(([, , role]) => JSON.stringify(role).includes(action))
    .map(([, id, role]) => [id, asArray<any>(role.Properties?.Policies[0].PolicyDocument.Statement).filter((st) => asArray(st.Action).includes(action))]);
}
