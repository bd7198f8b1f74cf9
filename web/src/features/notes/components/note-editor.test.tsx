import type { Note } from '@jotter/shared/notes';
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { ToastProvider } from '../../../components/toast';
import { ApiError } from '../../../lib/api-client';
import { notesApi } from '../api/notes-api';
import { NoteEditor } from './note-editor';

// The real module reads import.meta.env through lib/api → config; the editor only needs the calls.
jest.mock('../api/notes-api', () => ({
  notesApi: { get: jest.fn(), create: jest.fn(), update: jest.fn(), organize: jest.fn(), tags: jest.fn(), remove: jest.fn(), restore: jest.fn() },
}));
const api = jest.mocked(notesApi);

const base: Note = {
  noteId: '11111111-1111-4111-8111-111111111111',
  title: 'Groceries',
  content: 'Milk',
  version: 3,
  createdAt: '2026-01-01T00:00:00.000Z',
  updatedAt: '2026-01-01T00:00:00.000Z',
  attachments: [],
  tags: [],
  pinned: false,
};

/** Renders the editor on `note`; the returned `user` types into it. */
function renderEditor(note: Note | null = base) {
  const user = userEvent.setup({ advanceTimers: jest.advanceTimersByTime });
  render(
    <MemoryRouter>
      <ToastProvider>
        <NoteEditor note={note} onSaved={jest.fn()} onOrganized={jest.fn()} knownTags={[]} onDeleted={jest.fn()} />
      </ToastProvider>
    </MemoryRouter>,
  );
  return user;
}

/** The server accepts each save of `note` and answers with the next version. */
const acceptSaves = (note: Note = base) => api.update.mockImplementation(async (_id, body) => ({ ...note, ...body, version: body.version + 1 }));
/** Lets the autosave delay run out. */
const autosaveDelay = () =>
  act(async () => {
    jest.advanceTimersByTime(800);
  });
/** Types into the field labelled `label`, then lets the autosave delay run out. */
const typeAndWait = async (user: ReturnType<typeof userEvent.setup>, label: string, text: string) => {
  await user.type(screen.getByLabelText(label), text);
  await autosaveDelay();
};

beforeEach(() => {
  jest.useFakeTimers();
  localStorage.clear();
  jest.resetAllMocks();
});
afterEach(() => jest.useRealTimers());

it('autosaves after typing stops and shows Saved', async () => {
  acceptSaves();
  const user = renderEditor();
  await user.type(screen.getByLabelText('Content'), ', eggs');
  expect(screen.getByText('Saving…')).toBeInTheDocument();
  await autosaveDelay();
  expect(api.update).toHaveBeenCalledWith(base.noteId, { title: 'Groceries', content: 'Milk, eggs', version: 3 });
  expect(await screen.findByText('Saved')).toBeInTheDocument();
});

it('on a version conflict shows the banner, and "Overwrite with mine" PUTs my text with the fresh version', async () => {
  api.update.mockRejectedValueOnce(new ApiError(409, 'version_conflict', 'Version conflict'));
  api.get.mockResolvedValue({ ...base, content: 'Theirs', version: 4 });
  acceptSaves();
  const user = renderEditor();
  const content = screen.getByLabelText('Content');
  await user.clear(content);
  await user.type(content, 'Mine');
  await autosaveDelay();

  const banner = await screen.findByRole('alert');
  expect(banner).toHaveTextContent('This note changed elsewhere');
  expect(content).toHaveValue('Mine');

  await user.click(screen.getByRole('button', { name: 'Overwrite with mine' }));
  expect(api.get).toHaveBeenCalledWith(base.noteId);
  expect(api.update).toHaveBeenLastCalledWith(base.noteId, { title: 'Groceries', content: 'Mine', version: 4 });
  expect(await screen.findByText('Saved')).toBeInTheDocument();
  expect(screen.queryByText('This note changed elsewhere')).not.toBeInTheDocument();
});

it('"Reload theirs" loads the other version and offers to bring mine back', async () => {
  api.update.mockRejectedValueOnce(new ApiError(409, 'version_conflict', 'Version conflict'));
  api.get.mockResolvedValue({ ...base, content: 'Theirs', version: 4 });
  const user = renderEditor();
  await typeAndWait(user, 'Content', '!!');
  await user.click(await screen.findByRole('button', { name: 'Reload theirs' }));
  expect(screen.getByLabelText('Content')).toHaveValue('Theirs');
  expect(await screen.findByRole('button', { name: 'Bring mine back' })).toBeInTheDocument();
});

it('offers retry when a save fails', async () => {
  api.update.mockRejectedValueOnce(new ApiError(500, 'internal_error', 'The server had a problem.'));
  acceptSaves();
  const user = renderEditor();
  await typeAndWait(user, 'Title', ' list');
  await user.click(await screen.findByRole('button', { name: "Couldn't save — retry" }));
  expect(await screen.findByText('Saved')).toBeInTheDocument();
  expect(api.update).toHaveBeenCalledTimes(2);
});

it('says the text is kept on this device while offline (no error), and saves when the browser is back online', async () => {
  api.update.mockRejectedValueOnce(new ApiError(0, 'network_error', "Can't reach the server."));
  acceptSaves();
  const user = renderEditor();
  await typeAndWait(user, 'Content', ' and tea');
  expect(await screen.findByText('Offline — changes are kept on this device')).toBeInTheDocument();
  expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  await act(async () => {
    window.dispatchEvent(new Event('online'));
  });
  expect(await screen.findByText('Saved')).toBeInTheDocument();
  expect(api.update).toHaveBeenLastCalledWith(base.noteId, { title: 'Groceries', content: 'Milk and tea', version: 3 });
});

it('previews Markdown, and ticking a task saves the source with that task ticked', async () => {
  const note = { ...base, content: '| a | b |\n| - | - |\n| 1 | 2 |\n\n- [ ] eggs\n- [ ] tea\n\n<img src=x onerror="alert(1)">' };
  acceptSaves(note);
  const user = renderEditor(note);
  await user.click(screen.getByRole('button', { name: 'Preview' }));
  const preview = await screen.findByTestId('markdown-preview');
  expect(screen.getByRole('button', { name: 'Preview' })).toHaveAttribute('aria-pressed', 'true');
  expect(screen.queryByLabelText('Content')).not.toBeInTheDocument();
  expect(preview.querySelector('table td')).toHaveTextContent('1');
  expect(preview.querySelector('img')).not.toHaveAttribute('onerror');
  const boxes = screen.getAllByRole('checkbox');
  expect(boxes).toHaveLength(2);
  expect(boxes.map((b) => b.getAttribute('aria-label'))).toEqual(['eggs', 'tea']); // named after their items
  await user.click(boxes[1]!);
  expect(api.update).toHaveBeenCalledWith(base.noteId, { title: 'Groceries', content: note.content.replace('- [ ] tea', '- [x] tea'), version: 3 });
  expect(await screen.findByText('Saved')).toBeInTheDocument();
  expect(screen.getAllByRole('checkbox').map((b) => (b as HTMLInputElement).checked)).toEqual([false, true]);
  await user.click(screen.getByRole('button', { name: 'Preview' }));
  expect(screen.getByLabelText('Content')).toHaveValue(note.content.replace('- [ ] tea', '- [x] tea'));
});
