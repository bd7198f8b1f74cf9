import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import styles from './toast.module.css';
import { CloseIcon } from './icons';

export interface ToastOptions {
  message: string;
  action?: { label: string; onAction: () => void | Promise<void> };
  tone?: 'neutral' | 'danger';
  /** ms; default 6000 (8000 with an action). */
  duration?: number;
}

interface ToastItem extends ToastOptions {
  id: number;
}

const ToastContext = createContext<((toast: ToastOptions) => void) | null>(null);

export function useToast() {
  const show = useContext(ToastContext);
  if (!show) throw new Error('useToast must be used inside <ToastProvider>');
  return show;
}

export function ToastProvider({ children }: { children: ReactNode }) {
  const [toasts, setToasts] = useState<ToastItem[]>([]);
  const nextId = useRef(1);
  const timers = useRef(new Map<number, ReturnType<typeof setTimeout>>());

  const dismiss = useCallback((id: number) => {
    clearTimeout(timers.current.get(id));
    timers.current.delete(id);
    setToasts((list) => list.filter((t) => t.id !== id));
  }, []);

  const show = useCallback(
    (toast: ToastOptions) => {
      const id = nextId.current++;
      setToasts((list) => [...list.slice(-2), { ...toast, id }]);
      timers.current.set(id, setTimeout(() => dismiss(id), toast.duration ?? (toast.action ? 8000 : 6000)));
    },
    [dismiss],
  );

  const value = useMemo(() => show, [show]);

  return (
    <ToastContext.Provider value={value}>
      {children}
      <div className={styles.region} role="region" aria-label="Notifications">
        <div aria-live="polite" aria-atomic="false" className={styles.stack}>
          {toasts.map((t) => (
            <div key={t.id} className={[styles.toast, t.tone === 'danger' ? styles.danger : ''].join(' ')} role="status">
              <span className={styles.message}>{t.message}</span>
              {t.action && (
                <button
                  type="button"
                  className={styles.action}
                  onClick={() => {
                    dismiss(t.id);
                    void t.action?.onAction();
                  }}
                >
                  {t.action.label}
                </button>
              )}
              <button type="button" className={styles.close} aria-label="Dismiss" onClick={() => dismiss(t.id)}>
                <CloseIcon width={14} height={14} />
              </button>
            </div>
          ))}
        </div>
      </div>
    </ToastContext.Provider>
  );
}
