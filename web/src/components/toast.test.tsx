import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { ToastProvider, useToast } from './toast';

function ShowButton() {
  const toast = useToast();
  return (
    <button type="button" onClick={() => toast({ message: 'Note moved to trash.', duration: 1000, action: { label: 'Undo', onAction: () => undefined } })}>
      Show
    </button>
  );
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

const setup = () => {
  const user = userEvent.setup({ advanceTimers: jest.advanceTimersByTime });
  render(
    <ToastProvider>
      <ShowButton />
    </ToastProvider>,
  );
  return user;
};
const advance = (ms: number) => act(() => void jest.advanceTimersByTime(ms));

it('goes away after its duration', async () => {
  const user = setup();
  await user.click(screen.getByRole('button', { name: 'Show' }));
  await advance(999);
  expect(screen.getByText('Note moved to trash.')).toBeInTheDocument();
  await advance(1);
  expect(screen.queryByText('Note moved to trash.')).not.toBeInTheDocument();
});

it('pauses while hovered and resumes with the time it had left', async () => {
  const user = setup();
  await user.click(screen.getByRole('button', { name: 'Show' }));
  await advance(600);
  await user.hover(screen.getByText('Note moved to trash.'));
  await advance(10_000);
  expect(screen.getByText('Note moved to trash.')).toBeInTheDocument();
  await user.unhover(screen.getByText('Note moved to trash.'));
  await advance(399);
  expect(screen.getByText('Note moved to trash.')).toBeInTheDocument();
  await advance(1);
  expect(screen.queryByText('Note moved to trash.')).not.toBeInTheDocument();
});

it('pauses while focus is inside it (reaching for Undo with the keyboard)', async () => {
  const user = setup();
  await user.click(screen.getByRole('button', { name: 'Show' }));
  act(() => screen.getByRole('button', { name: 'Undo' }).focus());
  await advance(10_000);
  expect(screen.getByText('Note moved to trash.')).toBeInTheDocument();
  act(() => screen.getByRole('button', { name: 'Show' }).focus());
  await advance(1000);
  expect(screen.queryByText('Note moved to trash.')).not.toBeInTheDocument();
});
