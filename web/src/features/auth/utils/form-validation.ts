import type { RefObject } from 'react';

export const validEmail = (email: string) => /^\S+@\S+\.\S+$/.test(email.trim());

/**
 * Focuses the first field (in the order of `errors`) that has an error; true when one had.
 * The caller shows the errors themselves.
 */
export function focusFirstInvalid<K extends string>(errors: Record<K, string | undefined>, fields: Record<K, RefObject<HTMLInputElement | null>>): boolean {
  const first = (Object.keys(errors) as K[]).find((name) => errors[name]);
  if (first === undefined) return false;
  fields[first].current?.focus();
  return true;
}
