// Web hardening helpers: the production CSP from web/serverless.yml (the CloudFront response
// headers policy) with this stack's origins, a production build of the web app for this stack,
// and the secret scanner for built bundles.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import YAML from 'yaml';
import type { StackInfo } from '@jotter/tools/testing/stack';

export const REPO = path.resolve(__dirname, '..', '..');
export const WEB_DIR = path.join(REPO, 'web');

function findCsp(node: unknown): unknown {
  if (!node || typeof node !== 'object') return undefined;
  const csp = (node as { ContentSecurityPolicy?: { ContentSecurityPolicy?: unknown } }).ContentSecurityPolicy?.ContentSecurityPolicy;
  if (csp) return csp;
  for (const value of Object.values(node)) {
    const found = findCsp(value);
    if (found) return found;
  }
  return undefined;
}

/** The policy template of the ResponseHeadersPolicy (`!Sub [template, vars]`), verbatim. */
export function prodCspTemplate(): string {
  // CloudFormation tags (!Sub, !Join…) are unknown to a plain YAML parser: they are kept as plain values.
  const doc: unknown = YAML.parse(fs.readFileSync(path.join(WEB_DIR, 'serverless.yml'), 'utf8'), { logLevel: 'silent' });
  const csp = findCsp(doc);
  const template = Array.isArray(csp) ? csp[0] : csp;
  if (typeof template !== 'string' || !template.includes('default-src')) throw new Error('web/serverless.yml: no ContentSecurityPolicy template found');
  return template;
}

/**
 * The prod policy with the local origins in place of the AWS ones. Every `${Var}` of the template
 * must be known here, so a new variable in the template fails this test instead of being dropped.
 */
export function localCsp(stack: StackInfo): string {
  const origins: Record<string, string> = {
    ApiOrigin: new URL(stack.apiUrl).origin,
    CognitoOrigin: new URL(stack.cognitoEndpoint).origin,
    AttachmentsOrigin: new URL(stack.s3Endpoint).origin,
  };
  return prodCspTemplate().replace(/\$\{(\w+)\}/g, (_, name: string) => {
    const value = origins[name];
    if (!value) throw new Error(`the CSP template uses \${${name}}, which the local CSP test does not know`);
    return value;
  });
}

/** `vite build` of web/ configured for this stack (like the deploy build, with local values). */
export function buildWeb(stack: StackInfo, outDir: string): void {
  const vite = [path.join(REPO, 'node_modules', '.bin', 'vite'), path.join(WEB_DIR, 'node_modules', '.bin', 'vite')].find((p) => fs.existsSync(p));
  if (!vite) throw new Error('vite is not installed');
  execFileSync(vite, ['build', '--outDir', outDir, '--emptyOutDir', '--logLevel', 'warn'], {
    cwd: WEB_DIR,
    stdio: 'pipe',
    env: {
      ...process.env,
      NODE_ENV: 'production',
      VITE_API_URL: stack.apiUrl,
      VITE_REGION: stack.region,
      VITE_USER_POOL_ID: stack.userPoolId,
      VITE_USER_POOL_CLIENT_ID: stack.userPoolClientId,
      VITE_COGNITO_ENDPOINT: stack.cognitoEndpoint,
      VITE_AUTH_FLOW: 'USER_PASSWORD_AUTH',
      VITE_LOCAL_STACK: 'true',
    },
  });
}

export const contentTypes: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.map': 'application/json',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
  '.txt': 'text/plain; charset=utf-8',
};

/** Secrets that must never ship in a bundle. Patterns only: no real value appears in this repo. */
export const secretPatterns: { name: string; pattern: RegExp }[] = [
  { name: 'AWS access key id', pattern: /\b(AKIA|ASIA|AGPA|AIDA|AROA|ANPA|ANVA|AIPA)[A-Z0-9]{16}\b/ },
  { name: 'AWS secret access key setting', pattern: /aws_secret_access_key|AWS_SECRET_ACCESS_KEY|secretAccessKey\s*[:=]\s*["'][A-Za-z0-9/+=]{40}["']/ },
  { name: 'private key', pattern: /-----BEGIN ((RSA|EC|DSA|OPENSSH|ENCRYPTED) )?PRIVATE KEY-----/ },
  { name: 'GitHub token', pattern: /\bgh[pousr]_[A-Za-z0-9]{36,}\b/ },
  { name: 'Slack token', pattern: /\bxox[abprs]-[A-Za-z0-9-]{10,}\b/ },
  { name: 'Stripe live key', pattern: /\b[sr]k_live_[A-Za-z0-9]{16,}\b/ },
  { name: 'Google API key', pattern: /\bAIza[0-9A-Za-z_-]{35}\b/ },
  { name: 'Jotter API key value', pattern: /\bjot_[A-Za-z0-9_-]{43}\b/ },
  { name: 'JSON Web Token', pattern: /\beyJ[A-Za-z0-9_-]{10,}\.eyJ[A-Za-z0-9_-]{10,}\.[A-Za-z0-9_-]{10,}/ },
  { name: 'client secret', pattern: /client_?secret["']?\s*[:=]\s*["'][^"']{8,}["']/i },
];

export interface SecretFinding {
  file: string;
  name: string;
  excerpt: string;
}

/** Every file under `dir` (source maps included: they ship with the bundle). */
export function scanForSecrets(dir: string): SecretFinding[] {
  const findings: SecretFinding[] = [];
  const walk = (d: string) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true })) {
      const file = path.join(d, entry.name);
      if (entry.isDirectory()) walk(file);
      else {
        const text = fs.readFileSync(file).toString('latin1');
        for (const { name, pattern } of secretPatterns) {
          const m = new RegExp(pattern.source, pattern.flags.includes('g') ? pattern.flags : `${pattern.flags}g`).exec(text);
          if (m) findings.push({ file: path.relative(dir, file), name, excerpt: text.slice(Math.max(0, m.index - 40), m.index + m[0].length + 40) });
        }
      }
    }
  };
  walk(dir);
  return findings;
}
