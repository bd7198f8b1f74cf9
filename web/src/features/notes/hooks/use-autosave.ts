import type { Note } from '@jotter/shared/notes';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { AutosaveController, browserConnectivity, localDraftBackup, type AutosaveApi } from '../utils/autosave-controller';

const backup = localDraftBackup();

/** The note as this device last saw it, kept with an unsaved draft: opens the note while offline. */
export const offlineCopy = (noteId: string): Note | null => backup.read(noteId)?.note ?? null;

/**
 * One AutosaveController per opened note. `note` is null for a new note; after its first save
 * the same controller keeps going (the route changes from /notes/new to /notes/:id without a remount).
 */
export function useAutosave(note: Note | null, api: AutosaveApi, onSaved: (note: Note, created: boolean) => void, key: string) {
  const [controller, setController] = useState(() => new AutosaveController({ api, note, backup, connectivity: browserConnectivity, onSaved }));
  const [controllerKey, setControllerKey] = useState(key);

  if (controllerKey !== key) {
    // Another note was opened in the same editor.
    setControllerKey(key);
    setController(new AutosaveController({ api, note, backup, connectivity: browserConnectivity, onSaved }));
  }

  useEffect(() => {
    controller.start();
    return () => controller.stop();
  }, [controller]);

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      // Offline is not listed: the draft is on this device and is saved on the next visit.
      const { status } = controller.getState();
      if (status === 'pending' || status === 'saving' || status === 'error' || status === 'conflict') {
        event.preventDefault();
      }
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [controller]);

  const state = useSyncExternalStore(controller.subscribe, controller.getState, controller.getState);
  return { state, controller };
}
