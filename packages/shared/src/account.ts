import * as z from 'zod/mini';

export const healthSchema = z.object({ status: z.literal('ok') }).check(z.meta({ id: 'Health' }));
export type Health = z.infer<typeof healthSchema>;

export const meSchema = z.object({ sub: z.string(), email: z.string() }).check(z.meta({ id: 'Me' }));
export type Me = z.infer<typeof meSchema>;
