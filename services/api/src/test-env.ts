// The function environment the unit tests run under: what serverless.yml gives every function,
// with local values. Config is read lazily, so setting it before the first call is enough.
export function setFunctionTestEnv(extra: Record<string, string> = {}): void {
  Object.assign(process.env, {
    TABLE_NAME: 'jotter-test',
    ATTACHMENTS_BUCKET: 'jotter-test-attachments',
    SEARCH_BUCKET: 'jotter-test-search',
    WEB_ORIGIN: 'http://localhost:5173',
    COGNITO_ISSUER: 'http://127.0.0.1:9229/local_pool',
    COGNITO_CLIENT_ID: 'local_client',
    ...extra,
  });
}
