import { useEffect, useSyncExternalStore } from 'react';

/**
 * State that lives outside React (the session, a note's autosave, its upload queue), read by
 * components through useSyncExternalStore. `getState` hands out the current snapshot, a new
 * object on every change; `subscribe` returns its own unsubscribe. Both are bound, so they can be
 * passed around as they are.
 */
export class ExternalStore<S> {
  private readonly listeners = new Set<() => void>();

  constructor(protected state: S) {}

  readonly getState = (): S => this.state;

  readonly subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => {
      this.listeners.delete(listener);
    };
  };

  /** Replaces the snapshot and tells every subscriber. */
  protected replace(next: S) {
    this.state = next;
    this.listeners.forEach((listener) => listener());
  }

  /** A new snapshot with `patch` applied. */
  protected set(patch: Partial<S>) {
    this.replace({ ...this.state, ...patch });
  }
}

/** A store that runs (timers, polling, network listeners) while a component shows it. */
export interface RunningStore<S> extends Pick<ExternalStore<S>, 'getState' | 'subscribe'> {
  start(): void;
  stop(): void;
}

/**
 * Runs `store` while the component is mounted, asks before the page closes while `busy(state)`
 * says work would be lost, and re-renders on each change. Returns the current state.
 */
export function useRunningStore<S>(store: RunningStore<S>, busy: (state: S) => boolean): S {
  useEffect(() => {
    store.start();
    return () => store.stop();
  }, [store]);

  useEffect(() => {
    const warn = (event: BeforeUnloadEvent) => {
      if (busy(store.getState())) event.preventDefault();
    };
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [store, busy]);

  return useSyncExternalStore(store.subscribe, store.getState, store.getState);
}
