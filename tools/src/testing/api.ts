import type { StackInfo } from './stack';

export interface ApiResponse<T = unknown> {
  status: number;
  headers: Headers;
  /** Parsed JSON, or null when the body is empty or not JSON. */
  body: T | null;
  text: string;
}

export interface ApiClient {
  get<T = unknown>(path: string, headers?: Record<string, string>): Promise<ApiResponse<T>>;
  post<T = unknown>(path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse<T>>;
  put<T = unknown>(path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse<T>>;
  delete<T = unknown>(path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse<T>>;
  request<T = unknown>(method: string, path: string, body?: unknown, headers?: Record<string, string>): Promise<ApiResponse<T>>;
}

/** A fetch wrapper on `stack.apiUrl` (through the gateway proxy), with a Bearer token if given. */
export function apiClient(stack: Pick<StackInfo, 'apiUrl'>, accessToken?: string): ApiClient {
  const request = async <T>(method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<ApiResponse<T>> => {
    const h: Record<string, string> = {};
    if (accessToken) h.authorization = `Bearer ${accessToken}`;
    // Strings are sent as given (to test malformed JSON); anything else as JSON.
    if (body !== undefined) h['content-type'] = 'application/json';
    Object.assign(h, Object.fromEntries(Object.entries(headers).map(([k, v]) => [k.toLowerCase(), v])));
    const res = await fetch(`${stack.apiUrl}${path.startsWith('/') ? '' : '/'}${path}`, {
      method,
      headers: h,
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: T | null = null;
    if (text) {
      try {
        parsed = JSON.parse(text) as T;
      } catch {
        parsed = null;
      }
    }
    return { status: res.status, headers: res.headers, body: parsed, text };
  };
  return {
    request,
    get: (path, headers) => request('GET', path, undefined, headers),
    post: (path, body, headers) => request('POST', path, body, headers),
    put: (path, body, headers) => request('PUT', path, body, headers),
    delete: (path, body, headers) => request('DELETE', path, body, headers),
  };
}
