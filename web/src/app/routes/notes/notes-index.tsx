import { useNavigate } from 'react-router';
import { Button } from '../../../components/button';
import { EmptyState } from '../../../components/empty-state';
import { NoteIcon, PlusIcon } from '../../../components/icons';

export default function NotesIndexPage() {
  const navigate = useNavigate();
  return (
    <EmptyState
      icon={<NoteIcon />}
      title="Pick a note, or start a new one"
      description={
        <>
          Press <kbd>n</kbd> to write, <kbd>/</kbd> to filter your notes.
        </>
      }
      action={
        <Button icon={<PlusIcon />} onClick={() => navigate('/notes/new')}>
          New note
        </Button>
      }
    />
  );
}
