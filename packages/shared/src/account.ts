import { z } from 'zod';

export const healthSchema = z.object({ status: z.literal('ok') }).meta({ id: 'Health' });
export type Health = z.infer<typeof healthSchema>;

export const meSchema = z.object({ sub: z.string(), email: z.email() }).meta({ id: 'Me' });
export type Me = z.infer<typeof meSchema>;
