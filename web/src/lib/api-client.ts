import type { BodyInput, ParamsInput, QueryInput, ResponseOf, RouteDefinition } from '@jotter/shared/contract/route';
import { routePath } from '@jotter/shared/contract/route';
import type { ErrorBody } from '@jotter/shared/errors';

/** Every failed API call becomes one of these: the contract's `{"error":{code,message,details}}` typed. */
export class ApiError extends Error {
  override name = 'ApiError';
  constructor(
    /** HTTP status; 0 when the request never got an answer (offline, CORS, DNS). */
    readonly status: number,
    /** The contract's snake_case code, or `network_error` / `invalid_response` made up client-side. */
    readonly code: string,
    message: string,
    readonly details: ErrorBody['error']['details'] = undefined,
    /** The API's request id (x-request-id): what support needs to find the request in the logs. */
    readonly requestId: string | undefined = undefined,
  ) {
    super(message);
  }
}

/** Server errors name their request, so every banner that shows the message shows the reference. */
function withReference(message: string, status: number, requestId: string | undefined): string {
  return status >= 500 && requestId ? `${message} Reference: ${requestId}` : message;
}

export const isApiError = (error: unknown, code?: string): error is ApiError =>
  error instanceof ApiError && (code === undefined || error.code === code);

export interface ApiClientOptions {
  baseUrl: string;
  /** Returns a fresh access token (refreshing it first if needed), or null when signed out. */
  getAccessToken: () => Promise<string | null>;
  /** Called once per 401: the session is gone; sign out and send the user to sign in. */
  onUnauthorized: () => void;
  fetch?: typeof fetch;
  /** Waits before a retry (tests pass a fake). */
  wait?: (ms: number) => Promise<void>;
}

/** What a call sends: the route's path parameters (required when its path has any), query and body. */
export type CallOptions<R extends RouteDefinition> = {
  /** Query values as the page sends them; empty ones (undefined, null, '') are left out. */
  query?: { [K in keyof QueryInput<R>]?: string | number | null };
  body?: BodyInput<R>;
  /** A `binaryBody` route's body (POST /imports: the ZIP), sent as it is with the route's type. */
  file?: Blob;
  signal?: AbortSignal;
} & (ParamsInput<R> extends undefined ? { params?: undefined } : { params: ParamsInput<R> });

type CallArgs<R extends RouteDefinition> = ParamsInput<R> extends undefined ? [options?: CallOptions<R>] : [options: CallOptions<R>];

const statusMessages: Record<number, string> = {
  401: 'Your session has ended. Please sign in again.',
  403: 'You are not allowed to do that.',
  404: 'Not found.',
  409: 'That conflicts with a newer change.',
  413: 'That is too large.',
  429: 'Too many requests. Please wait a moment and try again.',
  503: "Can't reach the server right now. Please try again in a moment.",
};

/**
 * Answers that mean "the server side is briefly unavailable", never "you are signed out". Reads
 * (GET) are retried a couple of times after the server's Retry-After; writes are not, because a
 * write that timed out may still have been applied (create notes with PUT to retry them safely).
 */
const retryableStatuses = new Set([502, 503, 504]);
const readRetries = 2;
const maxRetryWaitMs = 5_000;

function retryWaitMs(response: Response, attempt: number): number {
  const retryAfter = Number(response.headers?.get('retry-after'));
  return Math.min(Number.isFinite(retryAfter) && retryAfter > 0 ? retryAfter * 1000 : 1000 * 2 ** attempt, maxRetryWaitMs);
}

const isErrorBody = (value: unknown): value is ErrorBody => {
  if (typeof value !== 'object' || value === null || !('error' in value)) return false;
  const error = (value as { error: unknown }).error;
  return typeof error === 'object' && error !== null && typeof (error as { code?: unknown }).code === 'string';
};

/** The interceptor: turns any non-2xx response into an ApiError, whatever its body. */
export async function toApiError(response: Response): Promise<ApiError> {
  let body: unknown;
  try {
    body = await response.json();
  } catch {
    body = undefined;
  }
  const headerId = response.headers?.get('x-request-id') ?? undefined;
  if (isErrorBody(body)) {
    const { code, message, details } = body.error;
    const requestId = body.error.requestId ?? headerId;
    const text = message || statusMessages[response.status] || 'Something went wrong.';
    return new ApiError(response.status, code, withReference(text, response.status, requestId), details, requestId);
  }
  const fallback = statusMessages[response.status] ?? (response.status >= 500 ? 'The server had a problem. Please try again.' : `Request failed (${response.status}).`);
  return new ApiError(response.status, response.status === 401 ? 'unauthorized' : 'http_error', withReference(fallback, response.status, headerId), undefined, headerId);
}

/** `api(createNoteRoute, { body })`: the URL, method and credentials come from the route object. */
export type ApiClient = <R extends RouteDefinition>(route: R, ...args: CallArgs<R>) => Promise<ResponseOf<R>>;

export function createApiClient({
  baseUrl,
  getAccessToken,
  onUnauthorized,
  fetch: fetchImpl = (...args) => fetch(...args),
  wait = (ms) => new Promise((resolve) => setTimeout(resolve, ms)),
}: ApiClientOptions): ApiClient {
  const base = baseUrl.replace(/\/+$/, '');

  return async function request<R extends RouteDefinition>(route: R, ...[options]: CallArgs<R>): Promise<ResponseOf<R>> {
    type T = ResponseOf<R>;
    const { params, query, body, file, signal } = (options ?? {}) as CallOptions<RouteDefinition> & { params?: Record<string, string> };
    const method = route.method.toUpperCase();
    const anonymous = route.auth === 'public';
    // A deployed build's base is the path /api (same origin): resolved against the page.
    const url = new URL(base + routePath(route, params), globalThis.location?.href);
    for (const [key, value] of Object.entries(query ?? {}) as [string, unknown][]) {
      if (value !== undefined && value !== null && value !== '') url.searchParams.set(key, String(value));
    }
    const headers: Record<string, string> = { Accept: 'application/json' };
    if (body !== undefined) headers['Content-Type'] = 'application/json';
    if (file && route.binaryBody) headers['Content-Type'] = route.binaryBody.contentType;
    if (!anonymous) {
      const token = await getAccessToken();
      if (token === null) {
        onUnauthorized();
        throw new ApiError(401, 'unauthorized', statusMessages[401]!);
      }
      headers.Authorization = `Bearer ${token}`;
    }

    let response: Response;
    for (let attempt = 0; ; attempt++) {
      try {
        response = await fetchImpl(url.toString(), {
          method,
          headers,
          body: file ?? (body === undefined ? undefined : JSON.stringify(body)),
          signal,
        });
      } catch (error) {
        if ((error as Error).name === 'AbortError') throw error;
        throw new ApiError(0, 'network_error', "Can't reach the server. Check your connection and try again.");
      }
      if (method !== 'GET' || !retryableStatuses.has(response.status) || attempt >= readRetries || signal?.aborted) break;
      await wait(retryWaitMs(response, attempt));
    }

    if (!response.ok) {
      const error = await toApiError(response);
      if (response.status === 401 && !anonymous) onUnauthorized();
      throw error;
    }
    if (response.status === 204) return undefined as T;
    const text = await response.text();
    if (text === '') return undefined as T;
    try {
      return JSON.parse(text) as T;
    } catch {
      throw new ApiError(response.status, 'invalid_response', 'The server sent a response we could not read.');
    }
  };
}
