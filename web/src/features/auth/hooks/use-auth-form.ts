import { useEffect, useRef, useState } from 'react';
import { useLocation, useSearchParams } from 'react-router';
import { session } from '../../../lib/session';

/** What an auth page may pass to the next one in the router's location state. */
export interface AuthLocationState {
  from?: { pathname: string; search?: string; hash?: string };
  notice?: string;
}

/**
 * What every auth form starts with: the email (prefilled from `?email=`) and a ref to its field,
 * the location state the previous page passed on, and the auth SDK loading while the user types.
 */
export function useAuthForm() {
  const location = useLocation();
  const [params] = useSearchParams();
  const [email, setEmail] = useState(params.get('email') ?? '');
  const emailRef = useRef<HTMLInputElement>(null);

  useEffect(() => session.preload(), []);

  return { email, setEmail, emailRef, state: (location.state ?? {}) as AuthLocationState };
}
