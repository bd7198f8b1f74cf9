/**
 * A note's attachments as the user sees them: the server's list merged with uploads started here.
 * Framework-free (like the autosave controller) so it is tested with a fake API, a fake uploader
 * and fake timers; React reads it through useAttachments.
 *
 * One upload: declare (POST …/attachments → presigned POST) → send the file to storage with
 * progress → "processing" until S3's event marks the record ready (polled via GET /notes/{id}).
 * A failed upload keeps its File, so Retry declares it again and sends it again.
 */
import type { CreateAttachmentRequest, CreateAttachmentResponse } from '@jotter/shared/attachments';
import type { Attachment, Note } from '@jotter/shared/notes';
import { attachmentLimits as limits } from '@jotter/shared/attachment-limits';
import { ExternalStore } from '../../../lib/external-store';
import { contentTypeOf, fileProblem } from './validate';
import { UploadError, type UploadHandle, type Uploader } from './xhr-upload';

export interface AttachmentsApi {
  declare(noteId: string, body: CreateAttachmentRequest): Promise<CreateAttachmentResponse>;
  remove(noteId: string, attachmentId: string): Promise<void>;
  getNote(noteId: string): Promise<Note>;
}

export type ItemStatus =
  | 'queued' // waiting for a free upload slot
  | 'uploading' // declared and/or sending bytes; `progress` is 0–100
  | 'processing' // bytes sent; waiting for storage to confirm
  | 'ready'
  | 'failed';

export interface AttachmentItem {
  /** Stable React key: the attachment id, or a local id before the server gave one. */
  key: string;
  attachmentId: string | null;
  fileName: string;
  contentType: string;
  size: number;
  status: ItemStatus;
  progress: number;
  error: string | null;
  /** Kept for uploads started here, so a failed one can be retried. */
  file: File | null;
  /** A delete is in flight. */
  deleting: boolean;
}

export interface QueueState {
  items: AttachmentItem[];
  /** Files refused before uploading (too big, empty, too many…), newest batch. */
  rejected: string[];
}

export interface QueueOptions {
  noteId: string | null;
  attachments: Attachment[];
  api: AttachmentsApi;
  upload: Uploader;
  /** Returns the note's id, saving a brand-new note first; null when it can't be saved yet. */
  ensureNoteId?: () => Promise<string | null>;
  concurrency?: number;
  /** Waits between status polls after an upload; polling stops when they run out. */
  pollDelaysMs?: number[];
  now?: () => number;
}

const defaultPollDelays = [500, 1000, 1000, 1500, 2000, 2000, 3000, 5000, 5000, 10_000, 10_000];

let localSeq = 0;

function fromServer(a: Attachment, now: number): AttachmentItem {
  // A pending record older than its upload link will never finish (the tab that started it went away).
  const abandoned = a.status === 'pending' && now - Date.parse(a.createdAt) > limits.uploadUrlSeconds * 1000;
  return {
    key: a.attachmentId,
    attachmentId: a.attachmentId,
    fileName: a.fileName,
    contentType: a.contentType,
    size: a.size,
    status: a.status === 'pending' ? (abandoned ? 'failed' : 'processing') : a.status,
    progress: a.status === 'pending' && !abandoned ? 100 : 0,
    error: a.status === 'failed' ? 'The file was bigger than declared.' : abandoned ? 'The upload didn’t finish.' : null,
    file: null,
    deleting: false,
  };
}

/** Uploads are queued or running: leaving the page now would drop them. */
export const uploading = (state: QueueState) => state.items.some((i) => i.status === 'queued' || i.status === 'uploading');

const messageOf = (error: unknown) => (error instanceof Error && error.message ? error.message : 'Something went wrong.');

export class UploadQueue extends ExternalStore<QueueState> {
  private handles = new Map<string, UploadHandle>();
  private noteId: string | null;
  private pollTimer: ReturnType<typeof setTimeout> | undefined;
  private pollStep = 0;
  private polling = false;
  private stopped = false;
  private readonly concurrency: number;
  private readonly pollDelays: number[];
  private readonly now: () => number;

  constructor(private readonly options: QueueOptions) {
    const now = options.now ?? Date.now;
    const time = now();
    super({ items: options.attachments.map((a) => fromServer(a, time)), rejected: [] });
    this.noteId = options.noteId;
    this.concurrency = options.concurrency ?? 3;
    this.pollDelays = options.pollDelaysMs ?? defaultPollDelays;
    this.now = now;
  }

  /** Begin (or resume, after stop) following uploads that are still processing. */
  start() {
    this.stopped = false;
    if (this.state.items.some((i) => i.status === 'processing')) this.startPolling();
  }

  private update(key: string, patch: Partial<AttachmentItem>) {
    this.set({ items: this.state.items.map((i) => (i.key === key ? { ...i, ...patch } : i)) });
  }
  private item(key: string) {
    return this.state.items.find((i) => i.key === key);
  }

  /** Records that count against the per-note limit (the server counts pending and failed ones too). */
  private get used(): number {
    return this.state.items.filter((i) => !(i.status === 'failed' && i.attachmentId === null)).length;
  }

  // ---- user actions ----

  /**
   * Checks every file first (size, name, the per-note count) and only queues the ones that pass;
   * the others are listed in `rejected` with the reason. Returns how many were queued.
   */
  add(files: Iterable<File>, extraRejections: string[] = []): number {
    const rejected = [...extraRejections];
    const accepted: AttachmentItem[] = [];
    let room = limits.perNote - this.used;
    for (const file of files) {
      const problem = fileProblem(file);
      if (problem) {
        rejected.push(problem);
        continue;
      }
      if (room <= 0) {
        rejected.push(`${file.name} wasn’t added — a note can have at most ${limits.perNote} attachments.`);
        continue;
      }
      room--;
      accepted.push({
        key: `local-${++localSeq}`,
        attachmentId: null,
        fileName: file.name.trim(),
        contentType: contentTypeOf(file),
        size: file.size,
        status: 'queued',
        progress: 0,
        error: null,
        file,
        deleting: false,
      });
    }
    this.set({ items: [...this.state.items, ...accepted], rejected });
    if (accepted.length > 0) void this.pump();
    return accepted.length;
  }

  dismissRejected() {
    this.set({ rejected: [] });
  }

  /** Declares the file again and sends it again. */
  retry(key: string) {
    const item = this.item(key);
    if (!item || item.status !== 'failed' || !item.file) return;
    const stale = item.attachmentId;
    this.update(key, { status: 'queued', progress: 0, error: null, attachmentId: null });
    // The failed record still counts against the limit; drop it (best effort) before re-declaring.
    if (stale && this.noteId) void this.options.api.remove(this.noteId, stale).catch(() => undefined);
    void this.pump();
  }

  /**
   * Cancels an upload, forgets a failed local one, or deletes the attachment (object and record).
   * Rejects (and keeps the item) when the server refused the delete.
   */
  async remove(key: string): Promise<void> {
    const item = this.item(key);
    if (!item || item.deleting) return;
    const handle = this.handles.get(key);
    if (handle) {
      this.handles.delete(key);
      handle.abort();
    }
    if (item.attachmentId && this.noteId) {
      this.update(key, { deleting: true });
      try {
        await this.options.api.remove(this.noteId, item.attachmentId);
      } catch (error) {
        // Already gone is what we wanted.
        if (!(error instanceof Error && 'status' in error && error.status === 404)) {
          if (this.item(key)) this.update(key, { deleting: false });
          throw error;
        }
      }
    }
    this.set({ items: this.state.items.filter((i) => i.key !== key) });
    void this.pump();
  }

  /** Stops polling; uploads already running finish in the background (S3 confirms them anyway). */
  stop() {
    this.stopped = true;
    this.polling = false;
    clearTimeout(this.pollTimer);
  }

  // ---- internals ----

  private async pump() {
    const running = this.state.items.filter((i) => i.status === 'uploading').length;
    const next = this.state.items.filter((i) => i.status === 'queued').slice(0, Math.max(0, this.concurrency - running));
    if (next.length === 0) return;
    // Mark them before any await so a second pump doesn't start them twice.
    for (const item of next) this.update(item.key, { status: 'uploading', progress: 0 });
    let noteId = this.noteId;
    if (!noteId) {
      try {
        noteId = (await this.options.ensureNoteId?.()) ?? null;
      } catch {
        noteId = null;
      }
      this.noteId = noteId;
    }
    for (const item of next) {
      if (!noteId) this.fail(item.key, 'Save the note first (type a title or some text), then retry.');
      else void this.run(item.key, noteId);
    }
  }

  private fail(key: string, error: string) {
    if (this.item(key)) this.update(key, { status: 'failed', error, progress: 0 });
  }

  private async run(key: string, noteId: string) {
    const item = this.item(key);
    if (!item?.file) return;
    const file = item.file;
    let declared: CreateAttachmentResponse;
    try {
      declared = await this.options.api.declare(noteId, { fileName: item.fileName, contentType: item.contentType, size: file.size });
    } catch (error) {
      this.fail(key, messageOf(error));
      void this.pump();
      return;
    }
    const attachmentId = declared.attachment.attachmentId;
    if (!this.item(key)) {
      // Cancelled while declaring: drop the record it left behind.
      void this.options.api.remove(noteId, attachmentId).catch(() => undefined);
      void this.pump();
      return;
    }
    this.update(key, { attachmentId });

    const handle = this.options.upload(declared, file, (loaded, total) => {
      const progress = total > 0 ? Math.min(99, Math.floor((loaded / total) * 100)) : 0;
      const current = this.item(key);
      if (current && current.status === 'uploading' && progress > current.progress) this.update(key, { progress });
    });
    this.handles.set(key, handle);
    try {
      await handle.done;
      this.handles.delete(key);
      if (this.item(key)) {
        this.update(key, { status: 'processing', progress: 100 });
        this.startPolling();
      }
    } catch (error) {
      this.handles.delete(key);
      if (error instanceof UploadError && error.status === -1) return; // cancelled by remove()
      if (this.item(key)) {
        // Nothing was stored: drop the pending record so it doesn't count against the limit.
        void this.options.api.remove(noteId, attachmentId).catch(() => undefined);
        this.update(key, { status: 'failed', error: messageOf(error), progress: 0, attachmentId: null });
      }
    } finally {
      void this.pump();
    }
  }

  private startPolling() {
    this.pollStep = 0;
    if (this.polling || this.stopped) return;
    this.polling = true;
    this.schedulePoll();
  }

  private schedulePoll() {
    const delay = this.pollDelays[this.pollStep++];
    if (delay === undefined || this.stopped) {
      this.polling = false;
      return;
    }
    this.pollTimer = setTimeout(() => void this.poll(), delay);
  }

  private async poll() {
    const noteId = this.noteId;
    if (!noteId || this.stopped) {
      this.polling = false;
      return;
    }
    try {
      const note = await this.options.api.getNote(noteId);
      this.sync(note.attachments);
    } catch {
      /* try again on the next tick */
    }
    if (this.state.items.some((i) => i.status === 'processing')) this.schedulePoll();
    else this.polling = false;
  }

  /** Takes the server's word on attachments it knows (status, confirmed size) and adds ones made elsewhere. */
  private sync(attachments: Attachment[]) {
    const byId = new Map(attachments.map((a) => [a.attachmentId, a]));
    const known = new Set<string>();
    const items = this.state.items.map((item) => {
      if (!item.attachmentId) return item;
      known.add(item.attachmentId);
      const server = byId.get(item.attachmentId);
      // Still sending bytes: the server only knows the record is pending.
      if (!server || item.status === 'uploading' || item.status === 'queued') return item;
      if (server.status === 'ready' && item.status !== 'ready') return { ...item, status: 'ready' as const, size: server.size, error: null };
      if (server.status === 'failed' && item.status !== 'failed')
        return { ...item, status: 'failed' as const, progress: 0, error: 'Storage refused the file: it was bigger than declared.' };
      return item;
    });
    const now = this.now();
    const added = attachments.filter((a) => !known.has(a.attachmentId)).map((a) => fromServer(a, now));
    this.set({ items: [...items, ...added] });
  }
}
