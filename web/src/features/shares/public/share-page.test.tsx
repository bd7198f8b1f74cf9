import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes } from 'react-router';
import { ApiError } from '../../../lib/api-client';
import { readPublicShare } from '../api/public-share-api';
import SharePage from './share-page';

// The real module reads import.meta.env through config.
jest.mock('../api/public-share-api', () => ({ readPublicShare: jest.fn() }));
const read = jest.mocked(readPublicShare);

const renderAt = (token: string) =>
  render(
    <MemoryRouter initialEntries={[`/s/${token}`]}>
      <Routes>
        <Route path="/s/:token" element={<SharePage />} />
      </Routes>
    </MemoryRouter>,
  );

beforeEach(() => jest.resetAllMocks());

it('shows the note, its task checkboxes named after their items, and its files', async () => {
  read.mockResolvedValue({
    title: 'Trip',
    html: '<h2>Pack</h2><ul><li><input type="checkbox" disabled=""> boots</li></ul>',
    updatedAt: '2026-07-14T09:30:00.000Z',
    attachments: [{ fileName: 'route.gpx', size: 2048, downloadUrl: 'https://s3.test/route?signed' }],
  });
  renderAt('tok');
  expect(await screen.findByRole('heading', { name: 'Trip', level: 1 })).toBeInTheDocument();
  expect(read).toHaveBeenCalledWith('tok', expect.any(AbortSignal));
  expect(screen.getByRole('checkbox', { name: 'boots' })).toBeDisabled();
  expect(screen.getByRole('link', { name: 'route.gpx' })).toHaveAttribute('href', 'https://s3.test/route?signed');
  expect(screen.getByText('(2.0 kB)')).toBeInTheDocument();
  expect(document.title).toBe('Trip · Jotter');
});

it('answers every 404 with the not-available page', async () => {
  read.mockRejectedValue(new ApiError(404, 'not_found', 'Link was not found'));
  renderAt('gone');
  expect(await screen.findByRole('heading', { name: 'This link is not available' })).toBeInTheDocument();
});

it('offers a retry when the note could not be loaded', async () => {
  const user = userEvent.setup();
  read.mockRejectedValueOnce(new ApiError(503, 'service_unavailable', 'Can’t reach the server right now.')).mockResolvedValueOnce({ title: 'Back', html: '<p>ok</p>', updatedAt: '2026-07-14T09:30:00.000Z', attachments: [] });
  renderAt('tok');
  expect(await screen.findByRole('alert')).toHaveTextContent('Can’t reach the server right now.');
  await user.click(screen.getByRole('button', { name: 'Try again' }));
  expect(await screen.findByRole('heading', { name: 'Back', level: 1 })).toBeInTheDocument();
});
