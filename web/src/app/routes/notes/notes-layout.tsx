import { Suspense } from 'react';
import { Outlet, useParams } from 'react-router';
import { PageSpinner } from '../../../components/page-spinner';
import { NoteList } from '../../../features/notes/components/note-list';
import { NotesProvider } from '../../../features/notes/stores/notes-store';
import styles from '../../../features/notes/components/notes.module.css';
import { LiveNotes } from './live-notes';

/** List and detail side by side; on a phone, one at a time (the list when no note is open). */
export default function NotesLayout() {
  const { noteId } = useParams();
  return (
    <NotesProvider>
      <LiveNotes>
      <div className={styles.split} data-detail={noteId ? 'open' : 'closed'}>
        <aside className={styles.sidebar} aria-label="Your notes">
          <h1 className="visually-hidden">Notes</h1>
          <NoteList activeId={noteId} />
        </aside>
        <section className={styles.detail}>
          <Suspense fallback={<PageSpinner />}>
            <Outlet />
          </Suspense>
        </section>
      </div>
      </LiveNotes>
    </NotesProvider>
  );
}
