import { api } from '../../../lib/api';

/**
 * GET /health. The route object is imported on first use: the indicator is part of the initial
 * page, and the contract's schemas (zod) would otherwise add ~5 kB gzip to the initial JS.
 */
export async function getHealth(signal?: AbortSignal) {
  const { healthRoute } = await import('@jotter/shared/contract/system');
  return api(healthRoute, { signal });
}
