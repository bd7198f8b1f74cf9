import { getExportRoute, importRoute, startExportRoute } from '@jotter/shared/contract/exports';
import { deleteMeRoute } from '@jotter/shared/contract/system';
import { deleteAccountPhrase } from '@jotter/shared/account';
import { api } from '../../../lib/api';

export const accountApi = {
  startExport: () => api(startExportRoute),
  getExport: (exportId: string, signal?: AbortSignal) => api(getExportRoute, { params: { exportId }, signal }),
  importZip: (file: Blob) => api(importRoute, { file }),
  deleteAccount: () => api(deleteMeRoute, { body: { confirm: deleteAccountPhrase } }),
};
