import { useState } from 'react';
import { Button } from '../../../components/button';
import { LoadFailed } from '../../../components/empty-state';
import { CheckIcon } from '../../../components/icons';
import { SkeletonList } from '../../../components/skeleton';
import { useAsync } from '../../../lib/use-async';
import { openApiDocument, type OpenApiOperation } from '../api/developer-api';
import { curlFor } from './curl';
import styles from './developer.module.css';

const authLabel = (op: OpenApiOperation) => {
  const schemes = (op.security ?? []).flatMap((s) => Object.keys(s));
  if (schemes.includes('apiKey')) return 'x-api-key';
  if (schemes.includes('bearerAuth')) return 'Bearer token';
  return 'Public';
};

function CopyButton({ text }: { text: string }) {
  const [copied, setCopied] = useState(false);
  return (
    <Button
      size="sm"
      variant="ghost"
      icon={copied ? <CheckIcon /> : undefined}
      onClick={() => navigator.clipboard.writeText(text).then(() => setCopied(true), () => setCopied(false))}
    >
      {copied ? 'Copied' : 'Copy'}
    </Button>
  );
}

/** The API reference, rendered from the API's own /openapi.json (its own chunk: loaded lazily). */
export default function ApiReference() {
  const doc = useAsync((signal) => openApiDocument(signal), []);
  if (doc.status === 'loading') return <SkeletonList rows={4} label="Loading the API reference…" />;
  if (doc.status === 'error')
    return <LoadFailed title="Couldn't load the API reference" error={doc.error} onRetry={doc.retry} />;

  const document = doc.data;
  const baseUrl = document.servers?.[0]?.url ?? '';
  const operations = Object.entries(document.paths).flatMap(([path, item]) => Object.entries(item).map(([method, op]) => ({ path, method, op })));
  const tags = [...new Set(operations.map((o) => o.op.tags?.[0] ?? 'Other'))];
  // The developer API first: it is what this page is for.
  tags.sort((a, b) => Number(b.includes('v1')) - Number(a.includes('v1')));

  return (
    <div className={styles.reference}>
      <p className={styles.lead}>
        {document.info.title} {document.info.version} · base URL <code>{baseUrl}</code> ·{' '}
        <a href={`${baseUrl}/openapi.json`} target="_blank" rel="noreferrer">
          openapi.json
        </a>
      </p>
      {tags.map((tag) => (
        <section key={tag} aria-label={tag}>
          <h3 className={styles.tag}>{tag}</h3>
          {operations
            .filter((o) => (o.op.tags?.[0] ?? 'Other') === tag)
            .map(({ path, method, op }) => {
              const command = curlFor(baseUrl, method, path, op);
              const statuses = Object.keys(op.responses ?? {});
              return (
                <details key={`${method} ${path}`} className={styles.operation}>
                  <summary>
                    <span className={[styles.method, styles[method] ?? ''].join(' ')}>{method.toUpperCase()}</span>
                    <code className={styles.path}>{path}</code>
                    <span className={styles.summary}>{op.summary}</span>
                    <span className={styles.auth}>{authLabel(op)}</span>
                  </summary>
                  {op.description && <p className={styles.hint}>{op.description}</p>}
                  {op.parameters && op.parameters.length > 0 && (
                    <ul className={styles.params}>
                      {op.parameters.map((p) => (
                        <li key={`${p.in}-${p.name}`}>
                          <code>{p.name}</code> ({p.in}
                          {p.required ? ', required' : ''}){p.description ? ` — ${p.description}` : ''}
                        </li>
                      ))}
                    </ul>
                  )}
                  <div className={styles.codeBlock}>
                    <pre>
                      <code>{command}</code>
                    </pre>
                    <CopyButton text={command} />
                  </div>
                  <p className={styles.hint}>Answers: {statuses.join(', ')}</p>
                </details>
              );
            })}
        </section>
      ))}
    </div>
  );
}
