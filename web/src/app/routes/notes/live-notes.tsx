import type { LiveEvent } from '@jotter/shared/live';
import type { Note } from '@jotter/shared/notes';
import { createContext, useContext, useEffect, useRef, useState, type ReactNode } from 'react';
import { config } from '../../../config';
import { session } from '../../../lib/session';
import { notesApi } from '../../../features/notes/api/notes-api';
import { useNotes } from '../../../features/notes/stores/notes-store';
import type { LiveSync } from '../../../features/sync/live-sync';

/** The latest copy of a note that another device saved (the open editor adopts it or opens a conflict). */
const RemoteNoteContext = createContext<Note | null>(null);
export const useRemoteNote = () => useContext(RemoteNoteContext);

type SyncModule = typeof import('../../../features/sync');

/**
 * Live sync composed into the notes pages: the list follows other devices' changes, the open note
 * hears of them (NotePage). Loaded after the notes page has rendered: not in the initial bundle.
 */
export function LiveNotes({ children }: { children: ReactNode }) {
  const store = useNotes();
  const storeRef = useRef(store);
  storeRef.current = store;
  const [remote, setRemote] = useState<Note | null>(null);
  const [sync, setSync] = useState<{ module: SyncModule; sync: LiveSync } | null>(null);

  useEffect(() => {
    const url = config.wsUrl;
    if (!url) return;
    let live: LiveSync | undefined;
    let cancelled = false;
    const onEvent = async (event: LiveEvent) => {
      const { items, upsert, remove, reloadTags } = storeRef.current;
      if (event.type === 'note.deleted') {
        remove(event.noteId);
        reloadTags();
        return;
      }
      // Our own saves come back too: nothing to fetch when the list already holds that version.
      const held = items.find((n) => n.noteId === event.noteId);
      if (held && held.version >= event.version && event.type === 'note.updated') return;
      const note = await notesApi.get(event.noteId).catch(() => null);
      if (!note) return;
      upsert(note);
      if (event.type !== 'note.updated') reloadTags();
      setRemote(note);
    };
    void import('../../../features/sync').then((module) => {
      if (cancelled) return;
      live = new module.LiveSync({
        url,
        getAccessToken: () => session.getAccessToken(),
        onEvent: (event) => void onEvent(event),
        onReconnected: () => {
          storeRef.current.reload();
          storeRef.current.reloadTags();
        },
      });
      live.start();
      setSync({ module, sync: live });
    });
    return () => {
      cancelled = true;
      live?.stop();
    };
  }, []);

  return (
    <RemoteNoteContext.Provider value={remote}>
      {sync && <sync.module.LiveIndicator sync={sync.sync} />}
      {children}
    </RemoteNoteContext.Provider>
  );
}
