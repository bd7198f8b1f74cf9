import type { Note } from '@jotter/shared/notes';
import { useEffect, useState, useSyncExternalStore } from 'react';
import { AutosaveController, localDraftBackup, type AutosaveApi } from '../utils/autosave-controller';

const backup = localDraftBackup();

/**
 * One AutosaveController per opened note. `note` is null for a new note; after its first save
 * the same controller keeps going (the route changes from /notes/new to /notes/:id without a remount).
 */
export function useAutosave(note: Note | null, api: AutosaveApi, onSaved: (note: Note, created: boolean) => void, key: string) {
  const [controller, setController] = useState(() => new AutosaveController({ api, note, backup, onSaved }));
  const [controllerKey, setControllerKey] = useState(key);

  if (controllerKey !== key) {
    // Another note was opened in the same editor.
    setControllerKey(key);
    setController(new AutosaveController({ api, note, backup, onSaved }));
  }

  useEffect(() => {
    controller.start();
    return () => controller.stop();
  }, [controller]);

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
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
