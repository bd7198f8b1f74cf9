import type { Note } from '@jotter/shared/notes';
import { ApiError } from '../../../lib/api-client';
import { AutosaveController, type AutosaveApi, type AutosaveOptions, type DraftBackup } from './autosave-controller';

const note = (patch: Partial<Note> = {}): Note => ({
  noteId: '11111111-1111-4111-8111-111111111111',
  title: 'Groceries',
  content: 'Milk',
  version: 1,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  attachments: [],
  tags: [],
  pinned: false,
  ...patch,
});

/** An in-memory API with the contract's version check. */
function fakeApi(initial: Note | null) {
  let server = initial;
  const api = {
    // PUT /notes/{noteId} without version: idempotent create.
    create: jest.fn(async (noteId: string, body: { title: string; content: string }) => {
      if (server?.noteId === noteId) {
        if (server.version === 1 && server.title === body.title && server.content === body.content) return server;
        throw new ApiError(409, 'version_conflict', 'The note exists');
      }
      server = note({ ...body, noteId, version: 1 });
      return server;
    }),
    update: jest.fn(async (noteId: string, body: { title?: string; content?: string; version: number }) => {
      if (!server || server.noteId !== noteId) throw new ApiError(404, 'not_found', 'Not found');
      if (body.version !== server.version) throw new ApiError(409, 'version_conflict', 'The note was changed');
      server = { ...server, ...(body.title !== undefined ? { title: body.title } : {}), ...(body.content !== undefined ? { content: body.content } : {}), version: server.version + 1 };
      return server;
    }),
    get: jest.fn(async () => {
      if (!server) throw new ApiError(404, 'not_found', 'Not found');
      return server;
    }),
  } satisfies AutosaveApi;
  return {
    api,
    get server() {
      return server;
    },
    /** Someone else saves a newer version. */
    editElsewhere(patch: Partial<Note>) {
      server = { ...server!, ...patch, version: server!.version + 1 };
    },
  };
}

function memoryBackup(): DraftBackup & { data: Map<string, unknown> } {
  const data = new Map<string, unknown>();
  return {
    data,
    read: (k) => (data.get(k) as ReturnType<DraftBackup['read']>) ?? null,
    write: (k, v) => void data.set(k, v),
    remove: (k) => void data.delete(k),
  };
}

const settle = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

/** A running controller on `fake` that saves 800 ms after the last edit. */
function started(fake: ReturnType<typeof fakeApi>, initial: Note | null, options: Partial<AutosaveOptions> = {}) {
  const c = new AutosaveController({ api: fake.api, note: initial, delayMs: 800, ...options });
  c.start();
  return c;
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

describe('AutosaveController', () => {
  it('debounces typing into one PUT carrying the version, then reports Saved', async () => {
    const fake = fakeApi(note());
    const c = started(fake, note());
    c.edit({ content: 'Milk, eggs' });
    jest.advanceTimersByTime(500);
    c.edit({ content: 'Milk, eggs, bread' });
    expect(c.getState().status).toBe('pending');
    jest.advanceTimersByTime(799);
    expect(fake.api.update).not.toHaveBeenCalled();
    jest.advanceTimersByTime(1);
    expect(c.getState().status).toBe('saving');
    await settle();
    expect(fake.api.update).toHaveBeenCalledTimes(1);
    expect(fake.api.update).toHaveBeenCalledWith(note().noteId, { title: 'Groceries', content: 'Milk, eggs, bread', version: 1 });
    expect(c.getState()).toMatchObject({ status: 'saved', note: { version: 2 } });
  });

  it('keeps saving edits typed while a save is in flight, with the new version', async () => {
    const fake = fakeApi(note());
    const c = started(fake, note());
    c.edit({ content: 'a' });
    jest.advanceTimersByTime(800);
    c.edit({ content: 'ab' }); // typed during the request
    await settle();
    expect(c.getState().status).toBe('pending');
    jest.advanceTimersByTime(800);
    await settle();
    expect(fake.api.update).toHaveBeenLastCalledWith(note().noteId, expect.objectContaining({ content: 'ab', version: 2 }));
    expect(fake.server?.content).toBe('ab');
    expect(c.getState().status).toBe('saved');
  });

  describe('a change from another device (live sync)', () => {
    it('shows it at once when nothing is unsaved here, and saves on top of it afterwards', async () => {
      const fake = fakeApi(note());
      const c = started(fake, note());
      fake.editElsewhere({ content: 'Milk, oats' });
      c.remoteChanged(fake.server!);
      expect(c.getState()).toMatchObject({ status: 'saved', draft: { content: 'Milk, oats' }, note: { version: 2 } });
      c.edit({ content: 'Milk, oats, tea' });
      jest.advanceTimersByTime(800);
      await settle();
      expect(fake.api.update).toHaveBeenLastCalledWith(note().noteId, expect.objectContaining({ version: 2 }));
      expect(c.getState().status).toBe('saved');
    });

    it('opens the conflict at once over unsaved text, and keeps the text', () => {
      const fake = fakeApi(note());
      const c = started(fake, note());
      c.edit({ content: 'Milk, mine' });
      fake.editElsewhere({ content: 'Milk, theirs' });
      c.remoteChanged(fake.server!);
      expect(c.getState()).toMatchObject({ status: 'conflict', draft: { content: 'Milk, mine' } });
      jest.advanceTimersByTime(800);
      expect(fake.api.update).not.toHaveBeenCalled();
    });

    it('ignores its own save coming back, and copies it already has', async () => {
      const fake = fakeApi(note());
      const c = started(fake, note());
      c.edit({ content: 'Milk, eggs' });
      jest.advanceTimersByTime(800);
      // The event of the save in flight, before its answer.
      c.remoteChanged(note({ content: 'Milk, eggs', version: 2 }));
      expect(c.getState().status).toBe('saving');
      await settle();
      c.remoteChanged(fake.server!);
      c.remoteChanged(note({ version: 1, content: 'old' }));
      expect(c.getState()).toMatchObject({ status: 'saved', draft: { content: 'Milk, eggs' } });
    });
  });

  it('creates a new note on the first save, then updates it', async () => {
    const fake = fakeApi(null);
    const onSaved = jest.fn();
    const c = started(fake, null, { onSaved, newId: () => '22222222-2222-4222-8222-222222222222' });
    expect(c.getState().status).toBe('idle');
    c.edit({ content: 'First line' });
    jest.advanceTimersByTime(800);
    await settle();
    expect(fake.api.create).toHaveBeenCalledWith('22222222-2222-4222-8222-222222222222', { title: 'Untitled', content: 'First line' });
    expect(onSaved).toHaveBeenCalledWith(expect.objectContaining({ version: 1 }), true);
    c.edit({ title: 'Plans' });
    jest.advanceTimersByTime(800);
    await settle();
    expect(fake.api.update).toHaveBeenCalledWith('22222222-2222-4222-8222-222222222222', { title: 'Plans', content: 'First line', version: 1 });
  });

  it('a create whose answer was lost never makes a second note: the retry with more text takes over the created one', async () => {
    const fake = fakeApi(null);
    const realCreate = fake.api.create.getMockImplementation()!;
    // The server creates the note, but the answer never arrives.
    fake.api.create.mockImplementationOnce(async (noteId, body) => {
      await realCreate(noteId, body);
      throw new ApiError(0, 'network_error', "Can't reach the server.");
    });
    const onSaved = jest.fn();
    const c = started(fake, null, { onSaved, connectivity: { onOnline: () => () => undefined }, retryDelayMs: { first: 1000, max: 1000 } });
    c.edit({ content: 'Draft' });
    jest.advanceTimersByTime(800);
    await settle();
    expect(c.getState().status).toBe('offline');
    c.edit({ content: 'Draft, longer' });
    jest.advanceTimersByTime(1000); // retry: PUT create with other text → 409 → it is ours
    await settle();
    jest.advanceTimersByTime(0);
    await settle();
    const id = fake.api.create.mock.calls[0]![0];
    expect(fake.api.create.mock.calls.map((call) => call[0])).toEqual([id, id]);
    expect(fake.api.get).toHaveBeenCalledWith(id);
    expect(fake.api.update).toHaveBeenCalledWith(id, { title: 'Untitled', content: 'Draft, longer', version: 1 });
    expect(fake.server).toMatchObject({ noteId: id, content: 'Draft, longer', version: 2 });
    expect(c.getState()).toMatchObject({ status: 'saved', note: { noteId: id } });
    expect(onSaved).toHaveBeenCalledWith(expect.objectContaining({ noteId: id }), true);
  });

  it('keeps a new note\'s id with its backed-up draft, so a create retried after a reload uses the same id', () => {
    const backup = memoryBackup();
    const first = new AutosaveController({ api: fakeApi(null).api, note: null, backup, newId: () => '33333333-3333-4333-8333-333333333333' });
    first.edit({ content: 'Before the reload' });
    expect(backup.data.get('new')).toMatchObject({ noteId: '33333333-3333-4333-8333-333333333333' });
    const fake = fakeApi(null);
    const second = new AutosaveController({ api: fake.api, note: null, backup, newId: () => '44444444-4444-4444-8444-444444444444' });
    void second.flush();
    expect(fake.api.create).toHaveBeenCalledWith('33333333-3333-4333-8333-333333333333', { title: 'Untitled', content: 'Before the reload' });
  });

  /** "Mine" typed and autosaved after someone else saved "Theirs": the PUT answered 409. */
  async function conflictedEdit() {
    const fake = fakeApi(note());
    const c = started(fake, note());
    fake.editElsewhere({ content: 'Theirs' });
    c.edit({ content: 'Mine' });
    jest.advanceTimersByTime(800);
    await settle();
    return { fake, c };
  }

  it('on 409 shows the conflict, stops saving, and keeps the typed text', async () => {
    const { fake, c } = await conflictedEdit();
    expect(c.getState()).toMatchObject({ status: 'conflict', draft: { content: 'Mine' } });
    c.edit({ content: 'Mine, more' });
    jest.advanceTimersByTime(5000);
    await settle();
    expect(fake.api.update).toHaveBeenCalledTimes(1);
    expect(c.getState()).toMatchObject({ status: 'conflict', draft: { content: 'Mine, more' } });
  });

  it('"Overwrite with mine" GETs the fresh version and PUTs my text with it, flagged as an overwrite', async () => {
    const { fake, c } = await conflictedEdit();
    await c.overwriteWithMine();
    expect(fake.api.get).toHaveBeenCalledTimes(1);
    // The flag tells the server to keep the text it replaces as a revision.
    expect(fake.api.update).toHaveBeenLastCalledWith(note().noteId, expect.objectContaining({ content: 'Mine', version: 2 }), true);
    expect(fake.server).toMatchObject({ content: 'Mine', version: 3 });
    expect(c.getState()).toMatchObject({ status: 'saved', resolving: false });
    // The next ordinary save is not an overwrite.
    c.edit({ content: 'Mine, edited' });
    jest.advanceTimersByTime(800);
    await settle();
    expect(fake.api.update).toHaveBeenLastCalledWith(note().noteId, expect.objectContaining({ content: 'Mine, edited', version: 3 }));
  });

  it('"Reload theirs" replaces the draft with the server version and hands mine back', async () => {
    const { fake, c } = await conflictedEdit();
    const mine = await c.reloadTheirs();
    expect(mine).toEqual({ title: 'Groceries', content: 'Mine' });
    expect(c.getState()).toMatchObject({ status: 'saved', draft: { content: 'Theirs' }, note: { version: 2 } });
    // Bringing mine back saves it on top of theirs (explicit user choice).
    c.edit(mine!);
    jest.advanceTimersByTime(800);
    await settle();
    expect(fake.server).toMatchObject({ content: 'Mine', version: 3 });
  });

  it('shows an error on other failures and retries on demand', async () => {
    const fake = fakeApi(note());
    fake.api.update.mockRejectedValueOnce(new ApiError(500, 'internal_error', 'The server had a problem.'));
    const c = started(fake, note());
    c.edit({ content: 'Text' });
    jest.advanceTimersByTime(800);
    await settle();
    expect(c.getState()).toMatchObject({ status: 'error', draft: { content: 'Text' } });
    jest.advanceTimersByTime(60_000);
    await settle();
    expect(fake.api.update).toHaveBeenCalledTimes(1); // a server error waits for the user
    await c.retry();
    expect(c.getState().status).toBe('saved');
    expect(fake.server?.content).toBe('Text');
  });

  describe('offline', () => {
    const networkError = () => new ApiError(0, 'network_error', "Can't reach the server.");
    function offlineSetup() {
      const fake = fakeApi(note());
      let online: (() => void) | undefined;
      const connectivity = { onOnline: jest.fn((listener: () => void) => ((online = listener), () => (online = undefined))) };
      const backup = memoryBackup();
      const c = started(fake, note(), { backup, connectivity, retryDelayMs: { first: 1000, max: 4000 } });
      return { fake, c, backup, comeOnline: () => online?.(), isListening: () => online !== undefined };
    }

    it('a save that cannot reach the server is "offline" (not an error), keeps typing local, and retries with backoff', async () => {
      const { fake, c, backup } = offlineSetup();
      fake.api.update.mockRejectedValueOnce(networkError()).mockRejectedValueOnce(networkError()).mockRejectedValueOnce(networkError());
      c.edit({ content: 'On the train' });
      jest.advanceTimersByTime(800);
      await settle();
      expect(c.getState()).toMatchObject({ status: 'offline', draft: { content: 'On the train' } });
      c.edit({ content: 'On the train, no signal' });
      expect(c.getState().status).toBe('offline');
      expect(backup.data.get(note().noteId)).toMatchObject({ content: 'On the train, no signal', version: 1, note: note() });
      jest.advanceTimersByTime(999);
      await settle();
      expect(fake.api.update).toHaveBeenCalledTimes(1); // typing while offline schedules nothing
      jest.advanceTimersByTime(1);
      await settle();
      expect(fake.api.update).toHaveBeenCalledTimes(2); // 1 s
      jest.advanceTimersByTime(2000);
      await settle();
      expect(fake.api.update).toHaveBeenCalledTimes(3); // 2 s more
      jest.advanceTimersByTime(4000);
      await settle();
      expect(fake.api.update).toHaveBeenCalledTimes(4); // 4 s more (the cap), and it went through
      expect(fake.api.update).toHaveBeenLastCalledWith(note().noteId, { title: 'Groceries', content: 'On the train, no signal', version: 1 });
      expect(c.getState().status).toBe('saved');
      expect(fake.server).toMatchObject({ content: 'On the train, no signal', version: 2 });
      expect(backup.data.has(note().noteId)).toBe(false);
    });

    it('saves the latest text once when the browser comes back online, and stops listening when closed', async () => {
      const { fake, c, comeOnline, isListening } = offlineSetup();
      fake.api.update.mockRejectedValueOnce(networkError());
      c.edit({ content: 'A' });
      jest.advanceTimersByTime(800);
      await settle();
      c.edit({ content: 'AB' });
      comeOnline();
      await settle();
      expect(fake.api.update).toHaveBeenCalledTimes(2);
      expect(fake.server?.content).toBe('AB');
      expect(c.getState().status).toBe('saved');
      jest.advanceTimersByTime(60_000); // the pending backoff timer does nothing now
      await settle();
      expect(fake.api.update).toHaveBeenCalledTimes(2);
      c.stop();
      expect(isListening()).toBe(false);
    });
  });

  it('backs up unsaved text and restores it (saved against its base version) next time', async () => {
    const backup = memoryBackup();
    const fake = fakeApi(note());
    fake.api.update.mockRejectedValueOnce(new ApiError(0, 'network_error', 'offline'));
    const first = new AutosaveController({ api: fake.api, note: note(), delayMs: 800, backup });
    first.start();
    first.edit({ content: 'Typed before the tab closed' });
    expect(backup.data.get(note().noteId)).toEqual({ title: 'Groceries', content: 'Typed before the tab closed', version: 1, note: note() });
    jest.advanceTimersByTime(800);
    await settle();
    first.stop();

    const second = new AutosaveController({ api: fake.api, note: note(), delayMs: 800, backup });
    expect(second.getState()).toMatchObject({ status: 'pending', restoredFromBackup: true, draft: { content: 'Typed before the tab closed' } });
    second.start();
    jest.advanceTimersByTime(800);
    await settle();
    expect(fake.server?.content).toBe('Typed before the tab closed');
    expect(backup.data.has(note().noteId)).toBe(false);
  });

  it('saves pending text at once when the editor closes', async () => {
    const fake = fakeApi(note());
    const c = started(fake, note());
    c.edit({ content: 'Leaving now' });
    c.stop();
    await settle();
    expect(fake.server?.content).toBe('Leaving now');
  });
});
