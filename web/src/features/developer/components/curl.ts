import type { OpenApiOperation } from '../api/developer-api';

const quote = (s: string) => `'${s.replace(/'/g, `'\\''`)}'`;

/** A copy-pasteable curl command for one operation, with placeholders for credentials and ids. */
export function curlFor(baseUrl: string, method: string, path: string, op: OpenApiOperation): string {
  const schemes = (op.security ?? []).flatMap((s) => Object.keys(s));
  const url = baseUrl.replace(/\/+$/, '') + path.replace(/\{(\w+)\}/g, (_, name: string) => `<${name}>`);
  const lines = [`curl${method === 'get' ? '' : ` -X ${method.toUpperCase()}`} ${quote(url)}`];
  if (schemes.includes('apiKey')) lines.push(`-H 'x-api-key: <your API key>'`);
  if (schemes.includes('bearerAuth')) lines.push(`-H 'Authorization: Bearer <access token>'`);
  const body = op.requestBody?.content?.['application/json'];
  if (body) {
    lines.push(`-H 'Content-Type: application/json'`);
    lines.push(`-d ${quote(JSON.stringify(body.example ?? {}))}`);
  }
  return lines.join(' \\\n  ');
}
