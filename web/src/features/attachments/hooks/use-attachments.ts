import type { Attachment } from '@jotter/shared/notes';
import { useState } from 'react';
import { useRunningStore } from '../../../lib/external-store';
import { UploadQueue, uploading, type AttachmentsApi } from '../utils/upload-queue';
import type { Uploader } from '../utils/xhr-upload';

/** One UploadQueue per opened note (the editor is keyed by note, so this mounts once per note). */
export function useAttachments(options: {
  noteId: string | null;
  attachments: Attachment[];
  api: AttachmentsApi;
  upload: Uploader;
  ensureNoteId: () => Promise<string | null>;
}) {
  const [queue] = useState(() => new UploadQueue(options));
  const state = useRunningStore(queue, uploading);
  return { state, queue };
}
