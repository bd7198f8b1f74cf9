import type { Note } from '@jotter/shared/notes';
import { revisionLimits } from '@jotter/shared/revision-limits';
import type { RevisionSummary } from '@jotter/shared/revisions';
import { lazy, Suspense, useEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { Button } from '../../../components/button';
import { Dialog } from '../../../components/dialog';
import { EmptyState } from '../../../components/empty-state';
import { LoadMore } from '../../../components/load-more';
import { AlertIcon, ArrowLeftIcon, RestoreIcon } from '../../../components/icons';
import { Skeleton, SkeletonList } from '../../../components/skeleton';
import { useToast } from '../../../components/toast';
import rows from '../../../components/row-list.module.css';
import { excerpt, formatRelative } from '../../../lib/format';
import { useAsync } from '../../../lib/use-async';
import { usePagedList } from '../../../lib/use-paged-list';
import { revisionsApi } from '../api/revisions-api';
import heading from '../../../components/page-heading.module.css';
import styles from './history.module.css';

// Its own chunk (the diff library): loaded when a revision is compared with the note.
const TextDiff = lazy(() => import('../../../components/text-diff'));

export interface HistoryViewProps {
  noteId: string;
  /** The note after a restore (its new version). */
  onRestored: (note: Note) => void;
}

const revisionIdOf = (item: RevisionSummary) => String(item.revision);
const when = (iso: string) => `${formatRelative(iso)} · ${new Date(iso).toLocaleString()}`;

/** A note's earlier texts: pick one to read it, compare it with the note as it is, or restore it. */
export function HistoryView({ noteId, onRestored }: HistoryViewProps) {
  const toast = useToast();
  const list = usePagedList((cursor, signal) => revisionsApi.list(noteId, cursor, signal), revisionIdOf, [noteId]);
  const note = useAsync((signal) => revisionsApi.current(noteId, signal), [noteId]);
  const [selected, setSelected] = useState<number | null>(null);
  const [compare, setCompare] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [restoring, setRestoring] = useState(false);

  const { items } = list;
  const current = selected ?? items[0]?.revision ?? null;
  const revision = useAsync((signal) => (current === null ? Promise.resolve(null) : revisionsApi.get(noteId, current, signal)), [noteId, current]);

  // Choosing a revision moves focus to what it shows (on a phone it is below the list).
  const viewerHeading = useRef<HTMLHeadingElement>(null);
  const chosen = useRef(false);
  useEffect(() => {
    if (chosen.current && revision.status === 'success') viewerHeading.current?.focus();
  }, [revision.status]);

  const restore = async () => {
    if (note.status !== 'success' || current === null) return;
    setRestoring(true);
    try {
      const restored = await revisionsApi.restore(noteId, current, note.data.version);
      setConfirming(false);
      toast({ message: 'Restored the earlier version. The text it replaced is kept in the history.' });
      onRestored(restored);
    } catch (error) {
      setRestoring(false);
      setConfirming(false);
      toast({ tone: 'danger', message: `Couldn't restore: ${(error as Error).message}` });
      // A 409: the note moved on meanwhile; read it again to name its new version.
      note.retry();
    }
  };

  const header = (
    <header className={styles.header}>
      <Link to={`/notes/${noteId}`} className={styles.back} aria-label="Back to the note">
        <ArrowLeftIcon />
      </Link>
      <div>
        <h1 className={heading.title} tabIndex={-1}>
          History
        </h1>
        <p className={heading.subtitle}>
          {note.status === 'success' ? `“${note.data.title}”: ` : ''}earlier versions of the last {revisionLimits.retentionDays} days (up to {revisionLimits.maxPerNote}).
        </p>
      </div>
    </header>
  );

  const failed = list.status === 'error' ? list.error : note.status === 'error' ? note.error : null;
  const retry = () => {
    if (list.status === 'error') list.reload();
    if (note.status === 'error') note.retry();
  };
  if (!failed && (list.status === 'loading' || note.status === 'loading')) {
    return (
      <div className={styles.page}>
        {header}
        <SkeletonList rows={4} label="Loading history…" />
      </div>
    );
  }
  if (failed || note.status !== 'success') {
    return (
      <div className={styles.page}>
        {header}
        <EmptyState alert tone="danger" icon={<AlertIcon />} title="Couldn't load the history" description={failed?.message ?? ''} action={<Button onClick={retry}>Try again</Button>} />
      </div>
    );
  }
  if (items.length === 0) {
    return (
      <div className={styles.page}>
        {header}
        <EmptyState
          icon={<RestoreIcon />}
          title="No earlier versions yet"
          description={`While you write, the text you replace is kept here, at most once every ${revisionLimits.coalesceMinutes} minutes, and always before an overwrite or a restore.`}
        />
      </div>
    );
  }

  const shown = revision.status === 'success' ? revision.data : null;
  return (
    <div className={styles.page}>
      {header}
      <div className={styles.layout}>
        <nav aria-label="Versions">
          <ul className={styles.list}>
            {items.map((item) => (
              <li key={item.revision}>
                <button
                  type="button"
                  className={styles.item}
                  aria-current={item.revision === current ? 'true' : undefined}
                  onClick={() => {
                    chosen.current = true;
                    setCompare(false);
                    setSelected(item.revision);
                  }}
                >
                  <span className={rows.title}>{item.title}</span>
                  <span className={rows.meta}>
                    <time dateTime={item.createdAt}>{formatRelative(item.createdAt)}</time> · version {item.revision}
                  </span>
                  {item.contentPreview && <span className={rows.preview}>{excerpt(item.contentPreview, 80)}</span>}
                </button>
              </li>
            ))}
          </ul>
          <LoadMore list={list} what="revisions" />
        </nav>
        <section className={styles.viewer} aria-labelledby="revision-heading">
          <div className={styles.viewerBar}>
            <h2 id="revision-heading" ref={viewerHeading} tabIndex={-1} className={styles.viewerTitle}>
              Version {current}
            </h2>
            <Button size="sm" variant="ghost" aria-pressed={compare} onClick={() => setCompare((c) => !c)} disabled={!shown}>
              Compare with current
            </Button>
            <Button size="sm" variant="primary" icon={<RestoreIcon />} onClick={() => setConfirming(true)} disabled={!shown}>
              Restore this version
            </Button>
          </div>
          {revision.status === 'loading' && (
            <div role="status" aria-label="Loading version…">
              <Skeleton width="40%" height={20} style={{ marginBottom: 16 }} />
              <Skeleton width="90%" height={13} style={{ marginBottom: 10 }} />
              <Skeleton width="70%" height={13} />
            </div>
          )}
          {revision.status === 'error' && (
            <EmptyState alert tone="danger" icon={<AlertIcon />} title="Couldn't load this version" description={revision.error.message} action={<Button onClick={revision.retry}>Try again</Button>} />
          )}
          {shown && (
            <>
              <p className={styles.viewerMeta}>
                Saved <time dateTime={shown.createdAt}>{when(shown.createdAt)}</time>
              </p>
              {compare ? (
                <Suspense fallback={<p role="status">Loading comparison…</p>}>
                  <TextDiff
                    caption={`Version ${shown.revision} compared with the current text`}
                    before={{ label: `Version ${shown.revision}`, text: `${shown.title}\n\n${shown.content}` }}
                    after={{ label: 'Current', text: `${note.data.title}\n\n${note.data.content}` }}
                  />
                </Suspense>
              ) : (
                <article className={styles.text} aria-label={`Text of version ${shown.revision}`}>
                  <h3 className={styles.textTitle}>{shown.title}</h3>
                  {shown.content ? <div className={styles.textBody}>{shown.content}</div> : <p className={styles.viewerMeta}>(empty)</p>}
                </article>
              )}
            </>
          )}
        </section>
      </div>
      <Dialog
        open={confirming}
        title="Restore this version?"
        description={`The note's text becomes the text of version ${current ?? ''}. The current text is kept in the history, so you can come back to it.`}
        onClose={() => !restoring && setConfirming(false)}
        actions={
          <>
            <Button onClick={() => setConfirming(false)} disabled={restoring} autoFocus>
              Cancel
            </Button>
            <Button variant="primary" onClick={restore} loading={restoring} loadingText="Restoring…">
              Restore
            </Button>
          </>
        }
      />
    </div>
  );
}
