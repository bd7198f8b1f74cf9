import type { Note, OrganizeNoteRequest } from '@jotter/shared/notes';
import { useCallback, useRef, useState } from 'react';
import { useToast } from '../../../components/toast';
import { notesApi } from '../api/notes-api';

export interface Organization {
  tags: string[];
  pinned: boolean;
}

/**
 * A note's tags and pin, changed at once on screen and saved through PATCH (which never touches
 * the text's version). Changes go out one at a time, in order; a failure puts back what the
 * server has and says so.
 */
export function useOrganize(initial: Organization, ensureNoteId: () => Promise<string | null>, onOrganized: (note: Note) => void) {
  const [organization, setOrganization] = useState(initial);
  const current = useRef(initial);
  const confirmed = useRef(initial);
  const queue = useRef<Promise<void>>(Promise.resolve());
  const toast = useToast();

  const change = useCallback(
    (patch: OrganizeNoteRequest) => {
      current.current = { ...current.current, ...patch };
      setOrganization(current.current);
      queue.current = queue.current.then(async () => {
        try {
          const noteId = await ensureNoteId();
          if (!noteId) throw new Error('The note could not be saved yet');
          const note = await notesApi.organize(noteId, patch);
          confirmed.current = { tags: note.tags, pinned: note.pinned };
          onOrganized(note);
        } catch (error) {
          current.current = confirmed.current;
          setOrganization(confirmed.current);
          toast({ tone: 'danger', message: `Couldn't ${'pinned' in patch ? (patch.pinned ? 'pin' : 'unpin') : 'change the tags of'} the note: ${(error as Error).message}` });
        }
      });
    },
    [ensureNoteId, onOrganized, toast],
  );

  return { organization, change };
}
