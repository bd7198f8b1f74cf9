import { useEffect, useState } from 'react';
import { Banner } from '../../../components/banner';
import { Button } from '../../../components/button';
import type { Export } from '@jotter/shared/exports';
import { accountApi } from '../api/account-api';
import styles from './account.module.css';

const pollMs = 1000;

/** Starts an export, polls it, and offers the ZIP once it is ready. */
export function ExportSection() {
  const [current, setCurrent] = useState<Export | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [starting, setStarting] = useState(false);

  useEffect(() => {
    if (current?.status !== 'running') return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      accountApi
        .getExport(current.exportId, controller.signal)
        .then(setCurrent)
        .catch((e: unknown) => {
          if ((e as Error).name !== 'AbortError') setError((e as Error).message);
        });
    }, pollMs);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [current]);

  const start = async () => {
    setError(null);
    setStarting(true);
    try {
      setCurrent(await accountApi.startExport());
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setStarting(false);
    }
  };

  const running = current?.status === 'running';
  return (
    <div className={styles.section}>
      <p className={styles.lead}>A ZIP with one Markdown file per note (title, tags and pin in its front matter) and its attachments beside it.</p>
      {error && (
        <Banner tone="danger" alert>
          {error}
        </Banner>
      )}
      {current?.status === 'failed' && (
        <Banner tone="danger" alert>
          The export failed. Try again.
        </Banner>
      )}
      <div className={styles.row} aria-live="polite">
        <Button variant="primary" onClick={start} loading={starting || running} loadingText={running ? 'Preparing your export…' : 'Starting…'}>
          Export all notes
        </Button>
        {current?.status === 'ready' && current.downloadUrl && (
          <a href={current.downloadUrl} download>
            Download the export (ZIP)
          </a>
        )}
      </div>
      {current?.status === 'ready' && current.expiresAt && <p className={styles.lead}>The link works until {new Date(current.expiresAt).toLocaleString()}.</p>}
    </div>
  );
}
