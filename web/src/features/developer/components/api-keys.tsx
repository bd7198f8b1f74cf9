import type { ApiKey, CreatedKey } from '@jotter/shared/keys';
import { keyLimits } from '@jotter/shared/key-limits';
import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Banner } from '../../../components/banner';
import { Button } from '../../../components/button';
import { ConfirmDialog } from '../../../components/dialog';
import { LoadFailed } from '../../../components/empty-state';
import { CheckIcon, PlusIcon } from '../../../components/icons';
import { SkeletonList } from '../../../components/skeleton';
import { TextField } from '../../../components/text-field';
import { useToast } from '../../../components/toast';
import { formatRelative } from '../../../lib/format';
import { useAsync } from '../../../lib/use-async';
import { keysApi } from '../api/developer-api';
import styles from './developer.module.css';

/** The new key's value, shown once with a copy button. */
function NewKeyValue({ created, onDone }: { created: CreatedKey; onDone: () => void }) {
  const [copied, setCopied] = useState(false);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(created.value);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  };
  return (
    <Banner
      tone="warning"
      title={`“${created.name}” is ready. Copy its value now: you won't see it again.`}
      actions={
        <Button size="sm" variant="ghost" onClick={onDone}>
          Done
        </Button>
      }
    >
      <div className={styles.secretRow}>
        <code className={styles.secret} data-testid="new-key-value">
          {created.value}
        </code>
        <Button size="sm" variant="primary" icon={copied ? <CheckIcon /> : undefined} onClick={copy}>
          {copied ? 'Copied' : 'Copy'}
        </Button>
      </div>
      <p className={styles.hint}>
        Send it as the <code>x-api-key</code> header to the <code>/v1</code> routes. Only a fingerprint of it is stored.
      </p>
    </Banner>
  );
}

export function ApiKeys() {
  const toast = useToast();
  const keys = useAsync((signal) => keysApi.list(signal).then((r) => r.items), []);
  const [name, setName] = useState('');
  const [creating, setCreating] = useState(false);
  const [nameError, setNameError] = useState<string | undefined>();
  const [created, setCreated] = useState<CreatedKey | null>(null);
  const [confirm, setConfirm] = useState<ApiKey | null>(null);
  const [revoking, setRevoking] = useState(false);
  // When the focused control leaves (Done, or a revoked key's row), focus goes to the name field.
  const nameRef = useRef<HTMLInputElement>(null);
  const refocusAfterReload = useRef(false);
  useEffect(() => {
    if (!refocusAfterReload.current || keys.status !== 'success') return;
    refocusAfterReload.current = false;
    nameRef.current?.focus();
  }, [keys]);

  const items = keys.status === 'success' ? keys.data : [];
  const full = items.length >= keyLimits.maxKeysPerUser;

  const create = async (event: FormEvent) => {
    event.preventDefault();
    if (!name.trim()) {
      setNameError('Give the key a name, e.g. what uses it.');
      return;
    }
    setCreating(true);
    setNameError(undefined);
    try {
      const key = await keysApi.create(name.trim());
      setCreated(key);
      setName('');
      keys.retry();
    } catch (error) {
      setNameError((error as Error).message);
    } finally {
      setCreating(false);
    }
  };

  const revoke = async (key: ApiKey) => {
    setRevoking(true);
    try {
      await keysApi.revoke(key.keyId);
      if (created?.keyId === key.keyId) setCreated(null);
      refocusAfterReload.current = true;
      toast({ message: `Revoked “${key.name}”. It stops working at once.` });
      keys.retry();
    } catch (error) {
      toast({ tone: 'danger', message: `Couldn't revoke: ${(error as Error).message}` });
    } finally {
      setRevoking(false);
      setConfirm(null);
    }
  };

  return (
    <section className={styles.section} aria-labelledby="api-keys-heading">
      <div className={styles.sectionHeader}>
        <h2 id="api-keys-heading" className={styles.sectionTitle}>
          API keys
        </h2>
        <Button size="sm" variant="ghost" onClick={keys.retry}>
          Refresh
        </Button>
      </div>
      <p className={styles.lead}>
        Keys let your programs read your notes through the read-only <code>/v1</code> API. Up to {keyLimits.maxKeysPerUser} keys; usage resets at midnight UTC.
      </p>

      {created && (
        <NewKeyValue
          created={created}
          onDone={() => {
            setCreated(null);
            nameRef.current?.focus();
          }}
        />
      )}

      <form className={styles.createForm} onSubmit={create} noValidate>
        <TextField
          ref={nameRef}
          label="New key name"
          placeholder="e.g. Reading list sync"
          value={name}
          maxLength={keyLimits.nameMax}
          onChange={(e) => setName(e.target.value)}
          error={nameError}
          hint={full ? `You have ${keyLimits.maxKeysPerUser} keys: revoke one to create another.` : undefined}
          disabled={full}
        />
        <Button type="submit" variant="primary" icon={<PlusIcon />} loading={creating} loadingText="Creating…" disabled={full}>
          Create key
        </Button>
      </form>

      {keys.status === 'loading' && <SkeletonList rows={2} label="Loading keys…" />}
      {keys.status === 'error' && (
        <LoadFailed title="Couldn't load your keys" error={keys.error} onRetry={keys.retry} />
      )}
      {keys.status === 'success' && items.length === 0 && <p className={styles.empty}>No keys yet.</p>}
      {items.length > 0 && (
        <table className={styles.table} aria-label="API keys">
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Created</th>
              <th scope="col">Last used</th>
              <th scope="col" className={styles.num}>
                Today
              </th>
              <th scope="col" className={styles.num}>
                This month
              </th>
              <th scope="col">
                <span className="visually-hidden">Actions</span>
              </th>
            </tr>
          </thead>
          <tbody>
            {items.map((key) => (
              <tr key={key.keyId} data-testid={`key-${key.keyId}`}>
                <td className={styles.keyName}>{key.name}</td>
                <td title={key.createdAt}>{formatRelative(key.createdAt)}</td>
                <td title={key.lastUsedAt ?? undefined}>{key.lastUsedAt ? formatRelative(key.lastUsedAt) : 'Never'}</td>
                <td className={styles.num} data-testid="usage-today">
                  {key.usage.today}
                </td>
                <td className={styles.num} data-testid="usage-month">
                  {key.usage.month}
                </td>
                <td className={styles.rowActions}>
                  <Button size="sm" variant="ghost" className={styles.danger} onClick={() => setConfirm(key)} aria-label={`Revoke ${key.name}`}>
                    Revoke
                  </Button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <ConfirmDialog
        open={confirm !== null}
        title="Revoke this key?"
        description={<>Programs using “{confirm?.name}” will be refused from their next request. This can&apos;t be undone.</>}
        confirmLabel="Revoke key"
        busyLabel="Revoking…"
        busy={revoking}
        onConfirm={() => confirm && revoke(confirm)}
        onCancel={() => setConfirm(null)}
      />
    </section>
  );
}
