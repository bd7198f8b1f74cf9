import { TrashList } from '../../features/trash/components/trash-list';
import { Page } from './page';

export default function TrashPage() {
  return (
    <Page title="Trash" subtitle="Deleted notes are kept for 30 days. Restore them, or delete them for good.">
      <TrashList />
    </Page>
  );
}
