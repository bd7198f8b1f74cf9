// Exports (POST /exports, GET /exports/{exportId}): the route writes a `running` export and hands
// the work to the export function (an asynchronous invocation); polling reads the item and, once
// ready, presigns the ZIP for the time it has left (24 h from when it was finished).
import { randomUUID } from 'node:crypto';
import type { Export } from '@jotter/shared/exports';
import { exportKeys, type ExportRecord } from '@jotter/shared/server/export-keys';
import { config } from '#config';
import { awsClientConfig } from './aws';
import { NotFoundError } from './errors';
import { findExport, insertExport } from './export-table';
import { presignDownload } from './storage';

/** How long a finished export can be downloaded (the bucket's lifecycle rule deletes it a day on). */
export const exportLifetimeSeconds = 24 * 3600;
/** Epoch seconds after which an export item is removed (TTL): a day past its link. */
export const exportItemExpiry = (from: Date) => Math.floor(from.getTime() / 1000) + 2 * exportLifetimeSeconds;

/** What the export function is invoked with. */
export interface ExportJob {
  sub: string;
  exportId: string;
}

async function invokeExportFunction(job: ExportJob): Promise<void> {
  const { LambdaClient, InvokeCommand } = await import('@aws-sdk/client-lambda');
  const { lambdaEndpoint, exportFunctionName } = config();
  if (!exportFunctionName) throw new Error('EXPORT_FUNCTION_NAME is not set');
  const lambda = new LambdaClient(awsClientConfig(lambdaEndpoint));
  await lambda.send(new InvokeCommand({ FunctionName: exportFunctionName, InvocationType: 'Event', Payload: Buffer.from(JSON.stringify(job)) }));
}

export async function startExport(sub: string, now = new Date()): Promise<Export> {
  const exportId = randomUUID();
  const record: ExportRecord = { pk: exportKeys.pk(sub), sk: exportKeys.sk(exportId), type: 'export', exportId, status: 'running', createdAt: now.toISOString(), expiresAt: exportItemExpiry(now) };
  await insertExport(record);
  await invokeExportFunction({ sub, exportId });
  return { exportId, status: 'running' };
}

export async function getExport(sub: string, exportId: string, now = new Date()): Promise<Export> {
  const record = await findExport(sub, exportId);
  if (!record) throw new NotFoundError('Export');
  if (record.status !== 'ready' || !record.readyAt) return { exportId, status: record.status };
  const expires = new Date(Date.parse(record.readyAt) + exportLifetimeSeconds * 1000);
  const seconds = Math.floor((expires.getTime() - now.getTime()) / 1000);
  if (seconds <= 0) throw new NotFoundError('Export');
  const day = record.readyAt.slice(0, 10);
  return { exportId, status: 'ready', downloadUrl: await presignDownload(exportKeys.objectKey(sub, exportId), `jotter-export-${day}.zip`, 'application/zip', seconds), expiresAt: expires.toISOString() };
}
