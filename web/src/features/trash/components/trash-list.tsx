import { UNTITLED } from '@jotter/shared/note-limits';
import type { Note } from '@jotter/shared/notes';
import { useCallback, useEffect, useRef, useState } from 'react';
import { useNavigate } from 'react-router';
import { Button } from '../../../components/button';
import { ConfirmDialog } from '../../../components/dialog';
import { EmptyState, LoadFailed } from '../../../components/empty-state';
import { LoadMore } from '../../../components/load-more';
import { RestoreIcon, TrashIcon } from '../../../components/icons';
import { SkeletonList } from '../../../components/skeleton';
import { useToast } from '../../../components/toast';
import rows from '../../../components/row-list.module.css';
import { excerpt, formatRelative } from '../../../lib/format';
import { usePagedList } from '../../../lib/use-paged-list';
import { trashApi } from '../api/trash-api';
import styles from './trash.module.css';

const noteIdOf = (note: Note) => note.noteId;

export function TrashList() {
  const navigate = useNavigate();
  const toast = useToast();
  const list = usePagedList(trashApi.list, noteIdOf, []);
  const [busy, setBusy] = useState<Record<string, 'restoring' | 'deleting'>>({});
  const [confirm, setConfirm] = useState<Note | null>(null);

  const { update } = list;
  const drop = useCallback(
    (noteId: string) => {
      update((items) => items.filter((n) => n.noteId !== noteId));
      setBusy(({ [noteId]: _, ...rest }) => rest);
    },
    [update],
  );

  // A restored or deleted row leaves the list: focus moves to the row that takes its place (or the
  // page heading once the trash is empty) instead of falling back to the top of the page.
  const listRef = useRef<HTMLUListElement>(null);
  const focusRowAfterDrop = useRef<number | null>(null);
  useEffect(() => {
    const index = focusRowAfterDrop.current;
    if (index === null) return;
    focusRowAfterDrop.current = null;
    const rows = listRef.current?.querySelectorAll('li') ?? [];
    const next = rows[Math.min(index, rows.length - 1)]?.querySelector('button');
    (next ?? document.querySelector<HTMLElement>('main h1'))?.focus();
  });
  const keepFocus = (noteId: string) => {
    focusRowAfterDrop.current = Math.max(0, list.items.findIndex((n) => n.noteId === noteId));
  };

  const restore = async (note: Note) => {
    setBusy((b) => ({ ...b, [note.noteId]: 'restoring' }));
    try {
      await trashApi.restore(note.noteId);
      keepFocus(note.noteId);
      drop(note.noteId);
      toast({ message: `Restored “${note.title || UNTITLED}”.`, action: { label: 'Open', onAction: () => navigate(`/notes/${note.noteId}`) } });
    } catch (error) {
      setBusy(({ [note.noteId]: _, ...rest }) => rest);
      toast({ tone: 'danger', message: `Couldn't restore: ${(error as Error).message}` });
    }
  };

  const destroy = async (note: Note) => {
    setBusy((b) => ({ ...b, [note.noteId]: 'deleting' }));
    try {
      await trashApi.destroy(note.noteId);
      setConfirm(null);
      keepFocus(note.noteId);
      drop(note.noteId);
      toast({ message: 'Note deleted for good.' });
    } catch (error) {
      setBusy(({ [note.noteId]: _, ...rest }) => rest);
      setConfirm(null);
      toast({ tone: 'danger', message: `Couldn't delete: ${(error as Error).message}` });
    }
  };

  if (list.status === 'loading') return <SkeletonList rows={4} label="Loading trash…" />;
  if (list.status === 'error') {
    return (
      <LoadFailed title="Couldn't load the trash" error={list.error} onRetry={list.reload} />
    );
  }
  if (list.items.length === 0) {
    return <EmptyState icon={<TrashIcon />} title="Trash is empty" description="Deleted notes stay here for 30 days, then they are gone for good." />;
  }

  const deleting = confirm ? busy[confirm.noteId] === 'deleting' : false;
  return (
    <>
      <ul ref={listRef} className={styles.list} aria-label="Deleted notes">
        {list.items.map((note) => (
          <li key={note.noteId} className={styles.item}>
            <div className={styles.text}>
              <span className={rows.title}>{note.title || UNTITLED}</span>
              {note.content && <span className={rows.preview}>{excerpt(note.content, 100)}</span>}
              <span className={rows.meta}>Deleted {formatRelative(note.deletedAt ?? note.updatedAt)}</span>
            </div>
            <div className={styles.actions}>
              <Button size="sm" icon={<RestoreIcon />} onClick={() => restore(note)} loading={busy[note.noteId] === 'restoring'} loadingText="Restoring…" disabled={!!busy[note.noteId]} aria-label={`Restore ${note.title || UNTITLED}`}>
                Restore
              </Button>
              <Button size="sm" variant="ghost" className={styles.danger} onClick={() => setConfirm(note)} disabled={!!busy[note.noteId]} aria-label={`Delete forever: ${note.title || UNTITLED}`}>
                Delete forever
              </Button>
            </div>
          </li>
        ))}
      </ul>
      <LoadMore list={list} what="deleted notes" />
      <ConfirmDialog
        open={confirm !== null}
        title="Delete forever?"
        description={<>“{confirm?.title || UNTITLED}” will be deleted for good, with its attachments. This can&apos;t be undone.</>}
        confirmLabel="Delete forever"
        busyLabel="Deleting…"
        busy={deleting}
        onConfirm={() => confirm && destroy(confirm)}
        onCancel={() => setConfirm(null)}
      />
    </>
  );
}
