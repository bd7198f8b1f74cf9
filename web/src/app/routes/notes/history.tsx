import type { Note } from '@jotter/shared/notes';
import { useNavigate, useParams } from 'react-router';
import { useNotes } from '../../../features/notes/stores/notes-store';
import { HistoryView } from '../../../features/revisions/components/history-view';

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
