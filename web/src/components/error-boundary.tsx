import { Component, type ErrorInfo, type ReactNode } from 'react';
import { Button } from './button';
import { EmptyState } from './empty-state';
import { AlertIcon } from './icons';

interface Props {
  children: ReactNode;
  /** Changing it (e.g. the route path) resets the boundary. */
  resetKey?: string;
}
interface State {
  error: Error | null;
  resetKey: string | undefined;
}

/** Route-level boundary: a crash in one page never blanks the whole app. */
export class ErrorBoundary extends Component<Props, State> {
  override state: State = { error: null, resetKey: this.props.resetKey };

  static getDerivedStateFromError(error: Error): Partial<State> {
    return { error };
  }

  static getDerivedStateFromProps(props: Props, state: State): Partial<State> | null {
    return props.resetKey !== state.resetKey ? { error: null, resetKey: props.resetKey } : null;
  }

  override componentDidCatch(error: Error, info: ErrorInfo) {
    console.error('Page crashed', error, info.componentStack);
  }

  override render() {
    const { error } = this.state;
    if (!error) return this.props.children;
    // A failed lazy chunk (after a deploy) is fixed by a reload.
    const chunk = /dynamically imported module|Importing a module script failed|Failed to fetch/i.test(error.message);
    return (
      <EmptyState
        alert
        tone="danger"
        icon={<AlertIcon />}
        title={chunk ? 'Jotter was updated' : 'Something went wrong on this page'}
        description={chunk ? 'Reload to get the latest version.' : 'Your notes are safe. Try again, or reload the page.'}
        action={
          <Button variant="secondary" onClick={() => (chunk ? window.location.reload() : this.setState({ error: null }))}>
            {chunk ? 'Reload' : 'Try again'}
          </Button>
        }
      />
    );
  }
}
