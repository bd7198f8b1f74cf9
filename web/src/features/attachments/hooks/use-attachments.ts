import type { Attachment } from '@jotter/shared/notes';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { UploadQueue, type AttachmentsApi } from '../utils/upload-queue';
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

  useEffect(() => {
    queue.start();
    return () => queue.dispose();
  }, [queue]);

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (queue.busy) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [queue]);

  const state = useSyncExternalStore(queue.subscribe, queue.getState, queue.getState);
  return { state, queue };
}
