import type { Note } from '@jotter/shared/notes';
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { ToastProvider } from '../../../components/toast';
import { ApiError } from '../../../lib/api-client';
import { revisionsApi } from '../api/revisions-api';
import { HistoryView } from './history-view';

// The real module reads import.meta.env through lib/api → config.
jest.mock('../api/revisions-api', () => ({ revisionsApi: { current: jest.fn(), list: jest.fn(), get: jest.fn(), restore: jest.fn() } }));
const api = jest.mocked(revisionsApi);

const NOTE = '11111111-1111-4111-8111-111111111111';
const time = '2026-01-01T00:00:00.000Z';
const note: Note = { noteId: NOTE, title: 'Plan', content: 'Now', version: 5, createdAt: time, updatedAt: time, attachments: [], tags: [], pinned: false };
const onRestored = jest.fn();

function renderView() {
  render(
    <MemoryRouter>
      <ToastProvider>
        <HistoryView noteId={NOTE} onRestored={onRestored} />
      </ToastProvider>
    </MemoryRouter>,
  );
}

beforeEach(() => {
  jest.resetAllMocks();
  api.current.mockResolvedValue(note);
});

it('says when there is no earlier version yet', async () => {
  api.list.mockResolvedValue({ items: [], nextCursor: null });
  renderView();
  expect(await screen.findByText('No earlier versions yet')).toBeInTheDocument();
});

it('offers to try again when the history cannot be read', async () => {
  api.list.mockRejectedValueOnce(new ApiError(500, 'internal_error', 'The server had a problem.'));
  renderView();
  expect(await screen.findByRole('alert')).toHaveTextContent("Couldn't load the history");
  api.list.mockResolvedValue({ items: [], nextCursor: null });
  await userEvent.click(screen.getByRole('button', { name: 'Try again' }));
  expect(await screen.findByText('No earlier versions yet')).toBeInTheDocument();
});

it('shows the newest version, and restores the chosen one after confirming, naming the current version', async () => {
  api.list.mockResolvedValue({
    items: [
      { revision: 4, title: 'Plan', contentPreview: 'Four', createdAt: time },
      { revision: 2, title: 'Plan', contentPreview: 'Two', createdAt: time },
    ],
    nextCursor: null,
  });
  api.get.mockImplementation(async (_noteId, revision) => ({ revision, title: 'Plan', content: revision === 4 ? 'Four' : 'Two', createdAt: time }));
  api.restore.mockResolvedValue({ ...note, content: 'Two', version: 6 });
  renderView();
  expect(await screen.findByRole('article', { name: 'Text of version 4' })).toHaveTextContent('Four');
  await userEvent.click(screen.getByRole('button', { name: /version 2/ }));
  expect(await screen.findByRole('article', { name: 'Text of version 2' })).toHaveTextContent('Two');
  await userEvent.click(screen.getByRole('button', { name: 'Restore this version' }));
  await userEvent.click(screen.getByRole('button', { name: 'Restore' }));
  expect(api.restore).toHaveBeenCalledWith(NOTE, 2, 5);
  expect(onRestored).toHaveBeenCalledWith(expect.objectContaining({ version: 6 }));
});
