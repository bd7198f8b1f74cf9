import { useId, useState, type FormEvent } from 'react';
import { Banner } from '../../../components/banner';
import { Button } from '../../../components/button';
import { maxImportBytes, type ImportResult } from '@jotter/shared/exports';
import { accountApi } from '../api/account-api';
import styles from './account.module.css';

/** Imports a ZIP (a Jotter export, or .md and .txt files) and says what was skipped, and why. */
export function ImportSection() {
  const inputId = useId();
  const [file, setFile] = useState<File | null>(null);
  const [result, setResult] = useState<ImportResult | null>(null);
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  const onSubmit = async (event: FormEvent) => {
    event.preventDefault();
    setResult(null);
    setError(null);
    if (!file) return setError('Choose a ZIP file first.');
    if (file.size > maxImportBytes) return setError(`The file is larger than ${maxImportBytes / 1024 / 1024} MiB.`);
    setPending(true);
    try {
      setResult(await accountApi.importZip(file));
    } catch (e) {
      setError((e as Error).message);
    } finally {
      setPending(false);
    }
  };

  return (
    <form className={styles.section} onSubmit={onSubmit} aria-label="Import notes">
      <p className={styles.lead}>A Jotter export, or a ZIP of .md and .txt files (at most 4 MiB).</p>
      <label htmlFor={inputId}>ZIP file</label>
      <input id={inputId} className={styles.fileInput} type="file" accept=".zip,application/zip" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
      <div className={styles.row}>
        <Button type="submit" loading={pending} loadingText="Importing…">
          Import
        </Button>
      </div>
      <div aria-live="polite">
        {error && (
          <Banner tone="danger" alert>
            {error}
          </Banner>
        )}
        {result && (
          <Banner tone="info" title={`Imported ${result.imported} ${result.imported === 1 ? 'note' : 'notes'}`}>
            {result.skipped.length > 0 && (
              <>
                Skipped:
                <ul className={styles.skipped}>
                  {result.skipped.map((s) => (
                    <li key={s.name}>
                      {s.name}: {s.reason}
                    </li>
                  ))}
                </ul>
              </>
            )}
          </Banner>
        )}
      </div>
    </form>
  );
}
