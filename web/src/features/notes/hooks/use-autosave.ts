import type { Note } from '@jotter/shared/notes';
import { useState } from 'react';
import { useRunningStore } from '../../../lib/external-store';
import { AutosaveController, browserConnectivity, localDraftBackup, type AutosaveApi, type AutosaveState } from '../utils/autosave-controller';

const backup = localDraftBackup();

/** Text not yet on the server. Offline is not listed: the draft is on this device and is saved on the next visit. */
const unsaved = ({ status }: AutosaveState) => status === 'pending' || status === 'saving' || status === 'error' || status === 'conflict';

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

  const state = useRunningStore(controller, unsaved);
  return { state, controller };
}
