import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
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
  // Each toast's countdown. It stops while the pointer is over the toasts or focus is in them
  // (someone reading or reaching for "Undo" must not lose it), and goes on from where it was.
  const timers = useRef(new Map<number, { timeout?: ReturnType<typeof setTimeout>; startedAt: number; remaining: number }>());
  const hovered = useRef(false);
  const focused = useRef(false);

  const stackRef = useRef<HTMLDivElement>(null);

  const dismiss = useCallback((id: number) => {
    clearTimeout(timers.current.get(id)?.timeout);
    timers.current.delete(id);
    // Focus inside the closing toast would fall back to the top of the page: keep it in the content.
    const closing = stackRef.current?.querySelector(`[data-toast-id="${id}"]`);
    if (closing?.contains(document.activeElement)) document.getElementById('main')?.focus();
    setToasts((list) => list.filter((t) => t.id !== id));
  }, []);

  const run = useCallback(
    (id: number) => {
      const timer = timers.current.get(id);
      if (!timer || hovered.current || focused.current) return;
      timer.startedAt = Date.now();
      timer.timeout = setTimeout(() => dismiss(id), timer.remaining);
    },
    [dismiss],
  );

  const show = useCallback(
    (toast: ToastOptions) => {
      const id = nextId.current++;
      setToasts((list) => [...list.slice(-2), { ...toast, id }]);
      timers.current.set(id, { startedAt: Date.now(), remaining: toast.duration ?? (toast.action ? 8000 : 6000) });
      run(id);
    },
    [run],
  );

  const setPaused = (reason: typeof hovered, value: boolean) => {
    const wasPaused = hovered.current || focused.current;
    reason.current = value;
    const paused = hovered.current || focused.current;
    if (paused === wasPaused) return;
    for (const [id, timer] of timers.current) {
      if (paused) {
        clearTimeout(timer.timeout);
        timer.timeout = undefined;
        timer.remaining = Math.max(0, timer.remaining - (Date.now() - timer.startedAt));
      } else run(id);
    }
  };

  const value = useMemo(() => show, [show]);

  // A removed toast takes its focused button (or the pointer's target) with it, without a blur.
  const regionRef = useRef<HTMLDivElement>(null);
  useEffect(() => {
    if (toasts.length === 0) hovered.current = false;
    if (focused.current && !regionRef.current?.contains(document.activeElement)) setPaused(focused, false);
  });

  return (
    <ToastContext.Provider value={value}>
      {children}
      <div
        ref={regionRef}
        className={styles.region}
        role="region"
        aria-label="Notifications"
        // Undo takes focus as the page changes (the deleted note's editor is gone): the new
        // page leaves it there (lib/route-title-focus.ts).
        data-keeps-focus
        onPointerEnter={() => setPaused(hovered, true)}
        onPointerLeave={() => setPaused(hovered, false)}
        onFocus={() => setPaused(focused, true)}
        onBlur={(e) => {
          if (!e.currentTarget.contains(e.relatedTarget)) setPaused(focused, false);
        }}
      >
        {/* One live region for all toasts (a role="status" per toast inside it announced twice). */}
        <div ref={stackRef} aria-live="polite" aria-relevant="additions" className={styles.stack}>
          {toasts.map((t) => (
            <div
              key={t.id}
              data-toast-id={t.id}
              className={[styles.toast, t.tone === 'danger' ? styles.danger : ''].join(' ')}
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
