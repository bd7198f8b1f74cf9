import { createContext, useCallback, useContext, useMemo, useRef, useState, type ReactNode } from 'react';
import styles from './toast.module.css';
import { CloseIcon } from './icons';

export interface ToastOptions {
  message: string;
  action?: { label: string; onAction: () => void | Promise<void> };
  tone?: 'neutral' | 'danger';
  /** ms; default 6000 (8000 with an action). Paused while the toast has focus or the pointer. */
  duration?: number;
  /**
   * Moves keyboard focus to the action (for a toast that follows the user's own action, such as
   * Undo after a delete whose control has just disappeared).
   */
  focusAction?: boolean;
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

  const stackRef = useRef<HTMLDivElement>(null);

  const dismiss = useCallback((id: number) => {
    clearTimeout(timers.current.get(id));
    timers.current.delete(id);
    // Focus inside the closing toast would fall back to the top of the page: keep it in the content.
    const closing = stackRef.current?.querySelector(`[data-toast-id="${id}"]`);
    if (closing?.contains(document.activeElement)) document.getElementById('main')?.focus();
    setToasts((list) => list.filter((t) => t.id !== id));
  }, []);

  const schedule = useCallback(
    (toast: ToastItem) => timers.current.set(toast.id, setTimeout(() => dismiss(toast.id), toast.duration ?? (toast.action ? 8000 : 6000))),
    [dismiss],
  );
  const pause = (id: number) => clearTimeout(timers.current.get(id));

  const show = useCallback(
    (toast: ToastOptions) => {
      const item = { ...toast, id: nextId.current++ };
      setToasts((list) => [...list.slice(-2), item]);
      schedule(item);
    },
    [schedule],
  );

  const value = useMemo(() => show, [show]);

  return (
    <ToastContext.Provider value={value}>
      {children}
      <div className={styles.region} role="region" aria-label="Notifications">
        {/* One live region for all toasts (a role="status" per toast inside it announced twice). */}
        <div ref={stackRef} aria-live="polite" aria-relevant="additions" className={styles.stack}>
          {toasts.map((t) => (
            <div
              key={t.id}
              data-toast-id={t.id}
              className={[styles.toast, t.tone === 'danger' ? styles.danger : ''].join(' ')}
              onFocus={() => pause(t.id)}
              onBlur={(e) => !e.currentTarget.contains(e.relatedTarget) && schedule(t)}
              onMouseEnter={() => pause(t.id)}
              onMouseLeave={(e) => !e.currentTarget.contains(document.activeElement) && schedule(t)}
              onKeyDown={(e) => e.key === 'Escape' && dismiss(t.id)}
            >
              <span className={styles.message}>{t.message}</span>
              {t.action && (
                <button
                  type="button"
                  autoFocus={t.focusAction}
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
