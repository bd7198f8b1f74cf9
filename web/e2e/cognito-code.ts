import type { StackInfo } from '../../tools/src/testing/stack';
import { readConfirmationCode } from '../../tools/src/testing/users';

/**
 * readConfirmationCode, made robust against cognito-local's log lagging behind: its pino-pretty
 * output can sit in a buffer until the next log entry. If the code is not there yet, make the
 * emulator log something harmless (a failed sign-in of a user that does not exist) and look again.
 */
export async function confirmationCode(stack: StackInfo, email: string, timeoutMs = 30_000): Promise<string> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      return await readConfirmationCode(stack, email, 1_000);
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await fetch(stack.cognitoEndpoint, {
        method: 'POST',
        headers: { 'Content-Type': 'application/x-amz-json-1.1', 'X-Amz-Target': 'AWSCognitoIdentityProviderService.InitiateAuth' },
        body: JSON.stringify({ AuthFlow: 'USER_PASSWORD_AUTH', ClientId: stack.userPoolClientId, AuthParameters: { USERNAME: 'log-nudge@example.invalid', PASSWORD: 'x' } }),
      }).catch(() => undefined);
    }
  }
}
