import { useCallback, useEffect, useRef, useState } from 'react';
import { createPortal } from 'react-dom';
import type { Share } from '@jotter/shared/shares';
import { Banner } from '../../../components/banner';
import { Button } from '../../../components/button';
import { ConfirmDialog, Dialog } from '../../../components/dialog';
import { formatRelative } from '../../../lib/format';
import { sharesApi } from '../api/shares-api';
import styles from './share-panel.module.css';

export interface SharePanelProps {
  /** The saved note; null while it has never been saved (nothing to share yet). */
  noteId: string | null;
  /** Where the Share button goes (the editor's toolbar). */
  toolbarSlot: HTMLElement | null;
  /** Called after the links were read: whether the note has any (the notes list marks it). */
  onSharedChange?: (noteId: string, shared: boolean) => void;
}

const expiryChoices = [
  { label: 'Never', days: undefined },
  { label: '1 day', days: 1 },
  { label: '7 days', days: 7 },
  { label: '30 days', days: 30 },
] as const;

const message = (error: unknown) => (error instanceof Error ? error.message : 'Something went wrong.');

/**
 * The editor's Share button and dialog: create a public read-only link (with or without expiry),
 * copy it (shown once: only its hash is stored), see each link's views, revoke with a confirm.
 */
export default function SharePanel({ noteId, toolbarSlot, onSharedChange }: SharePanelProps) {
  const [open, setOpen] = useState(false);
  const [links, setLinks] = useState<Share[] | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [days, setDays] = useState<number | undefined>(undefined);
  const [busy, setBusy] = useState(false);
  const [created, setCreated] = useState<string | null>(null);
  const [copied, setCopied] = useState(false);
  const [revoking, setRevoking] = useState<Share | null>(null);
  // The parent's callback may change on every render; the links are not re-read for that.
  const onSharedChangeRef = useRef(onSharedChange);
  onSharedChangeRef.current = onSharedChange;

  const load = useCallback(async () => {
    if (!noteId) return;
    setError(null);
    try {
      const items = await sharesApi.list(noteId);
      setLinks(items);
      onSharedChangeRef.current?.(noteId, items.length > 0);
    } catch (e) {
      setError(message(e));
    }
  }, [noteId]);

  useEffect(() => {
    if (open) void load();
  }, [open, load]);

  /** Runs a change of the links with the busy flag up, then re-reads them; a failure shows its message. */
  const change = async (action: () => Promise<void>) => {
    setBusy(true);
    try {
      await action();
      await load();
    } catch (e) {
      setError(message(e));
    } finally {
      setBusy(false);
    }
  };

  const create = async () => {
    if (!noteId) return;
    setError(null);
    await change(async () => {
      const link = await sharesApi.create(noteId, days);
      setCreated(new URL(link.url, window.location.href).href);
      setCopied(false);
    });
  };

  const copy = async () => {
    if (!created) return;
    try {
      await navigator.clipboard.writeText(created);
      setCopied(true);
    } catch {
      setError('Copying is not allowed here; select the link and copy it yourself.');
    }
  };

  const revoke = async () => {
    if (!noteId || !revoking) return;
    await change(async () => {
      await sharesApi.revoke(noteId, revoking.shareId);
      setRevoking(null);
    });
  };

  const button = (
    <Button variant="ghost" size="sm" onClick={() => setOpen(true)} disabled={!noteId} title={noteId ? 'Share a read-only link' : 'Save the note first'}>
      Share
    </Button>
  );

  return (
    <>
      {toolbarSlot ? createPortal(button, toolbarSlot) : null}
      <Dialog
        open={open && !revoking}
        title="Share a read-only link"
        description="Anyone with the link can read this note and download its files, without signing in."
        onClose={() => {
          setOpen(false);
          setCreated(null);
        }}
        actions={
          <Button variant="secondary" onClick={() => setOpen(false)}>
            Done
          </Button>
        }
      >
        {error && <Banner tone="danger">{error}</Banner>}
        <div className={styles.create}>
          <label htmlFor="share-expiry">Expires</label>
          <select id="share-expiry" value={days ?? ''} onChange={(e) => setDays(e.target.value ? Number(e.target.value) : undefined)}>
            {expiryChoices.map((c) => (
              <option key={c.label} value={c.days ?? ''}>
                {c.label}
              </option>
            ))}
          </select>
          <Button variant="primary" onClick={() => void create()} loading={busy} loadingText="Creating…">
            Create link
          </Button>
        </div>
        {created && (
          <div className={styles.created}>
            <label htmlFor="share-url">New link (shown only now)</label>
            <input id="share-url" readOnly value={created} onFocus={(e) => e.target.select()} />
            <Button onClick={() => void copy()}>{copied ? 'Copied' : 'Copy link'}</Button>
          </div>
        )}
        <h3 className={styles.heading}>Links</h3>
        {links === null && !error && <p role="status">Loading links…</p>}
        {links?.length === 0 && <p className={styles.muted}>No links yet.</p>}
        {links && links.length > 0 && (
          <ul className={styles.list}>
            {links.map((link) => {
              const expired = link.expiresAt !== null && Date.parse(link.expiresAt) <= Date.now();
              return (
                <li key={link.shareId} className={styles.item}>
                  <span>
                    Created {formatRelative(link.createdAt)} · {link.views} {link.views === 1 ? 'view' : 'views'} ·{' '}
                    {link.expiresAt === null ? 'never expires' : expired ? 'expired' : `expires ${new Date(link.expiresAt).toLocaleDateString()}`}
                  </span>
                  <Button variant="ghost" size="sm" onClick={() => setRevoking(link)} aria-label={`Revoke the link created ${formatRelative(link.createdAt)}`}>
                    Revoke
                  </Button>
                </li>
              );
            })}
          </ul>
        )}
      </Dialog>
      <ConfirmDialog
        open={revoking !== null}
        title="Revoke this link?"
        description="Anyone who opens it from now on sees “This link is not available”. This cannot be undone."
        confirmLabel="Revoke"
        busyLabel="Revoking…"
        busy={busy}
        onConfirm={() => void revoke()}
        onCancel={() => setRevoking(null)}
      />
    </>
  );
}
