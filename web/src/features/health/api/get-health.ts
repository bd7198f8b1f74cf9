import type { Health } from '@jotter/shared/account';
import { api } from '../../../lib/api';

export const getHealth = (signal?: AbortSignal) => api<Health>('/health', { anonymous: true, signal });
