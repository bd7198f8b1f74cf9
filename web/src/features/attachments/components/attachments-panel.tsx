import type { Attachment } from '@jotter/shared/notes';
import { useEffect, useId, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import { Banner } from '../../../components/banner';
import { Button } from '../../../components/button';
import { Dialog } from '../../../components/dialog';
import { CloseIcon, TrashIcon } from '../../../components/icons';
import { useToast } from '../../../components/toast';
import { attachmentsApi } from '../api/attachments-api';
import { useAttachments } from '../hooks/use-attachments';
import { formatBytes } from '../utils/format-bytes';
import type { AttachmentItem, QueueState } from '../utils/upload-queue';
import { attachmentLimits as limits } from '@jotter/shared/attachment-limits';
import { xhrUpload } from '../utils/xhr-upload';
import { DownloadIcon, PaperclipIcon, UploadIcon } from './icons';
import styles from './attachments.module.css';

export interface AttachmentsPanelProps {
  noteId: string | null;
  attachments: Attachment[];
  /** Saves a brand-new note so files have somewhere to go; null when there is nothing to save yet. */
  ensureNoteId: () => Promise<string | null>;
  /** The element files can be dropped on (the whole note). */
  dropTarget: HTMLElement | null;
  /** Where the "Attach" button goes (the editor's toolbar). */
  toolbarSlot: HTMLElement | null;
}

const hasFiles = (event: DragEvent) => Array.from(event.dataTransfer?.types ?? []).includes('Files');

/** Dropped files, with folders refused (a dropped folder arrives as a File that can't be read). */
function droppedFiles(data: DataTransfer): { files: File[]; problems: string[] } {
  const files: File[] = [];
  const problems: string[] = [];
  const items = Array.from(data.items ?? []).filter((item) => item.kind === 'file');
  if (items.length === 0) return { files: Array.from(data.files), problems };
  for (const item of items) {
    const file = item.getAsFile();
    if (item.webkitGetAsEntry?.()?.isDirectory) problems.push(`${file?.name || 'A folder'} is a folder — attach the files inside it instead.`);
    else if (file) files.push(file);
  }
  return { files, problems };
}

const extension = (name: string) => {
  const dot = name.lastIndexOf('.');
  const ext = dot > 0 ? name.slice(dot + 1) : '';
  return ext.length > 0 && ext.length <= 4 ? ext.toUpperCase() : 'FILE';
};

const kindOf = (contentType: string) =>
  contentType.startsWith('image/') ? 'image' : contentType === 'application/pdf' ? 'pdf' : contentType.startsWith('video/') || contentType.startsWith('audio/') ? 'media' : /zip|compressed|tar|gzip/.test(contentType) ? 'archive' : contentType.startsWith('text/') ? 'text' : 'other';

function statusText(item: AttachmentItem): string {
  switch (item.status) {
    case 'queued':
      return 'Waiting…';
    case 'uploading':
      return `Uploading ${item.progress}%`;
    case 'processing':
      return 'Processing…';
    case 'ready':
      return 'Ready';
    case 'failed':
      return 'Upload failed';
  }
}

/** A short sentence for screen readers when an upload changes state. */
function useAnnouncement(state: QueueState): string {
  const previous = useRef(new Map<string, AttachmentItem['status']>());
  const [message, setMessage] = useState('');
  useEffect(() => {
    const seen = previous.current;
    for (const item of state.items) {
      const before = seen.get(item.key);
      if (before !== undefined && before !== item.status) {
        if (item.status === 'ready') setMessage(`${item.fileName} is attached.`);
        else if (item.status === 'failed') setMessage(`${item.fileName} failed to upload. ${item.error ?? ''}`);
        else if (item.status === 'processing') setMessage(`${item.fileName} uploaded, processing.`);
      } else if (before === undefined && item.file && item.status === 'queued') {
        setMessage(`Uploading ${item.fileName}.`);
      }
    }
    previous.current = new Map(state.items.map((i) => [i.key, i.status]));
  }, [state.items]);
  return message;
}

export default function AttachmentsPanel({ noteId, attachments, ensureNoteId, dropTarget, toolbarSlot }: AttachmentsPanelProps) {
  const { state, queue } = useAttachments({ noteId, attachments, api: attachmentsApi, upload: xhrUpload, ensureNoteId });
  const toast = useToast();
  const inputRef = useRef<HTMLInputElement>(null);
  const headingId = useId();
  const [dragging, setDragging] = useState(false);
  const [confirm, setConfirm] = useState<AttachmentItem | null>(null);
  const [downloading, setDownloading] = useState<string | null>(null);
  const announcement = useAnnouncement(state);
  const currentNoteId = useRef(noteId);
  currentNoteId.current = noteId;
  const sectionRef = useRef<HTMLElement>(null);
  const [reveal, setReveal] = useState(0);

  // New uploads and refusals show at the end of the note: bring them into view.
  useEffect(() => {
    if (reveal > 0) sectionRef.current?.scrollIntoView?.({ block: 'nearest', behavior: 'smooth' });
  }, [reveal]);

  const addFiles = (files: File[], problems: string[] = []) => {
    queue.add(files, problems);
    setReveal((n) => n + 1);
  };

  const addFilesRef = useRef(addFiles);
  addFilesRef.current = addFiles;

  // Drag and drop onto the whole note; elsewhere on the page a stray drop must not open the file.
  useEffect(() => {
    if (!dropTarget) return;
    let depth = 0;
    const enter = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      depth++;
      setDragging(true);
    };
    const over = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      e.preventDefault();
      if (e.dataTransfer) e.dataTransfer.dropEffect = 'copy';
    };
    const leave = (e: DragEvent) => {
      if (!hasFiles(e)) return;
      depth = Math.max(0, depth - 1);
      if (depth === 0) setDragging(false);
    };
    const drop = (e: DragEvent) => {
      if (!hasFiles(e) || !e.dataTransfer) return;
      e.preventDefault();
      depth = 0;
      setDragging(false);
      const { files, problems } = droppedFiles(e.dataTransfer);
      addFilesRef.current(files, problems);
    };
    const guard = (e: DragEvent) => {
      if (!hasFiles(e) || dropTarget.contains(e.target as Node)) return;
      e.preventDefault();
      if (e.type === 'dragover' && e.dataTransfer) e.dataTransfer.dropEffect = 'none';
    };
    const listeners: [EventTarget, string, (e: DragEvent) => void][] = [
      [dropTarget, 'dragenter', enter],
      [dropTarget, 'dragover', over],
      [dropTarget, 'dragleave', leave],
      [dropTarget, 'drop', drop],
      [window, 'dragover', guard],
      [window, 'drop', guard],
    ];
    for (const [target, type, listener] of listeners) target.addEventListener(type, listener as EventListener);
    return () => {
      for (const [target, type, listener] of listeners) target.removeEventListener(type, listener as EventListener);
    };
  }, [dropTarget, queue]);

  const download = async (item: AttachmentItem) => {
    const id = currentNoteId.current;
    if (!item.attachmentId || !id) return;
    setDownloading(item.key);
    try {
      const { downloadUrl } = await attachmentsApi.download(id, item.attachmentId);
      // The link answers with Content-Disposition: attachment, so this downloads without leaving the page.
      const a = document.createElement('a');
      a.href = downloadUrl;
      a.rel = 'noopener';
      a.download = item.fileName;
      document.body.append(a);
      a.click();
      a.remove();
    } catch (error) {
      toast({ tone: 'danger', message: `Couldn't download ${item.fileName}: ${(error as Error).message}` });
    } finally {
      setDownloading(null);
    }
  };

  const remove = async (item: AttachmentItem) => {
    try {
      await queue.remove(item.key);
      if (item.status === 'ready' || item.status === 'processing') toast({ message: `Deleted ${item.fileName}.` });
    } catch (error) {
      toast({ tone: 'danger', message: `Couldn't delete ${item.fileName}: ${(error as Error).message}` });
    } finally {
      setConfirm(null);
    }
  };

  const { items, rejected } = state;
  const uploading = items.filter((i) => i.status === 'uploading' || i.status === 'queued').length;
  const attachButton = (
    <Button variant="ghost" size="sm" icon={<PaperclipIcon />} onClick={() => inputRef.current?.click()} aria-label="Attach files" title={`Attach files (up to ${formatBytes(limits.maxBytes)} each)`}>
      <span className={styles.hideNarrow}>Attach</span>
    </Button>
  );

  return (
    <>
      {toolbarSlot ? createPortal(attachButton, toolbarSlot) : null}
      <input
        ref={inputRef}
        type="file"
        multiple
        hidden
        tabIndex={-1}
        aria-hidden
        data-testid="attachment-input"
        onChange={(e) => {
          const files = Array.from(e.target.files ?? []);
          e.target.value = ''; // picking the same file again still fires change
          if (files.length > 0) addFiles(files);
        }}
      />

      {dragging && (
        <div className={styles.dropOverlay} aria-hidden>
          <div className={styles.dropCard}>
            <UploadIcon width={22} height={22} />
            <strong>Drop to attach</strong>
            <span>Up to {formatBytes(limits.maxBytes)} per file</span>
          </div>
        </div>
      )}

      <p className="visually-hidden" aria-live="polite">
        {announcement}
      </p>

      {(items.length > 0 || rejected.length > 0) && (
        <section ref={sectionRef} className={styles.section} aria-labelledby={headingId} data-attachments>
          <div className={styles.header}>
            <h2 id={headingId} className={styles.heading}>
              Attachments
            </h2>
            {items.length > 0 && (
              <span className={styles.count}>
                {items.length}
                <span className="visually-hidden"> of {limits.perNote}</span>
              </span>
            )}
            {uploading > 0 && <span className={styles.headerNote}>Uploading {uploading === 1 ? '1 file' : `${uploading} files`}…</span>}
          </div>

          {rejected.length > 0 && (
            <Banner
              tone="danger"
              alert
              title={rejected.length === 1 ? 'This file wasn’t attached' : `${rejected.length} files weren’t attached`}
              actions={
                <Button size="sm" variant="ghost" onClick={() => queue.dismissRejected()}>
                  Dismiss
                </Button>
              }
            >
              <ul className={styles.rejected}>
                {rejected.map((message, i) => (
                  <li key={i}>{message}</li>
                ))}
              </ul>
            </Banner>
          )}

          {items.length > 0 && (
            <ul className={styles.list} aria-label="Attachments">
              {items.map((item) => (
                <AttachmentRow
                  key={item.key}
                  item={item}
                  downloading={downloading === item.key}
                  onDownload={() => void download(item)}
                  onDelete={() => (item.status === 'ready' || item.status === 'processing' || (item.status === 'failed' && !item.file) ? setConfirm(item) : void remove(item))}
                  onRetry={() => queue.retry(item.key)}
                />
              ))}
            </ul>
          )}
        </section>
      )}

      <Dialog
        open={confirm !== null}
        title="Delete attachment?"
        description={confirm ? `“${confirm.fileName}” will be deleted for good.` : undefined}
        onClose={() => setConfirm(null)}
        actions={
          <>
            <Button onClick={() => setConfirm(null)} disabled={confirm?.deleting}>
              Cancel
            </Button>
            <Button variant="danger" onClick={() => confirm && void remove(confirm)} loading={items.find((i) => i.key === confirm?.key)?.deleting} loadingText="Deleting…">
              Delete
            </Button>
          </>
        }
      />
    </>
  );
}

function AttachmentRow({ item, downloading, onDownload, onDelete, onRetry }: { item: AttachmentItem; downloading: boolean; onDownload: () => void; onDelete: () => void; onRetry: () => void }) {
  const active = item.status === 'uploading' || item.status === 'queued';
  return (
    <li className={styles.row} data-status={item.status}>
      <span className={styles.badge} data-kind={kindOf(item.contentType)} aria-hidden>
        {extension(item.fileName)}
      </span>
      <div className={styles.info}>
        <span className={styles.name} title={item.fileName}>
          {item.fileName}
        </span>
        <span className={styles.meta}>
          <span>{formatBytes(item.size)}</span>
          <span aria-hidden>·</span>
          <span className={styles.status}>{statusText(item)}</span>
        </span>
        {item.status === 'uploading' && (
          <div className={styles.progress} role="progressbar" aria-label={`Uploading ${item.fileName}`} aria-valuemin={0} aria-valuemax={100} aria-valuenow={item.progress} aria-valuetext={`${item.progress}%`}>
            <div className={styles.progressFill} style={{ width: `${item.progress}%` }} />
          </div>
        )}
        {item.status === 'processing' && <div className={[styles.progress, styles.indeterminate].join(' ')} aria-hidden />}
        {item.status === 'failed' && item.error && <span className={styles.error}>{item.error}</span>}
      </div>
      <div className={styles.actions}>
        {item.status === 'failed' && item.file && (
          <Button size="sm" onClick={onRetry} aria-label={`Retry uploading ${item.fileName}`}>
            Retry
          </Button>
        )}
        {item.status === 'ready' && (
          <Button size="sm" variant="ghost" className={styles.iconButton} icon={<DownloadIcon />} onClick={onDownload} loading={downloading} aria-label={`Download ${item.fileName}`} title="Download" />
        )}
        {active ? (
          <Button size="sm" variant="ghost" className={styles.iconButton} icon={<CloseIcon />} onClick={onDelete} aria-label={`Cancel uploading ${item.fileName}`} title="Cancel upload" />
        ) : (
          <Button
            size="sm"
            variant="ghost"
            className={[styles.iconButton, styles.danger].join(' ')}
            icon={item.status === 'failed' && item.file ? <CloseIcon /> : <TrashIcon />}
            onClick={onDelete}
            disabled={item.deleting}
            aria-label={item.status === 'failed' && item.file ? `Remove ${item.fileName}` : `Delete ${item.fileName}`}
            title={item.status === 'failed' && item.file ? 'Remove' : 'Delete'}
          />
        )}
      </div>
    </li>
  );
}
