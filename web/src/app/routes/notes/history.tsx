import type { Note } from '@jotter/shared/notes';
import { lazy } from 'react';
import { useNavigate, useParams } from 'react-router';
import { useNotes } from '../../../features/notes/stores/notes-store';

// The page travels with the notes pages (it shares their store); the history itself is its own
// chunk, shown under the notes layout's Suspense.
const HistoryView = lazy(() => import('../../../features/revisions/components/history-view').then((m) => ({ default: m.HistoryView })));

/** A note's history (/notes/:noteId/history): a restore opens the note at its new version. */
export default function HistoryPage() {
  const { noteId = '' } = useParams();
  const navigate = useNavigate();
  const store = useNotes();
  const onRestored = (note: Note) => {
    store.upsert(note);
    navigate(`/notes/${note.noteId}`);
  };
  return <HistoryView key={noteId} noteId={noteId} onRestored={onRestored} />;
}
