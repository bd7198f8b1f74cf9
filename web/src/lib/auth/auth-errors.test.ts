import { describeAuthError, meetsPasswordPolicy, passwordRules } from './auth-errors';

const cognitoError = (code: string, message = code) => Object.assign(new Error(message), { code, name: code });

describe('describeAuthError', () => {
  it('offers sign-in when the account already exists', () => {
    const view = describeAuthError(cognitoError('UsernameExistsException', 'User already exists'), 'signUp');
    expect(view.message).toMatch(/already exists/);
    expect(view.next).toBe('sign-in');
  });

  it('says wrong email or password for NotAuthorized and UserNotFound on sign-in (no user enumeration)', () => {
    const a = describeAuthError(cognitoError('NotAuthorizedException', 'Incorrect username or password.'), 'signIn');
    const b = describeAuthError(cognitoError('UserNotFoundException', 'User does not exist.'), 'signIn');
    expect(a.message).toBe('Wrong email or password. Check both and try again.');
    expect(b.message).toBe(a.message);
  });

  it('lists the password rules for InvalidPasswordException', () => {
    const view = describeAuthError(cognitoError('InvalidPasswordException', 'Password did not conform with policy'), 'signUp');
    expect(view.showPasswordRules).toBe(true);
    expect(view.message).toMatch(/10 characters/);
    expect(view.message).toMatch(/uppercase/);
    expect(view.message).toMatch(/lowercase/);
    expect(view.message).toMatch(/number/);
  });

  it('sends unconfirmed users to the confirm page', () => {
    expect(describeAuthError(cognitoError('UserNotConfirmedException'), 'signIn').next).toBe('confirm');
  });

  it.each([
    ['CodeMismatchException', /code is not right/],
    ['ExpiredCodeException', /expired/],
    ['LimitExceededException', /Too many attempts/],
    ['TooManyRequestsException', /Too many attempts/],
    ['TooManyFailedAttemptsException', /Too many attempts/],
  ])('maps %s to a human message', (code, message) => {
    expect(describeAuthError(cognitoError(code), 'confirm').message).toMatch(message);
  });

  it('explains InvalidParameterException by the field it is about', () => {
    expect(describeAuthError(cognitoError('InvalidParameterException', 'Invalid email address format.'), 'signUp').message).toBe('Please enter a valid email address.');
    expect(describeAuthError(cognitoError('InvalidParameterException', "1 validation error detected: Value at 'password' failed"), 'signUp').showPasswordRules).toBe(true);
    expect(describeAuthError(cognitoError('InvalidParameterException', 'Something else'), 'signUp').message).toMatch(/not valid/);
  });

  it('tells an already-confirmed user to sign in', () => {
    const view = describeAuthError(cognitoError('NotAuthorizedException', 'User cannot be confirmed. Current status is CONFIRMED'), 'confirm');
    expect(view.next).toBe('sign-in');
    expect(view.message).toMatch(/already confirmed/);
  });

  it('recognises network failures and never shows raw library text for unknown errors', () => {
    expect(describeAuthError(new TypeError('Failed to fetch'), 'signIn').message).toMatch(/Can't reach/);
    expect(describeAuthError(cognitoError('InternalErrorException', 'stack trace junk'), 'signIn').message).toBe('Something went wrong. Please try again.');
  });
});

describe('password policy', () => {
  it('matches the pool policy: min 10, upper, lower, number', () => {
    expect(passwordRules).toHaveLength(4);
    expect(meetsPasswordPolicy('Abcdefgh12')).toBe(true);
    expect(meetsPasswordPolicy('Abcdefg12')).toBe(false); // 9 chars
    expect(meetsPasswordPolicy('abcdefgh12')).toBe(false);
    expect(meetsPasswordPolicy('ABCDEFGH12')).toBe(false);
    expect(meetsPasswordPolicy('Abcdefghij')).toBe(false);
  });
});
