import { awsClientConfig, awsTimeouts } from './aws';
import { setFunctionTestEnv } from '../test-env';

setFunctionTestEnv();

describe('awsClientConfig', () => {
  it('bounds every call well inside the 10 s function timeout', () => {
    const { maxAttempts, requestHandler } = awsClientConfig('http://127.0.0.1:8000');
    expect(maxAttempts).toBeLessThanOrEqual(2);
    expect(requestHandler.requestTimeout).toBeLessThanOrEqual(3_000);
    // Worst case: every attempt connects slowly and then waits its full request timeout.
    expect(awsTimeouts.maxAttempts * (awsTimeouts.connectionTimeoutMs + awsTimeouts.requestTimeoutMs)).toBeLessThan(9_000);
  });

  it('reaches a stalled service fast: a DynamoDB call to a silent server fails within the bounds', async () => {
    const net = await import('node:net');
    // Accepts connections and never answers, like DynamoDB Local under SIGSTOP.
    const sockets: import('node:net').Socket[] = [];
    const silent = net.createServer((s) => void sockets.push(s));
    await new Promise<void>((r) => silent.listen(0, '127.0.0.1', r));
    const { DynamoDBClient, ListTablesCommand } = await import('@aws-sdk/client-dynamodb');
    const port = (silent.address() as import('node:net').AddressInfo).port;
    const client = new DynamoDBClient({ ...awsClientConfig(`http://127.0.0.1:${port}`), credentials: { accessKeyId: 'x', secretAccessKey: 'x' } });
    const started = Date.now();
    try {
      await expect(client.send(new ListTablesCommand({}))).rejects.toMatchObject({ name: 'TimeoutError' });
      const elapsed = Date.now() - started;
      expect(elapsed).toBeGreaterThanOrEqual(awsTimeouts.requestTimeoutMs);
      expect(elapsed).toBeLessThan(awsTimeouts.maxAttempts * awsTimeouts.requestTimeoutMs + 1_500);
      expect(sockets.length).toBe(awsTimeouts.maxAttempts);
    } finally {
      client.destroy();
      for (const s of sockets) s.destroy();
      await new Promise((r) => silent.close(r));
    }
  });
});
