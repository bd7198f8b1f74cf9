import { useNavigate } from 'react-router';
import { Button } from '../../../components/button';
import { EmptyState } from '../../../components/empty-state';
import { NoteIcon, PlusIcon } from '../../../components/icons';
import { useNotes } from '../../../features/notes/stores/notes-store';

export default function NotesIndexPage() {
  const navigate = useNavigate();
  const { status, items } = useNotes();
  const empty = status === 'ready' && items.length === 0;
  return (
    <EmptyState
      icon={<NoteIcon />}
      title={empty ? 'Your first note is one keystroke away' : 'Pick a note, or start a new one'}
      description={
        empty ? (
          <>
            Press <kbd>n</kbd> anywhere to start writing. Everything saves as you type.
          </>
        ) : (
          <>
            Press <kbd>n</kbd> to write, <kbd>/</kbd> to filter your notes.
          </>
        )
      }
      action={
        <Button variant={empty ? 'primary' : 'secondary'} icon={<PlusIcon />} onClick={() => navigate('/notes/new')}>
          New note
        </Button>
      }
    />
  );
}
