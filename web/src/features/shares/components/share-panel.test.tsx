import type { Share } from '@jotter/shared/shares';
import { render, screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { sharesApi } from '../api/shares-api';
import SharePanel from './share-panel';

// The real module reads import.meta.env through lib/api → config.
jest.mock('../api/shares-api', () => ({ sharesApi: { create: jest.fn(), list: jest.fn(), revoke: jest.fn() } }));
const api = jest.mocked(sharesApi);

const NOTE = '11111111-1111-4111-8111-111111111111';
const link = (shareId: string, views: number, expiresAt: string | null = null): Share => ({ shareId, url: null, createdAt: new Date().toISOString(), expiresAt, views });

const onSharedChange = jest.fn();

function renderPanel(noteId: string | null = NOTE) {
  const slot = document.createElement('span');
  document.body.append(slot);
  render(<SharePanel noteId={noteId} toolbarSlot={slot} onSharedChange={onSharedChange} />);
  return slot;
}

beforeEach(() => jest.resetAllMocks());

it('cannot share a note that was never saved', () => {
  renderPanel(null);
  expect(screen.getByRole('button', { name: 'Share' })).toBeDisabled();
});

it('creates a link with the chosen expiry, shows it once to copy, and lists the links with their views', async () => {
  const user = userEvent.setup();
  api.list.mockResolvedValueOnce([]).mockResolvedValueOnce([link('s2', 0, '2099-01-01T00:00:00.000Z'), link('s1', 3)]);
  api.create.mockResolvedValue({ shareId: 's2', url: 'http://localhost/s/tok', expiresAt: '2099-01-01T00:00:00.000Z' });
  renderPanel();
  await user.click(screen.getByRole('button', { name: 'Share' }));
  const dialog = await screen.findByRole('dialog', { name: 'Share a read-only link' });
  await within(dialog).findByText('No links yet.');
  await user.selectOptions(within(dialog).getByLabelText('Expires'), '7 days');
  await user.click(within(dialog).getByRole('button', { name: 'Create link' }));
  expect(api.create).toHaveBeenCalledWith(NOTE, 7);
  expect(await within(dialog).findByLabelText('New link (shown only now)')).toHaveValue('http://localhost/s/tok');
  await user.click(within(dialog).getByRole('button', { name: 'Copy link' }));
  expect(await navigator.clipboard.readText()).toBe('http://localhost/s/tok');
  expect(within(dialog).getByRole('button', { name: 'Copied' })).toBeInTheDocument();
  expect(within(dialog).getByText(/3 views · never expires/)).toBeInTheDocument();
  expect(within(dialog).getByText(/0 views · expires/)).toBeInTheDocument();
  // The notes list learns that the note is shared now.
  expect(onSharedChange.mock.calls).toEqual([
    [NOTE, false],
    [NOTE, true],
  ]);
});

it('revokes only after a confirmation', async () => {
  const user = userEvent.setup();
  api.list.mockResolvedValueOnce([link('s1', 1)]).mockResolvedValueOnce([]);
  api.revoke.mockResolvedValue(undefined);
  renderPanel();
  await user.click(screen.getByRole('button', { name: 'Share' }));
  await user.click(await screen.findByRole('button', { name: /^Revoke the link created/ }));
  const confirm = await screen.findByRole('dialog', { name: 'Revoke this link?' });
  await user.click(within(confirm).getByRole('button', { name: 'Cancel' }));
  expect(api.revoke).not.toHaveBeenCalled();
  await user.click(await screen.findByRole('button', { name: /^Revoke the link created/ }));
  await user.click(within(await screen.findByRole('dialog', { name: 'Revoke this link?' })).getByRole('button', { name: 'Revoke' }));
  expect(api.revoke).toHaveBeenCalledWith(NOTE, 's1');
  expect(await screen.findByText('No links yet.')).toBeInTheDocument();
  expect(onSharedChange).toHaveBeenLastCalledWith(NOTE, false);
});

it('shows a failure to load the links', async () => {
  const user = userEvent.setup();
  api.list.mockRejectedValue(new Error('Can’t reach the server right now.'));
  renderPanel();
  await user.click(screen.getByRole('button', { name: 'Share' }));
  expect(await screen.findByText('Can’t reach the server right now.')).toBeInTheDocument();
});
