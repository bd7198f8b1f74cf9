import type { Ref } from 'react';
import type { PagedList } from '../lib/use-paged-list';
import { Button } from './button';
import styles from './load-more.module.css';

export interface LoadMoreProps {
  list: Pick<PagedList<unknown>, 'nextCursor' | 'loadingMore' | 'loadMoreError' | 'loadMore'>;
  /** What the list holds, for the error line: "Couldn't load more notes." */
  what: string;
  /** For a caller that loads the next page when this scrolls into view. */
  sentinelRef?: Ref<HTMLDivElement>;
}

/** The foot of a paged list: the next page on request, and a failed page said where it failed. */
export function LoadMore({ list, what, sentinelRef }: LoadMoreProps) {
  if (!list.nextCursor) return null;
  return (
    <div ref={sentinelRef} className={styles.loadMore}>
      {list.loadMoreError && (
        <p role="alert" className={styles.error}>
          Couldn't load more {what}.
        </p>
      )}
      <Button variant="ghost" size="sm" onClick={list.loadMore} loading={list.loadingMore} loadingText="Loading…">
        {list.loadMoreError ? 'Try again' : 'Load more'}
      </Button>
    </div>
  );
}
