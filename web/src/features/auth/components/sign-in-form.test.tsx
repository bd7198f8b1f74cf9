import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter, Route, Routes, useLocation } from 'react-router';
import { session } from '../../../lib/session';
import { SignInForm } from './sign-in-form';

jest.mock('../../../lib/session', () => ({ session: { signIn: jest.fn(), preload: jest.fn() } }));
const signIn = jest.mocked(session.signIn);

const cognitoError = (code: string, message: string) => Object.assign(new Error(message), { code });

function ShowLocation() {
  const location = useLocation();
  return <p data-testid="location">{location.pathname + location.search}</p>;
}

function renderForm() {
  return render(
    <MemoryRouter initialEntries={['/sign-in']}>
      <Routes>
        <Route path="/sign-in" element={<SignInForm />} />
        <Route path="*" element={<ShowLocation />} />
      </Routes>
    </MemoryRouter>,
  );
}

beforeEach(() => jest.resetAllMocks());

it('shows "wrong email or password" in an alert, and the button is busy while waiting', async () => {
  let reject: (e: Error) => void = () => undefined;
  signIn.mockImplementation(() => new Promise((_, r) => (reject = r)));
  const user = userEvent.setup();
  renderForm();
  await user.type(screen.getByLabelText('Email'), 'ada@example.com');
  await user.type(screen.getByLabelText('Password'), 'Wrong-password1{Enter}');
  const button = screen.getByRole('button', { name: /Signing in…/ });
  expect(button).toBeDisabled();
  reject(cognitoError('NotAuthorizedException', 'Incorrect username or password.'));
  expect(await screen.findByRole('alert')).toHaveTextContent('Wrong email or password');
  expect(screen.getByRole('button', { name: 'Sign in' })).toBeEnabled();
  expect(signIn).toHaveBeenCalledWith('ada@example.com', 'Wrong-password1');
});

it('sends an unconfirmed user to the confirm page with the email prefilled', async () => {
  signIn.mockRejectedValue(cognitoError('UserNotConfirmedException', 'User is not confirmed.'));
  const user = userEvent.setup();
  renderForm();
  await user.type(screen.getByLabelText('Email'), 'new@example.com');
  await user.type(screen.getByLabelText('Password'), 'Whatever123{Enter}');
  expect(await screen.findByTestId('location')).toHaveTextContent('/confirm?email=new%40example.com');
});

it('validates empty fields without calling Cognito', async () => {
  const user = userEvent.setup();
  renderForm();
  await user.click(screen.getByRole('button', { name: 'Sign in' }));
  expect(screen.getByText('Enter your email address.')).toBeInTheDocument();
  expect(screen.getByLabelText('Email')).toHaveFocus();
  expect(signIn).not.toHaveBeenCalled();
});
