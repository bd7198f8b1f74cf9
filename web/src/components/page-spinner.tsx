import { Spinner } from './spinner';

/** Shown while a route chunk loads; appears only after a beat so fast loads do not flash. */
export function PageSpinner() {
  return (
    <div style={{ flex: 1, display: 'grid', placeItems: 'center', padding: 'var(--space-12)', color: 'var(--color-text-subtle)', animation: 'fade-in 0.2s 0.3s both' }}>
      <Spinner size={20} label="Loading…" />
    </div>
  );
}
