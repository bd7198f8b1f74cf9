// Rebuilds users' search indexes from the table (the repair the indexer also runs on its own when
// an index is missing or unreadable).
//
//   pnpm --filter @jotter/api search:rebuild <sub> [<sub> …]
//
// Against the local stack (.dev/stack.json, or the file JOTTER_STACK_FILE names) unless
// TABLE_NAME and SEARCH_BUCKET are set: then against AWS with the shell's credentials, e.g.
//   TABLE_NAME=jotter-prod SEARCH_BUCKET=jotter-prod-search-<account> AWS_REGION=… pnpm --filter @jotter/api search:rebuild <sub>
import fs from 'node:fs';
import path from 'node:path';

function useLocalStack(): void {
  const file = process.env.JOTTER_STACK_FILE ?? path.resolve(__dirname, '../../../../.dev/stack.json');
  if (!fs.existsSync(file)) throw new Error(`Set TABLE_NAME and SEARCH_BUCKET, or start the local stack (pnpm dev) so that ${file} exists`);
  const stack = JSON.parse(fs.readFileSync(file, 'utf8')) as Record<string, string>;
  Object.assign(process.env, {
    AWS_REGION: stack.region,
    AWS_ACCESS_KEY_ID: 'S3RVER',
    AWS_SECRET_ACCESS_KEY: 'S3RVER',
    TABLE_NAME: stack.tableName,
    SEARCH_BUCKET: stack.searchBucket,
    DYNAMODB_ENDPOINT: stack.dynamodbEndpoint,
    S3_ENDPOINT: stack.s3Endpoint,
  });
}

async function main(subs: string[]): Promise<void> {
  if (subs.length === 0) throw new Error('Usage: pnpm --filter @jotter/api search:rebuild <sub> [<sub> …]');
  if (!process.env.TABLE_NAME || !process.env.SEARCH_BUCKET) useLocalStack();
  // Only what search needs; config() checks these others exist.
  process.env.ATTACHMENTS_BUCKET ??= '-';
  process.env.COGNITO_ISSUER ??= '-';
  process.env.COGNITO_CLIENT_ID ??= '-';
  const { perUserIndexBackend } = await import('../domain/search');
  const { readManifest } = await import('../domain/search-store');
  for (const sub of subs) {
    const started = performance.now();
    await perUserIndexBackend.rebuild(sub);
    const manifest = await readManifest(sub);
    console.log(`${sub}: ${manifest?.documents ?? 0} notes, ${((manifest?.bytes ?? 0) / 1e6).toFixed(2)} MB, version ${manifest?.version}, ${(performance.now() - started).toFixed(0)} ms`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  console.error((error as Error).message);
  process.exitCode = 1;
});
