import { noteLimits, UNTITLED } from '@jotter/shared/note-limits';
import type { Attachment, Note } from '@jotter/shared/notes';
import { lazy, Suspense, useCallback, useEffect, useRef, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { Banner } from '../../../components/banner';
import { Button } from '../../../components/button';
import { ArrowLeftIcon, PinIcon, TrashIcon } from '../../../components/icons';
import { useToast } from '../../../components/toast';
import { formatRelative } from '../../../lib/format';
import { notesApi } from '../api/notes-api';
import { useAutosave } from '../hooks/use-autosave';
import { useOrganize } from '../hooks/use-organize';
import { TagEditor } from './tag-editor';
import { setDocumentTitle } from '../../../lib/route-title-focus';
import type { AutosaveApi } from '../utils/autosave-controller';
import { SaveStatusIndicator } from './save-status';
import buttonStyles from '../../../components/button.module.css';
import styles from './notes.module.css';

// Its own chunk (the Markdown parser and sanitizer): only loaded once a note is previewed.
const loadPreview = () => import('./markdown-preview');
const MarkdownPreview = lazy(loadPreview);
// The side-by-side diff of a conflict (the diff library): only loaded when the user compares.
const TextDiff = lazy(() => import('../../../components/text-diff'));

type EditorMode = 'write' | 'preview';
const MODE_KEY = 'jotter.editorMode';
/** The last mode chosen, for opening existing notes (a new note always starts in write mode). */
const preferredMode = (): EditorMode => {
  try {
    return window.localStorage.getItem(MODE_KEY) === 'preview' ? 'preview' : 'write';
  } catch {
    return 'write';
  }
};

const autosaveApi: AutosaveApi = {
  create: (noteId, body) => notesApi.create(noteId, body),
  update: (...args) => notesApi.update(...args),
  get: (noteId) => notesApi.get(noteId),
};

export interface NoteEditorProps {
  note: Note | null;
  onSaved: (note: Note, created: boolean) => void;
  /** Tags or pin changed (the text did not). */
  onOrganized: (note: Note) => void;
  /** The user's tags with counts, for suggestions. */
  knownTags: { tag: string; count: number }[];
  /** Called after the note moved to the trash (or a never-saved draft was discarded). */
  onDeleted: (note: Note | null) => void;
  /** The note's attachments and share links: other features, which src/app composes in. */
  renderFeatures?: (slot: NoteFeaturesSlot) => ReactNode;
  /** The note as another device just saved it (live sync): shown in place, or a conflict if unsaved text is here. */
  remote?: Note | null;
}

/** What the editor gives the features it hosts (attachments, share links). */
export interface NoteFeaturesSlot {
  noteId: string | null;
  attachments: Attachment[];
  /** Saves a brand-new note so files have somewhere to go; null when there is nothing to save yet. */
  ensureNoteId: () => Promise<string | null>;
  /** The element files can be dropped on (the whole note). */
  dropTarget: HTMLElement | null;
  /** Where the features' buttons go (the editor's toolbar). */
  toolbarSlot: HTMLElement | null;
}

export function NoteEditor({ note, onSaved, onOrganized, knownTags, onDeleted, renderFeatures, remote }: NoteEditorProps) {
  const onSavedRef = useRef(onSaved);
  onSavedRef.current = onSaved;
  const { state, controller } = useAutosave(note, autosaveApi, (n, created) => onSavedRef.current(n, created), note?.noteId ?? 'new');
  const toast = useToast();
  const [deleting, setDeleting] = useState(false);
  /** The other version of a conflict, fetched when the user asks to compare. */
  const [theirs, setTheirs] = useState<Note | 'loading' | null>(null);
  const titleRef = useRef<HTMLInputElement>(null);
  const bodyRef = useRef<HTMLTextAreaElement>(null);
  const { draft, status } = state;
  useEffect(() => {
    if (!remote) return;
    // The text changes under the caret: keep its offsets (clamped to the new text) in the field being typed in.
    const field = [titleRef.current, bodyRef.current].find((el) => el !== null && el === document.activeElement);
    const caret = field ? ([field.selectionStart ?? 0, field.selectionEnd ?? 0] as const) : null;
    controller.remoteChanged(remote);
    if (field && caret) requestAnimationFrame(() => field.setSelectionRange(Math.min(caret[0], field.value.length), Math.min(caret[1], field.value.length)));
  }, [remote, controller]);
  // Callback refs (state, not refs): the attachments panel attaches listeners / a portal to them.
  const [article, setArticle] = useState<HTMLElement | null>(null);
  const [toolbarSlot, setToolbarSlot] = useState<HTMLElement | null>(null);
  const ensureNoteId = useCallback(async () => (await controller.ensureSaved())?.noteId ?? null, [controller]);
  const onOrganizedRef = useRef(onOrganized);
  onOrganizedRef.current = onOrganized;
  const { organization, change: organize } = useOrganize(
    { tags: note?.tags ?? [], pinned: note?.pinned ?? false },
    ensureNoteId,
    useCallback((n: Note) => onOrganizedRef.current(n), []),
  );
  const [mode, setModeState] = useState<EditorMode>(() => (note ? preferredMode() : 'write'));
  const toggleMode = () => {
    const next = mode === 'write' ? 'preview' : 'write';
    setModeState(next);
    try {
      window.localStorage.setItem(MODE_KEY, next);
    } catch {
      /* the choice just isn't remembered */
    }
  };

  // Opening a note puts the cursor in it (where a keyboard is at hand; on a touch screen focusing a
  // field would pop up the keyboard, so the note itself takes focus); a new note starts at its title.
  useEffect(() => {
    if (!note) titleRef.current?.focus();
    else if (bodyRef.current && window.matchMedia?.('(pointer: fine)').matches) bodyRef.current.focus({ preventScroll: true });
    else titleRef.current?.closest('article')?.focus({ preventScroll: true });
  }, [note]);

  useEffect(() => {
    setDocumentTitle(draft.title.trim() || (state.note ? UNTITLED : 'New note'));
  }, [draft.title, state.note]);

  const onDelete = async () => {
    setDeleting(true);
    try {
      await controller.flush().catch(() => undefined);
      const current = controller.getState().note;
      if (current) await notesApi.remove(current.noteId);
      onDeleted(current);
    } catch (error) {
      toast({ tone: 'danger', message: `Couldn't move the note to the trash: ${(error as Error).message}` });
      setDeleting(false);
    }
  };

  const compare = async () => {
    const noteId = state.note?.noteId;
    if (!noteId || theirs !== null) return setTheirs(null);
    setTheirs('loading');
    try {
      setTheirs(await notesApi.get(noteId));
    } catch (error) {
      setTheirs(null);
      toast({ tone: 'danger', message: `Couldn't load the other version: ${(error as Error).message}` });
    }
  };
  // A resolved conflict closes the comparison.
  useEffect(() => {
    if (status !== 'conflict') setTheirs(null);
  }, [status]);

  const reloadTheirs = async () => {
    try {
      const mine = await controller.reloadTheirs();
      if (mine) {
        toast({
          message: 'Loaded the other version.',
          action: { label: 'Bring mine back', onAction: () => controller.edit(mine) },
          duration: 12_000,
        });
      }
    } catch (error) {
      toast({ tone: 'danger', message: `Couldn't load the other version: ${(error as Error).message}` });
    }
  };

  const overwrite = async () => {
    try {
      await controller.overwriteWithMine();
    } catch (error) {
      toast({ tone: 'danger', message: `Couldn't overwrite: ${(error as Error).message}` });
    }
  };

  return (
    <article
      ref={setArticle}
      className={styles.editor}
      tabIndex={-1}
      aria-label={draft.title || 'New note'}
      onKeyDown={(e) => {
        if ((e.metaKey || e.ctrlKey) && e.key.toLowerCase() === 's') {
          e.preventDefault();
          void controller.flush();
        }
        if ((e.metaKey || e.ctrlKey) && !e.shiftKey && !e.altKey && e.key.toLowerCase() === 'e') {
          e.preventDefault();
          toggleMode();
        }
      }}
    >
      <div className={styles.editorBar}>
        <Link to="/notes" className={styles.back} aria-label="Back to notes">
          <ArrowLeftIcon />
        </Link>
        <div className={styles.editorMeta}>
          {state.note ? <span className={styles.edited}>Edited {formatRelative(state.note.updatedAt)}</span> : <span className={styles.edited}>New note</span>}
          <SaveStatusIndicator status={status} onRetry={() => void controller.retry()} />
        </div>
        <Button variant="ghost" size="sm" icon={<PinIcon />} aria-pressed={organization.pinned} aria-label="Pin" title={organization.pinned ? 'Pinned: shown first in the list' : 'Pin to the top of the list'} onClick={() => organize({ pinned: !organization.pinned })}>
          <span className={styles.hideNarrow}>{organization.pinned ? 'Pinned' : 'Pin'}</span>
        </Button>
        <Button variant="ghost" size="sm" aria-pressed={mode === 'preview'} aria-keyshortcuts="Control+E Meta+E" title="Preview (Ctrl+E)" onPointerEnter={() => void loadPreview()} onFocus={() => void loadPreview()} onClick={toggleMode}>
          Preview
        </Button>
        {state.note && (
          <Link to={`/notes/${state.note.noteId}/history`} className={[buttonStyles.button, buttonStyles.ghost, buttonStyles.sm, styles.toolbarLink].join(' ')} title="Earlier versions of this note">
            History
          </Link>
        )}
        <span ref={setToolbarSlot} className={styles.toolbarSlot} />
        {/* Named by its label, which stays in the accessibility tree when hidden at phone width. */}
        <Button variant="ghost" size="sm" icon={<TrashIcon />} onClick={onDelete} loading={deleting} loadingText="Moving to trash…">
          <span className={styles.hideNarrow}>Move to trash</span>
        </Button>
      </div>

      <div className={styles.editorBanners}>
        {status === 'conflict' && (
          <Banner
            tone="warning"
            alert
            title="This note changed elsewhere"
            actions={
              <>
                <Button size="sm" variant="ghost" aria-expanded={theirs !== null} onClick={compare} loading={theirs === 'loading'} loadingText="Loading…" disabled={state.resolving}>
                  Compare
                </Button>
                <Button size="sm" onClick={reloadTheirs} disabled={state.resolving}>
                  Reload theirs
                </Button>
                <Button size="sm" variant="primary" onClick={overwrite} loading={state.resolving} loadingText="Overwriting…">
                  Overwrite with mine
                </Button>
              </>
            }
          >
            A newer version was saved in another tab or device. Your text is still here and has not been saved. Overwriting keeps the other version in the note&apos;s history.
          </Banner>
        )}
        {status === 'conflict' && theirs !== null && theirs !== 'loading' && (
          <Suspense fallback={<p role="status">Loading comparison…</p>}>
            <TextDiff
              caption="The other version compared with yours"
              before={{ label: 'Theirs (saved)', text: `${theirs.title}\n\n${theirs.content}` }}
              after={{ label: 'Mine (not saved)', text: `${draft.title.trim() || UNTITLED}\n\n${draft.content}` }}
            />
          </Suspense>
        )}
        {status === 'error' && (
          <Banner tone="danger" alert title="Couldn't save" actions={<Button size="sm" onClick={() => void controller.retry()}>Retry</Button>}>
            {state.error?.message ?? 'Something went wrong.'} Your text is kept on this device until it is saved.
          </Banner>
        )}
        {state.restoredFromBackup && status !== 'conflict' && (
          <Banner tone="info" actions={<Button size="sm" variant="ghost" onClick={() => controller.dismissRestoredNotice()}>Dismiss</Button>}>
            Restored unsaved changes from this device.
          </Banner>
        )}
      </div>

      <div className={styles.paper}>
        <input
          ref={titleRef}
          aria-label="Title"
          className={styles.titleInput}
          placeholder={UNTITLED}
          maxLength={noteLimits.titleMax}
          autoComplete="off"
          value={draft.title}
          onChange={(e) => controller.edit({ title: e.target.value })}
          onKeyDown={(e) => {
            if (mode === 'write' && (e.key === 'Enter' || (e.key === 'ArrowDown' && !e.shiftKey))) {
              e.preventDefault();
              bodyRef.current?.focus();
            }
          }}
        />
        <TagEditor tags={organization.tags} known={knownTags} onChange={(tags) => organize({ tags })} />
        {mode === 'write' ? (
          <textarea
            ref={bodyRef}
            aria-label="Content"
            className={styles.contentInput}
            placeholder="Start writing…"
            maxLength={noteLimits.contentMax}
            value={draft.content}
            onChange={(e) => controller.edit({ content: e.target.value })}
          />
        ) : (
          <Suspense fallback={<p role="status">Loading preview…</p>}>
            <MarkdownPreview
              content={draft.content}
              onChange={(content) => {
                // A ticked task is a discrete action: saved at once, not after the typing debounce.
                controller.edit({ content });
                void controller.flush();
              }}
            />
          </Suspense>
        )}
        {draft.content.length > noteLimits.contentMax * 0.9 && (
          <p className={styles.limit} role="status">
            {draft.content.length.toLocaleString()} / {noteLimits.contentMax.toLocaleString()} characters
          </p>
        )}
        {renderFeatures?.({ noteId: state.note?.noteId ?? null, attachments: note?.attachments ?? [], ensureNoteId, dropTarget: article, toolbarSlot })}
      </div>
    </article>
  );
}
