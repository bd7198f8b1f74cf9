/**
 * Autosave for one note: debounced saves, version-checked PUTs, the 409 conflict flow, a local
 * backup so typed text is never lost silently, and offline saving (a save that cannot reach the
 * server is retried with backoff and when the browser is back online). Framework-free so it is
 * tested with a fake API and fake timers; React reads it through useAutosave.
 */
import { noteLimits, UNTITLED } from '@jotter/shared/note-limits';
import { noteSchema, type CreateNoteRequest, type Note, type UpdateNoteRequest } from '@jotter/shared/notes';
import { ApiError, isApiError } from '../../../lib/api-client';
import { ExternalStore } from '../../../lib/external-store';

export interface Draft {
  title: string;
  content: string;
}

export interface AutosaveApi {
  /** Idempotent create under the id the app made (PUT /notes/{noteId} without version). */
  create(noteId: string, body: CreateNoteRequest): Promise<Note>;
  /** `overwrite`: the save replaces a version it was not based on (the server keeps that text as a revision). */
  update(noteId: string, body: UpdateNoteRequest, overwrite?: boolean): Promise<Note>;
  get(noteId: string): Promise<Note>;
}

/** An unsaved draft as backed up: the text, the version it is based on, the note as last saved. */
export interface BackedUpDraft extends Draft {
  version: number | null;
  /** The server's note the draft is based on: lets a reload open the note while offline. */
  note?: Note | null;
  /** A new note's id, made here: kept so a create retried after a reload cannot make a second note. */
  noteId?: string;
}

/** Where drafts are backed up between keystrokes and saves (localStorage in the app). */
export interface DraftBackup {
  read(key: string): BackedUpDraft | null;
  write(key: string, value: BackedUpDraft): void;
  remove(key: string): void;
}

/** Tells when the browser comes back online (window's `online` event in the app). */
export interface Connectivity {
  onOnline(listener: () => void): () => void;
}

export type SaveStatus =
  | 'idle' // nothing typed yet (new note) or freshly loaded
  | 'pending' // typed, waiting for the debounce
  | 'saving'
  | 'saved'
  | 'offline' // last save could not reach the server: kept locally, retried automatically
  | 'error' // last save failed (not a conflict): retry
  | 'conflict'; // 409 version_conflict: the user chooses

export interface AutosaveState {
  status: SaveStatus;
  draft: Draft;
  /** The note as the server last confirmed it (null until a new note is first saved). */
  note: Note | null;
  error: ApiError | Error | null;
  /** A conflict resolution (reload / overwrite) is in flight. */
  resolving: boolean;
  /** True when the draft was restored from a local backup that differed from the server. */
  restoredFromBackup: boolean;
}

export interface AutosaveOptions {
  api: AutosaveApi;
  note: Note | null;
  delayMs?: number;
  backup?: DraftBackup;
  connectivity?: Connectivity;
  /** Makes a new note's id (crypto.randomUUID by default). */
  newId?: () => string;
  /** Backoff between offline retries: first delay, doubled per attempt up to the maximum. */
  retryDelayMs?: { first: number; max: number };
  onSaved?: (note: Note, created: boolean) => void;
}

const same = (a: Draft, b: Draft) => a.title === b.title && a.content === b.content;
const toDraft = (note: Note | null): Draft => (note ? { title: note.title, content: note.content } : { title: '', content: '' });
const titleForServer = (title: string) => title.trim().slice(0, noteLimits.titleMax) || UNTITLED;
/** No answer at all (offline, DNS, connection reset): worth retrying by itself, not the user's problem. */
const isNetworkFailure = (error: unknown) => isApiError(error) && error.status === 0;

export class AutosaveController extends ExternalStore<AutosaveState> {
  private timer: ReturnType<typeof setTimeout> | undefined;
  private inFlight: Promise<void> | null = null;
  /** The draft the save in flight sends. */
  private sending: Draft | null = null;
  /** What the server holds (as last saved or loaded); dirty = draft differs from it. */
  private baseline: Draft;
  /** The version the next PUT claims to be based on. */
  private baseVersion: number | null;
  private active = false;
  private readonly delayMs: number;
  private retryTimer: ReturnType<typeof setTimeout> | undefined;
  private retryAttempt = 0;
  private stopListening: (() => void) | undefined;
  /** The id a new note is created under (unused once the note exists). */
  private readonly newNoteId: string;
  /** The next save is the user's "overwrite with mine" after a conflict. */
  private overwriting = false;

  constructor(private readonly options: AutosaveOptions) {
    const { note, backup } = options;
    const baseline = toDraft(note);
    let draft = baseline;
    let baseVersion = note?.version ?? null;
    let restored = false;

    const saved = backup?.read(note?.noteId ?? 'new');
    if (saved && !same(saved, draft) && (saved.title !== '' || saved.content !== '')) {
      // Unsaved text from an earlier visit (crash, closed tab, offline). Keep it, and save it
      // against the version it was based on: if the server moved on since, that is a conflict.
      draft = { title: saved.title, content: saved.content };
      if (saved.version !== null) baseVersion = saved.version;
      restored = true;
    }

    super({ status: restored ? 'pending' : note ? 'saved' : 'idle', draft, note, error: null, resolving: false, restoredFromBackup: restored });
    this.delayMs = options.delayMs ?? 800;
    this.baseline = baseline;
    this.baseVersion = baseVersion;
    this.newNoteId = (!note && saved?.noteId) || (options.newId ?? (() => crypto.randomUUID()))();
  }

  /** Begin (or resume) autosaving; a draft restored from backup is saved after the debounce. */
  start() {
    this.active = true;
    this.stopListening ??= this.options.connectivity?.onOnline(() => {
      if (this.state.status === 'offline') this.retryNow();
    });
    if (this.state.status === 'pending') this.schedule();
  }

  /** Stop timers. Pending text is saved at once: leaving a note must not drop it. */
  stop() {
    if (!this.active) return;
    this.active = false;
    clearTimeout(this.timer);
    clearTimeout(this.retryTimer);
    this.stopListening?.();
    this.stopListening = undefined;
    if (this.state.status === 'pending' && this.dirty) void this.save();
  }

  get noteId(): string | null {
    return this.state.note?.noteId ?? null;
  }

  get dirty(): boolean {
    return !same(this.state.draft, this.baseline) || (this.state.note === null && this.state.draft.content !== '');
  }

  private backupKey() {
    return this.options.note?.noteId ?? this.state.note?.noteId ?? 'new';
  }

  private writeBackup() {
    const { backup } = this.options;
    if (!backup) return;
    if (this.dirty) backup.write(this.backupKey(), { ...this.state.draft, version: this.baseVersion, note: this.state.note, ...(this.state.note ? {} : { noteId: this.newNoteId }) });
    else backup.remove(this.backupKey());
  }

  // ---- user actions ----

  /**
   * The user typed. Schedules a save after the debounce; not while a conflict is open, and not
   * while offline (the retry saves the latest draft).
   */
  edit(patch: Partial<Draft>) {
    const draft = { ...this.state.draft, ...patch };
    if (same(draft, this.state.draft)) return;
    const held = this.state.status === 'conflict' || this.state.status === 'offline';
    const status = held ? this.state.status : this.state.status === 'saving' ? 'saving' : 'pending';
    this.set({ draft, status, error: held ? this.state.error : null });
    this.writeBackup();
    if (!held && this.active) this.schedule();
  }

  /** Save now (blur, navigation, Cmd+S). Resolves when the server has the current draft, or failed. */
  async flush(): Promise<void> {
    clearTimeout(this.timer);
    if (this.inFlight) await this.inFlight;
    if (this.state.status === 'conflict' || !this.dirty) {
      if (this.state.status === 'pending') this.set({ status: this.state.note ? 'saved' : 'idle' });
      return;
    }
    await this.save();
  }

  /**
   * Makes sure the note exists on the server (saving what was typed, or creating an empty new
   * note) for things that hang off it, like attachments. Null when it couldn't be saved.
   */
  async ensureSaved(): Promise<Note | null> {
    await this.flush();
    if (!this.state.note) await this.save(true);
    return this.state.note;
  }

  retry(): Promise<void> {
    return this.retryNow();
  }

  /** Conflict: drop my edits and take the server's version. Returns my discarded draft (for undo). */
  async reloadTheirs(): Promise<Draft | null> {
    const noteId = this.noteId;
    if (!noteId) return null;
    const mine = this.state.draft;
    this.set({ resolving: true });
    try {
      const theirs = await this.options.api.get(noteId);
      clearTimeout(this.timer);
      this.baseline = toDraft(theirs);
      this.baseVersion = theirs.version;
      this.set({ note: theirs, draft: this.baseline, status: 'saved', error: null, resolving: false, restoredFromBackup: false });
      this.writeBackup();
      this.options.onSaved?.(theirs, false);
      return mine;
    } catch (error) {
      this.set({ resolving: false, error: error as Error });
      throw error;
    }
  }

  /** Conflict: fetch the latest version, then PUT my text on top of it. */
  async overwriteWithMine(): Promise<void> {
    const noteId = this.noteId;
    if (!noteId) return;
    this.set({ resolving: true });
    try {
      const fresh = await this.options.api.get(noteId);
      this.baseVersion = fresh.version;
      this.baseline = toDraft(fresh);
      this.overwriting = true;
      this.set({ note: fresh, status: 'pending', error: null });
    } catch (error) {
      this.set({ resolving: false, error: error as Error });
      throw error;
    }
    await this.save();
    this.set({ resolving: false });
  }

  /**
   * Another device saved the note (live sync). Nothing unsaved here: the new text shows at once.
   * Unsaved edits: the conflict opens now rather than at the next save. While a save is in flight,
   * a copy with the text it sends is that save's own result (its answer may come after the event).
   */
  remoteChanged(remote: Note) {
    const { note, status } = this.state;
    if (!note || remote.noteId !== note.noteId || remote.version <= (this.baseVersion ?? note.version) || status === 'conflict') return;
    if (this.sending && same(toDraft(remote), { title: titleForServer(this.sending.title), content: this.sending.content })) return;
    if (this.dirty || this.inFlight) {
      clearTimeout(this.timer);
      this.set({ status: 'conflict', error: new ApiError(409, 'version_conflict', 'This note was changed on another device.') });
      return;
    }
    this.baseline = toDraft(remote);
    this.baseVersion = remote.version;
    this.set({ note: remote, draft: this.baseline, status: 'saved', error: null });
  }

  dismissRestoredNotice() {
    this.set({ restoredFromBackup: false });
  }

  // ---- internals ----

  private schedule() {
    clearTimeout(this.timer);
    this.timer = setTimeout(() => void this.save(), this.delayMs);
  }

  private retryNow(): Promise<void> {
    clearTimeout(this.retryTimer);
    this.retryAttempt = 0;
    if (this.state.status === 'offline' || this.state.status === 'error') this.set({ status: 'pending' });
    return this.flush();
  }

  /** Offline: try again after 1 s, 2 s, 4 s … (capped), or at once when the browser is back online. */
  private scheduleRetry() {
    if (!this.active) return;
    const { first, max } = this.options.retryDelayMs ?? { first: 1000, max: 30_000 };
    const delay = Math.min(max, first * 2 ** this.retryAttempt++);
    clearTimeout(this.retryTimer);
    this.retryTimer = setTimeout(() => {
      if (this.state.status !== 'offline') return;
      this.set({ status: 'pending' });
      void this.save();
    }, delay);
  }

  /** `force`: save even an unchanged draft (to create an empty new note). */
  private save(force = false): Promise<void> {
    if (this.inFlight) {
      // Another save is running: it re-schedules itself if the draft moved on meanwhile.
      return this.inFlight;
    }
    if (this.state.status === 'conflict') return Promise.resolve();
    if (!this.dirty && !force) return Promise.resolve();
    const run = this.doSave().finally(() => {
      this.inFlight = null;
      this.sending = null;
    });
    this.inFlight = run;
    return run;
  }

  private async adoptCreated() {
    const existing = await this.options.api.get(this.newNoteId);
    this.options.backup?.remove('new');
    this.baseline = toDraft(existing);
    this.baseVersion = existing.version;
    this.set({ note: existing, status: this.dirty ? 'pending' : 'saved', error: null });
    this.writeBackup();
    this.options.onSaved?.(existing, true);
    // After this save's bookkeeping (a save started from here now would join the one ending).
    if (this.dirty) setTimeout(() => void this.save(), 0);
  }

  /** A PUT, flagged when it is the user's overwrite after a conflict. */
  private update(noteId: string, body: UpdateNoteRequest) {
    return this.overwriting ? this.options.api.update(noteId, body, true) : this.options.api.update(noteId, body);
  }

  private async doSave() {
    const sent = this.state.draft;
    this.sending = sent;
    const note = this.state.note;
    this.set({ status: 'saving', error: null });
    try {
      const saved = note
        ? await this.update(note.noteId, { title: titleForServer(sent.title), content: sent.content, version: this.baseVersion ?? note.version })
        : await this.options.api.create(this.newNoteId, { title: titleForServer(sent.title), content: sent.content });
      const created = note === null;
      this.overwriting = false;
      // A new note's backup lived under "new"; from now on it is keyed by its id.
      if (created) this.options.backup?.remove('new');
      this.baseline = sent;
      this.baseVersion = saved.version;
      this.retryAttempt = 0;
      const stillDirty = !same(this.state.draft, sent);
      this.set({ note: saved, status: stillDirty ? 'pending' : 'saved', error: null, restoredFromBackup: false });
      this.writeBackup();
      this.options.onSaved?.(saved, created);
      if (stillDirty && this.active) this.schedule();
      else if (stillDirty) queueMicrotask(() => void this.save());
    } catch (error) {
      if (note === null && isApiError(error, 'version_conflict')) {
        // Our id already names a note: an earlier create landed but its answer was lost, and the
        // text changed since. It is ours (the id is random and ours): carry on from it.
        await this.adoptCreated().catch((reason: unknown) => this.set({ status: 'error', error: reason as Error }));
        return;
      }
      if (isApiError(error, 'version_conflict')) {
        this.set({ status: 'conflict', error });
      } else if (isNetworkFailure(error)) {
        this.set({ status: 'offline', error: error as Error });
        this.scheduleRetry();
      } else {
        this.set({ status: 'error', error: error as Error });
      }
      this.writeBackup();
    }
  }
}

/** The browser's `online` event. */
export const browserConnectivity: Connectivity = {
  onOnline(listener) {
    window.addEventListener('online', listener);
    return () => window.removeEventListener('online', listener);
  },
};

/** localStorage-backed DraftBackup; silently does nothing where storage is unavailable. */
export function localDraftBackup(prefix = 'jotter.draft.'): DraftBackup {
  const store = (() => {
    try {
      return window.localStorage;
    } catch {
      return null;
    }
  })();
  return {
    read(key) {
      try {
        const raw = store?.getItem(prefix + key);
        if (!raw) return null;
        const v = JSON.parse(raw) as { title?: unknown; content?: unknown; version?: unknown; note?: unknown };
        if (typeof v.title !== 'string' || typeof v.content !== 'string') return null;
        const note = noteSchema.safeParse(v.note);
        return { title: v.title, content: v.content, version: typeof v.version === 'number' ? v.version : null, note: note.success ? note.data : null };
      } catch {
        return null;
      }
    },
    write(key, value) {
      try {
        store?.setItem(prefix + key, JSON.stringify(value));
      } catch {
        /* quota: the in-memory draft still exists */
      }
    },
    remove(key) {
      store?.removeItem(prefix + key);
    },
  };
}
