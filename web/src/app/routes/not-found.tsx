import { Link } from 'react-router';
import { EmptyState } from '../../components/empty-state';
import { NoteIcon } from '../../components/icons';

export default function NotFoundPage() {
  return <EmptyState icon={<NoteIcon />} title="This page does not exist" description="The link may be old, or the page has moved." action={<Link to="/notes">Go to your notes</Link>} />;
}
