import { useEffect, useRef, useState } from 'react';
import { useLocation, useSearchParams } from 'react-router';
import { session } from '../../../lib/session';

const preloadTriggers = ['keydown', 'pointerdown', 'input'] as const;

/** What an auth page may pass to the next one in the router's location state. */
export interface AuthLocationState {
  from?: { pathname: string; search?: string; hash?: string };
  notice?: string;
}

/**
 * What every auth form starts with: the email (prefilled from `?email=`) and a ref to its field,
 * the location state the previous page passed on, and the auth SDK loading as soon as the user acts.
 */
export function useAuthForm() {
  const location = useLocation();
  const [params] = useSearchParams();
  const [email, setEmail] = useState(params.get('email') ?? '');
  const emailRef = useRef<HTMLInputElement>(null);

  useEffect(() => {
    // The Cognito SDK (~26 kB gzip) loads once the user starts typing or clicking, so it never
    // competes with the first paint on a slow link; it is there well before the first submit.
    const preload = () => session.preload();
    for (const type of preloadTriggers) window.addEventListener(type, preload, { once: true, passive: true });
    return () => preloadTriggers.forEach((type) => window.removeEventListener(type, preload));
  }, []);

  return { email, setEmail, emailRef, state: (location.state ?? {}) as AuthLocationState };
}
