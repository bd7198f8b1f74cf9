// Asynchronous invocation from POST /exports: builds the ZIP. A failure is recorded on the export
// (the user sees `failed`) and rethrown, so Lambda's on-failure destination gets the event.
import type { Context } from 'aws-lambda';
import { buildExport } from '#domain/export-zip';
import type { ExportJob } from '#domain/exports';
import { log, setRequestFields, startInvocation } from '#log';

export async function handler(job: ExportJob, context?: Context): Promise<void> {
  startInvocation(context);
  setRequestFields({ sub: job.sub, exportId: job.exportId });
  const started = Date.now();
  await buildExport(job);
  log.info('export built', { durationMs: Date.now() - started, maxRssBytes: process.resourceUsage().maxRSS * 1024 });
}
