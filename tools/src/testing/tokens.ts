// Token forging for tests: the emulator's own signing key (shipped in the cognito-local package)
// lets a test mint tokens the pool would, so a refusal can only be explained by the one thing a
// test changed (expiry, key, claims). Shared by services/api/test/auth.int.test.ts and the
// authorization matrix in stress/.
import { readFileSync } from 'node:fs';
import { createPrivateKey, createPublicKey, type KeyObject } from 'node:crypto';
import { CognitoIdentityProviderClient, CreateUserPoolClientCommand, InitiateAuthCommand } from '@aws-sdk/client-cognito-identity-provider';
import { decodeJwt, generateKeyPair, SignJWT, type JWTPayload } from 'jose';
import type { StackInfo } from './stack';
import { LOCAL_CREDENTIALS } from '../stack/config';

/** The private key cognito-local signs every token with (kid `CognitoLocal`). */
export function emulatorSigningKey(): KeyObject {
  const keyFile = require.resolve('cognito-local/lib/keys/cognitoLocal.private.json', { paths: [__dirname] });
  const { pem } = JSON.parse(readFileSync(keyFile, 'utf8')) as { pem: string };
  return createPrivateKey(pem);
}

/** Signs `payload` + `changes` with `key` (RS256, the emulator's kid unless told otherwise). */
export async function resign(payload: JWTPayload, key: Parameters<SignJWT['sign']>[0], changes: JWTPayload = {}, kid = 'CognitoLocal'): Promise<string> {
  return new SignJWT({ ...payload, ...changes }).setProtectedHeader({ alg: 'RS256', kid }).sign(key);
}

const nowSeconds = () => Math.floor(Date.now() / 1000);

/** The same claims, re-signed by the pool's key with a fresh expiry: a control that must pass. */
export function freshToken(token: string): Promise<string> {
  return resign(decodeJwt(token), emulatorSigningKey(), { iat: nowSeconds(), exp: nowSeconds() + 600 });
}

/** The same claims, signed by the pool's key, expired a minute ago. */
export function expiredToken(token: string): Promise<string> {
  return resign(decodeJwt(token), emulatorSigningKey(), { iat: nowSeconds() - 7200, exp: nowSeconds() - 60 });
}

/** The same claims, signed by a key the pool never had (same kid). */
export async function foreignKeyToken(token: string): Promise<string> {
  const { privateKey } = await generateKeyPair('RS256');
  return resign(decodeJwt(token), privateKey);
}

/** The original header and signature around an altered payload. */
export function alteredPayloadToken(token: string, changes: JWTPayload): string {
  const [header, , signature] = token.split('.');
  const payload = Buffer.from(JSON.stringify({ ...decodeJwt(token), ...changes })).toString('base64url');
  return `${header}.${payload}.${signature}`;
}

/** `alg: none` with a dummy signature segment (an unsigned token must never pass). */
export function unsignedToken(token: string): string {
  const header = Buffer.from(JSON.stringify({ alg: 'none', kid: 'CognitoLocal' })).toString('base64url');
  const payload = Buffer.from(JSON.stringify(decodeJwt(token))).toString('base64url');
  return `${header}.${payload}.AAAA`;
}

/** HS256 keyed with the pool's *public* key PEM: the classic algorithm-confusion forgery. */
export async function algorithmConfusionToken(token: string): Promise<string> {
  const publicPem = createPublicKey(emulatorSigningKey()).export({ type: 'spki', format: 'pem' });
  return new SignJWT(decodeJwt(token)).setProtectedHeader({ alg: 'HS256', kid: 'CognitoLocal' }).sign(new TextEncoder().encode(String(publicPem)));
}

/** A genuine access token of the same user, issued to another app client of the same pool. */
export async function otherClientAccessToken(stack: StackInfo, email: string, password: string): Promise<string> {
  const cognito = new CognitoIdentityProviderClient({
    region: stack.region,
    endpoint: stack.cognitoEndpoint,
    credentials: LOCAL_CREDENTIALS,
  });
  try {
    const other = await cognito.send(
      new CreateUserPoolClientCommand({
        UserPoolId: stack.userPoolId,
        ClientName: `other-app-${Date.now()}`,
        ExplicitAuthFlows: ['ALLOW_USER_PASSWORD_AUTH', 'ALLOW_REFRESH_TOKEN_AUTH'],
      }),
    );
    const auth = await cognito.send(
      new InitiateAuthCommand({
        AuthFlow: 'USER_PASSWORD_AUTH',
        ClientId: other.UserPoolClient!.ClientId!,
        AuthParameters: { USERNAME: email, PASSWORD: password },
      }),
    );
    const token = auth.AuthenticationResult!.AccessToken!;
    if (decodeJwt(token).client_id !== other.UserPoolClient!.ClientId) throw new Error('the emulator did not issue the token to the other client');
    return token;
  } finally {
    cognito.destroy();
  }
}
