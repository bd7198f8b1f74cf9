import type { Note } from '@jotter/shared/notes';
import { lazy, startTransition, Suspense, useMemo, useState } from 'react';
import { useNavigate, useParams } from 'react-router';
import { Button } from '../../../components/button';
import { EmptyState } from '../../../components/empty-state';
import { AlertIcon, NoteIcon } from '../../../components/icons';
import { Skeleton } from '../../../components/skeleton';
import { useToast } from '../../../components/toast';
import { isApiError } from '../../../lib/api-client';
import { useAsync } from '../../../lib/use-async';
import { notesApi } from '../../../features/notes/api/notes-api';
import { NoteEditor, type NoteFeaturesSlot } from '../../../features/notes/components/note-editor';
import { offlineCopy } from '../../../features/notes/hooks/use-autosave';
import { useNotes } from '../../../features/notes/stores/notes-store';
import styles from '../../../features/notes/components/notes.module.css';
import { useRemoteNote } from './live-notes';

// Its own chunk (upload queue, XHR, drop zone): the editor shows at once, the Attach button a moment later.
const AttachmentsPanel = lazy(() => import('../../../features/attachments/components/attachments-panel'));
// Its own chunk as well: the Share button and dialog (public read-only links).
const SharePanel = lazy(() => import('../../../features/shares/components/share-panel'));

let newSeq = 0;
interface EditorSession {
  /** The editor's React key: a note id, or `new-<n>` for a note being written. */
  key: string;
  /** Set once a `new-*` session's note got its id: the URL changes, the editor stays. */
  createdId: string | null;
}

export default function NotePage() {
  const { noteId = 'new' } = useParams();
  const navigate = useNavigate();
  const store = useNotes();
  const toast = useToast();
  const remoteNote = useRemoteNote();
  const [session, setSession] = useState<EditorSession>(() => ({ key: noteId === 'new' ? `new-${++newSeq}` : noteId, createdId: null }));

  const isNewSession = session.key.startsWith('new-');
  if (noteId === 'new' ? !(isNewSession && session.createdId === null) : noteId !== session.key && noteId !== session.createdId) {
    setSession({ key: noteId === 'new' ? `new-${++newSeq}` : noteId, createdId: null });
  }

  const loaded = useAsync((signal) => (isNewSession ? Promise.resolve(null) : notesApi.get(session.key, signal)), [session.key]);
  // Offline with unsaved text for this note on this device: open it from there (saved once back
  // online). Read once per failed load: the copy is gone as soon as the editor saved the draft.
  const loadError = loaded.status === 'error' ? loaded.error : null;
  const cutOff = isApiError(loadError) && loadError.status === 0;
  const offline = useMemo(() => (cutOff ? offlineCopy(session.key) : null), [cutOff, session.key]);
  // A note the list already holds opens at once while the read above revalidates it. When the read
  // brings something else (changed on another device) and nothing was saved here meanwhile (the
  // list still holds the copy shown), the editor reopens on the fresh copy, once.
  const held = isNewSession ? undefined : store.items.find((n) => n.noteId === session.key);
  const [opening, setOpening] = useState<{ key: string; note: Note; fresh: boolean } | null>(null);
  const opened = opening?.key === session.key ? opening : null;
  if (!opened && held && loaded.status === 'loading') setOpening({ key: session.key, note: held, fresh: false });
  if (opened && !opened.fresh && loaded.status === 'success' && loaded.data && held === opened.note && JSON.stringify(loaded.data) !== JSON.stringify(held)) {
    setOpening({ key: session.key, note: loaded.data, fresh: true });
  }

  const onSaved = (note: Note, created: boolean) => {
    store.upsert(note);
    if (created) {
      // One transition with the router's: were the session to change first, the page would
      // still be at /notes/new with an id already given, which is what pressing New looks like.
      startTransition(() => {
        setSession((s) => ({ ...s, createdId: note.noteId }));
        void navigate(`/notes/${note.noteId}`, { replace: true });
      });
    }
  };

  const onOrganized = (note: Note) => {
    store.upsert(note);
    store.reloadTags();
  };

  // A link was created or revoked: the list's copy of the note shows its marker (or not).
  const onSharedChange = (id: string, shared: boolean) => {
    const listed = store.items.find((n) => n.noteId === id);
    if (listed && Boolean(listed.shared) !== shared) store.upsert({ ...listed, shared: shared || undefined });
  };

  const onDeleted = (note: Note | null) => {
    navigate('/notes');
    if (!note) return;
    store.remove(note.noteId);
    toast({
      message: 'Note moved to trash.',
      // The Delete button is gone with the editor: focus goes to Undo, the likely next step.
      focusAction: true,
      action: {
        label: 'Undo',
        onAction: async () => {
          try {
            const restored = await notesApi.restore(note.noteId);
            store.upsert(restored);
            navigate(`/notes/${restored.noteId}`);
          } catch (error) {
            toast({ tone: 'danger', message: `Couldn't restore the note: ${(error as Error).message}` });
          }
        },
      },
    });
  };

  // One boundary for both, so their toolbar buttons appear together and always in this order.
  const renderFeatures = (slot: NoteFeaturesSlot) => (
    <Suspense fallback={null}>
      <AttachmentsPanel {...slot} />
      <SharePanel noteId={slot.noteId} toolbarSlot={slot.toolbarSlot} onSharedChange={onSharedChange} />
    </Suspense>
  );
  const editor = (note: Note | null) => <NoteEditor key={opened?.fresh ? `${session.key}:fresh` : session.key} note={note} onSaved={onSaved} onOrganized={onOrganized} knownTags={store.tags} onDeleted={onDeleted} renderFeatures={renderFeatures} remote={remoteNote?.noteId === session.key || remoteNote?.noteId === session.createdId ? remoteNote : null} />;

  if (isNewSession) return editor(null);
  // Offline, the note stays open as the list had it; a note deleted elsewhere says so.
  if (opened && (loaded.status !== 'error' || cutOff)) return editor(opened.note);
  if (loaded.status === 'loading') {
    return (
      <div className={styles.editor} role="status" aria-label="Loading note…">
        <div className={styles.editorBar} />
        <div className={styles.paper}>
          <Skeleton width="45%" height={30} style={{ marginBottom: 24 }} />
          <Skeleton width="92%" height={14} style={{ marginBottom: 12 }} />
          <Skeleton width="85%" height={14} style={{ marginBottom: 12 }} />
          <Skeleton width="60%" height={14} />
        </div>
      </div>
    );
  }
  if (loaded.status === 'error') {
    if (offline) return editor(offline);
    const notFound = isApiError(loaded.error, 'not_found');
    return (
      <EmptyState
        alert
        tone={notFound ? 'neutral' : 'danger'}
        icon={notFound ? <NoteIcon /> : <AlertIcon />}
        title={notFound ? 'This note does not exist' : "Couldn't open this note"}
        description={notFound ? 'It may have been deleted or moved to the trash.' : loaded.error.message}
        action={notFound ? <Button onClick={() => navigate('/notes')}>Back to notes</Button> : <Button onClick={loaded.retry}>Try again</Button>}
      />
    );
  }
  return editor(loaded.data);
}
