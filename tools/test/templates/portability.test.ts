// Export, import and account deletion as deployed (docs/data-portability.md).
import { template } from './templates';

const resources = template('api').Resources;

test('the REST API takes application/zip as binary (POST /imports arrives base64-encoded)', () => {
  expect(resources.ApiGatewayRestApi?.Properties?.BinaryMediaTypes).toEqual(['application/zip']);
});

test('the export function: 512 MB (its memory is bounded by pages and parts, not the account), 15 minutes', () => {
  const fn = resources.ExportNotesLambdaFunction!.Properties!;
  expect({ memory: fn.MemorySize, timeout: fn.Timeout }).toEqual({ memory: 512, timeout: 900 });
});

test('exports expire from the bucket two days after creation; the export function knows where to go', () => {
  const rules = resources.AttachmentsBucket!.Properties!.LifecycleConfiguration.Rules;
  expect(rules).toContainEqual({ Id: 'expire-exports', Status: 'Enabled', Prefix: 'exports/', ExpirationInDays: 2 });
  const variables = resources.StartExportLambdaFunction!.Properties!.Environment.Variables;
  expect(variables.EXPORT_FUNCTION_NAME).toEqual(resources.ExportNotesLambdaFunction!.Properties!.FunctionName);
  expect(variables.LAMBDA_ENDPOINT).toBe('');
});
