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

/** Shows the toast; the returned `user` then drives it. */
const showToast = async () => {
  const user = userEvent.setup({ advanceTimers: jest.advanceTimersByTime });
  render(
    <ToastProvider>
      <ShowButton />
    </ToastProvider>,
  );
  await user.click(screen.getByRole('button', { name: 'Show' }));
  return user;
};
const advance = (ms: number) => act(() => void jest.advanceTimersByTime(ms));
const toastText = () => screen.queryByText('Note moved to trash.');

it('goes away after its duration', async () => {
  await showToast();
  await advance(999);
  expect(toastText()).toBeInTheDocument();
  await advance(1);
  expect(toastText()).not.toBeInTheDocument();
});

it('pauses while hovered and resumes with the time it had left', async () => {
  const user = await showToast();
  await advance(600);
  await user.hover(toastText()!);
  await advance(10_000);
  expect(toastText()).toBeInTheDocument();
  await user.unhover(toastText()!);
  await advance(399);
  expect(toastText()).toBeInTheDocument();
  await advance(1);
  expect(toastText()).not.toBeInTheDocument();
});

it('pauses while focus is inside it (reaching for Undo with the keyboard)', async () => {
  await showToast();
  act(() => screen.getByRole('button', { name: 'Undo' }).focus());
  await advance(10_000);
  expect(toastText()).toBeInTheDocument();
  act(() => screen.getByRole('button', { name: 'Show' }).focus());
  await advance(1000);
  expect(toastText()).not.toBeInTheDocument();
});
