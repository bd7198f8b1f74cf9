import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useParams } from 'react-router';
import type { PublicShare } from '@jotter/shared/shares';
import { isApiError } from '../../../lib/api-client';
import { setDocumentTitle } from '../../../lib/route-title-focus';
import { nameTaskCheckboxes } from '../../../lib/task-checkbox-names';
import { readPublicShare } from '../api/public-share-api';
import styles from './share-page.module.css';

type State = { status: 'loading' } | { status: 'ready'; share: PublicShare } | { status: 'unavailable' } | { status: 'error'; message: string };

const formatSize = (bytes: number) => (bytes < 1024 ? `${bytes} B` : bytes < 1024 ** 2 ? `${(bytes / 1024).toFixed(1)} kB` : `${(bytes / 1024 ** 2).toFixed(1)} MB`);

/**
 * A shared note, for anyone with its link: no sign-in, no app shell. Its own chunk, which loads
 * neither the session nor the editor. The HTML comes rendered and sanitized from the API.
 */
export default function SharePage() {
  const { token = '' } = useParams();
  const [state, setState] = useState<State>({ status: 'loading' });
  const [attempt, setAttempt] = useState(0);
  const contentRef = useRef<HTMLDivElement>(null);
  const html = state.status === 'ready' ? state.share.html : null;
  useLayoutEffect(() => nameTaskCheckboxes(contentRef.current), [html]);

  useEffect(() => {
    const controller = new AbortController();
    setState({ status: 'loading' });
    setDocumentTitle('Shared note');
    readPublicShare(token, controller.signal).then(
      (share) => {
        setState({ status: 'ready', share });
        setDocumentTitle(share.title);
      },
      (error: unknown) => {
        if (controller.signal.aborted) return;
        if (isApiError(error, 'not_found')) {
          setState({ status: 'unavailable' });
          setDocumentTitle('Link not available');
        }
        else setState({ status: 'error', message: error instanceof Error ? error.message : 'Something went wrong.' });
      },
    );
    return () => controller.abort();
  }, [token, attempt]);

  return (
    <main className={styles.page}>
      {state.status === 'loading' && (
        <p className={styles.status} role="status">
          Loading the note…
        </p>
      )}
      {state.status === 'unavailable' && (
        <section className={styles.notice} aria-labelledby="share-unavailable">
          <h1 id="share-unavailable">This link is not available</h1>
          <p>It may have been revoked or expired, or the note was removed. Ask the person who shared it for a new link.</p>
        </section>
      )}
      {state.status === 'error' && (
        <section className={styles.notice} role="alert" aria-labelledby="share-error">
          <h1 id="share-error">The note could not be loaded</h1>
          <p>{state.message}</p>
          <button type="button" className={styles.retry} onClick={() => setAttempt((n) => n + 1)}>
            Try again
          </button>
        </section>
      )}
      {state.status === 'ready' && (
        <article className={styles.note} aria-labelledby="share-title">
          <header>
            <h1 id="share-title" className={styles.title}>
              {state.share.title}
            </h1>
            <p className={styles.meta}>
              Updated <time dateTime={state.share.updatedAt}>{new Date(state.share.updatedAt).toLocaleString()}</time>
            </p>
          </header>
          {/* Rendered from Markdown and sanitized by the API (raw HTML escaped, unsafe URLs dropped). */}
          <div ref={contentRef} className={styles.content} dangerouslySetInnerHTML={{ __html: state.share.html }} />
          {state.share.attachments.length > 0 && (
            <section aria-labelledby="share-files">
              <h2 id="share-files" className={styles.filesTitle}>
                Files
              </h2>
              <ul className={styles.files}>
                {state.share.attachments.map((file) => (
                  <li key={file.downloadUrl}>
                    <a href={file.downloadUrl} download={file.fileName} rel="noreferrer">
                      {file.fileName}
                    </a>{' '}
                    <span className={styles.meta}>({formatSize(file.size)})</span>
                  </li>
                ))}
              </ul>
            </section>
          )}
          <footer className={styles.meta}>Shared with Jotter · read-only</footer>
        </article>
      )}
    </main>
  );
}
