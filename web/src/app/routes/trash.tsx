import { TrashList } from '../../features/trash/components/trash-list';
import styles from './page.module.css';

export default function TrashPage() {
  return (
    <div className={styles.page}>
      <header className={styles.header}>
        <div>
          <h1 className={styles.title} tabIndex={-1}>
            Trash
          </h1>
          <p className={styles.subtitle}>Deleted notes are kept for 30 days. Restore them, or delete them for good.</p>
        </div>
      </header>
      <TrashList />
    </div>
  );
}
