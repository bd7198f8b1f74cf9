import { useState, type RefObject } from 'react';

/**
 * The field errors of a form. `check(errors)` shows them and focuses the first field (in the order
 * of `errors`) that has one; true when none has.
 */
export function useFieldErrors<K extends string>(fields: Record<K, RefObject<HTMLInputElement | null>>) {
  const [fieldErrors, setFieldErrors] = useState<Partial<Record<K, string>>>({});
  const check = (errors: Record<K, string | undefined>) => {
    setFieldErrors(errors);
    const first = (Object.keys(errors) as K[]).find((name) => errors[name]);
    if (first !== undefined) fields[first].current?.focus();
    return first === undefined;
  };
  return { fieldErrors, check };
}
