import * as z from 'zod/mini';

export const healthSchema = z.object({ status: z.literal('ok') }).check(z.meta({ id: 'Health' }));
export type Health = z.infer<typeof healthSchema>;

export const meSchema = z.object({ sub: z.string(), email: z.string() }).check(z.meta({ id: 'Me' }));
export type Me = z.infer<typeof meSchema>;

/** The phrase DELETE /me asks for: typed by the user, so no stray request deletes an account. */
export const deleteAccountPhrase = 'delete my account';

export const deleteAccountSchema = z
  .strictObject({ confirm: z.literal(deleteAccountPhrase) })
  .check(z.meta({ id: 'DeleteAccountRequest', example: { confirm: deleteAccountPhrase } }));
export type DeleteAccount = z.infer<typeof deleteAccountSchema>;
