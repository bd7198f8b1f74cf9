import { getPublicShareRoute } from '@jotter/shared/contract/shares';
import type { PublicShare } from '@jotter/shared/shares';
import { config } from '../../../config';
import { createApiClient } from '../../../lib/api-client';

// The public page's own client: it never asks for a token, so the page loads nothing of the
// session or the auth SDK (lib/api would).
const publicApi = createApiClient({ baseUrl: config.apiUrl, getAccessToken: async () => null, onUnauthorized: () => undefined });

export const readPublicShare = (token: string, signal?: AbortSignal): Promise<PublicShare> => publicApi(getPublicShareRoute, { params: { token }, signal });
