import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import {
  AdminConfirmSignUpCommand,
  CognitoIdentityProviderClient,
  ConfirmSignUpCommand,
  InitiateAuthCommand,
  SignUpCommand,
} from '@aws-sdk/client-cognito-identity-provider';
import { stripAnsi } from '../stack/logs';
import type { StackInfo } from './stack';
import { LOCAL_CREDENTIALS } from '../stack/config';

export interface TestUser {
  email: string;
  password: string;
  sub: string;
  accessToken: string;
  idToken: string;
  refreshToken: string;
}

export interface CreateTestUserOptions {
  /** Default: a unique `test+<random>@example.com`. */
  email?: string;
  /** Default: a random password that satisfies the pool's policy. */
  password?: string;
  /** Confirm with the code from the cognito log (the real user path) instead of AdminConfirmSignUp. */
  confirmWithLoggedCode?: boolean;
}

function cognito(stack: Pick<StackInfo, 'cognitoEndpoint' | 'region'>): CognitoIdentityProviderClient {
  // The emulator ignores credentials, but the SDK wants some for admin calls.
  return new CognitoIdentityProviderClient({
    endpoint: stack.cognitoEndpoint,
    region: stack.region,
    credentials: LOCAL_CREDENTIALS,
  });
}

export const uniqueEmail = (): string => `test+${randomBytes(6).toString('hex')}@example.com`;
/** Upper, lower, digits, a symbol, 20+ chars: passes any sane password policy. */
export const strongPassword = (): string => `Pw-${randomBytes(9).toString('base64url')}a1A!`;

/** Signs up, confirms and signs in a fresh user through the emulator's Cognito API. */
export async function createTestUser(stack: StackInfo, opts: CreateTestUserOptions = {}): Promise<TestUser> {
  const email = opts.email ?? uniqueEmail();
  const password = opts.password ?? strongPassword();
  const client = cognito(stack);
  try {
    const signUp = await client.send(
      new SignUpCommand({ ClientId: stack.userPoolClientId, Username: email, Password: password, UserAttributes: [{ Name: 'email', Value: email }] }),
    );
    if (opts.confirmWithLoggedCode) {
      const code = await readConfirmationCode(stack, email);
      await client.send(new ConfirmSignUpCommand({ ClientId: stack.userPoolClientId, Username: email, ConfirmationCode: code }));
    } else {
      await client.send(new AdminConfirmSignUpCommand({ UserPoolId: stack.userPoolId, Username: email }));
    }
    const tokens = await signIn(stack, email, password);
    const sub = signUp.UserSub ?? (decodeJwtPayload(tokens.accessToken).sub as string);
    return { email, password, sub, ...tokens };
  } finally {
    client.destroy();
  }
}

/** USER_PASSWORD_AUTH sign-in (the emulator has no SRP). */
export async function signIn(
  stack: StackInfo,
  email: string,
  password: string,
): Promise<{ accessToken: string; idToken: string; refreshToken: string }> {
  const client = cognito(stack);
  try {
    const auth = await client.send(
      new InitiateAuthCommand({ ClientId: stack.userPoolClientId, AuthFlow: 'USER_PASSWORD_AUTH', AuthParameters: { USERNAME: email, PASSWORD: password } }),
    );
    const r = auth.AuthenticationResult;
    if (!r?.AccessToken || !r.IdToken || !r.RefreshToken) throw new Error(`sign-in of ${email} returned no tokens`);
    return { accessToken: r.AccessToken, idToken: r.IdToken, refreshToken: r.RefreshToken };
  } finally {
    client.destroy();
  }
}

export function decodeJwtPayload(token: string): Record<string, unknown> {
  const payload = token.split('.')[1];
  if (!payload) throw new Error('not a JWT');
  return JSON.parse(Buffer.from(payload, 'base64url').toString('utf8')) as Record<string, unknown>;
}

/**
 * The latest confirmation code cognito-local logged for `email` (it logs a box with
 * `Destination: <email>` and `Code: <digits>`). Waits up to `timeoutMs` for it to appear.
 */
export async function readConfirmationCode(stack: Pick<StackInfo, 'logsDir'>, email: string, timeoutMs = 10_000): Promise<string> {
  const file = path.join(stack.logsDir, 'cognito.log');
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const code = latestCodeFor(fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '', email);
    if (code) return code;
    if (Date.now() > deadline) throw new Error(`no confirmation code for ${email} in ${file}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function latestCodeFor(log: string, email: string): string | undefined {
  let destination: string | undefined;
  let found: string | undefined;
  const wanted = email.toLowerCase();
  for (const raw of stripAnsi(log).split('\n')) {
    const dest = /Destination:\s*(\S+)/.exec(raw);
    if (dest) destination = dest[1]!.toLowerCase();
    const code = /\bCode:\s*(\d{4,8})\b/.exec(raw);
    if (code && destination === wanted) found = code[1];
    if (/Confirmation Code Delivery/.test(raw)) destination = undefined;
  }
  return found;
}
