import { createNoteRoute, getNoteRoute, listNotesRoute, trashNoteRoute, updateNoteRoute } from '@jotter/shared/contract/notes';
import { importRoute } from '@jotter/shared/contract/exports';
import { healthRoute, meRoute } from '@jotter/shared/contract/system';
import { ApiError, createApiClient, isApiError } from './api-client';

// jsdom has no fetch/Response: a minimal stand-in with what the client reads.
const fakeResponse = (status: number, text: string) =>
  ({
    ok: status >= 200 && status < 300,
    status,
    text: async () => text,
    json: async () => JSON.parse(text) as unknown,
  }) as Response;
const json = (status: number, body: unknown) => fakeResponse(status, body === undefined ? '' : JSON.stringify(body));

function setup(response: Response | (() => Promise<Response>), token: string | null = 'tok') {
  const fetchMock = jest.fn<Promise<Response>, [string, RequestInit]>(typeof response === 'function' ? response : async () => response);
  const onUnauthorized = jest.fn();
  const client = createApiClient({ baseUrl: 'http://api.test/dev/', getAccessToken: async () => token, onUnauthorized, fetch: fetchMock as unknown as typeof fetch });
  return { client, fetchMock, onUnauthorized };
}

describe('createApiClient', () => {
  it('sends the access token as a Bearer header and JSON bodies', async () => {
    const { client, fetchMock } = setup(json(201, { noteId: 'n1' }));
    await expect(client(createNoteRoute, { body: { title: 't', content: '' } })).resolves.toEqual({ noteId: 'n1' });
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(url).toBe('http://api.test/dev/notes');
    expect((init.headers as Record<string, string>).Authorization).toBe('Bearer tok');
    expect((init.headers as Record<string, string>)['Content-Type']).toBe('application/json');
    expect(init.body).toBe('{"title":"t","content":""}');
  });

  it("sends a binary route's file as it is, typed as the route says", async () => {
    const { client, fetchMock } = setup(json(200, { imported: 1, skipped: [] }));
    const file = new Blob([new Uint8Array([0x50, 0x4b, 0x03, 0x04])]);
    await expect(client(importRoute, { file })).resolves.toEqual({ imported: 1, skipped: [] });
    const [url, init] = fetchMock.mock.calls[0]!;
    expect(`${init.method} ${url}`).toBe('POST http://api.test/dev/imports');
    expect((init.headers as Record<string, string>)['Content-Type']).toBe('application/zip');
    expect(init.body).toBe(file);
  });

  it('builds the URL and method from the route object, path parameters encoded', async () => {
    const { client, fetchMock } = setup(json(200, {}));
    await client(getNoteRoute, { params: { noteId: 'a/b c' } });
    await client(trashNoteRoute, { params: { noteId: 'n1' } });
    expect(fetchMock.mock.calls.map(([url, init]) => `${init.method} ${url}`)).toEqual([
      'GET http://api.test/dev/notes/a%2Fb%20c',
      'DELETE http://api.test/dev/notes/n1',
    ]);
  });

  it('adds query parameters and skips empty ones', async () => {
    const { client, fetchMock } = setup(json(200, { items: [], nextCursor: null }));
    await client(listNotesRoute, { query: { limit: 20, cursor: null } });
    expect(fetchMock.mock.calls[0]?.[0]).toBe('http://api.test/dev/notes?limit=20');
  });

  it('turns the contract error body into a typed ApiError', async () => {
    const { client } = setup(json(409, { error: { code: 'version_conflict', message: 'The note changed', details: [{ path: 'body.version', message: 'stale' }] } }));
    const error = await client(updateNoteRoute, { params: { noteId: '1' }, body: { version: 1 } }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    expect(isApiError(error, 'version_conflict')).toBe(true);
    expect(error).toMatchObject({ status: 409, code: 'version_conflict', message: 'The note changed', details: [{ path: 'body.version', message: 'stale' }] });
  });

  it('makes an ApiError out of a non-JSON error too', async () => {
    const { client } = setup(fakeResponse(502, '<html>Bad gateway</html>'));
    await expect(client(listNotesRoute)).rejects.toMatchObject({ status: 502, code: 'http_error', message: expect.stringMatching(/server had a problem/) });
  });

  it('signs out on 401 and still rejects', async () => {
    const { client, onUnauthorized } = setup(json(401, { error: { code: 'unauthorized', message: 'Unauthorized' } }));
    await expect(client(meRoute)).rejects.toMatchObject({ status: 401, code: 'unauthorized' });
    expect(onUnauthorized).toHaveBeenCalledTimes(1);
  });

  it('signs out without a request when there is no session', async () => {
    const { client, fetchMock, onUnauthorized } = setup(json(200, {}), null);
    await expect(client(listNotesRoute)).rejects.toMatchObject({ status: 401 });
    expect(fetchMock).not.toHaveBeenCalled();
    expect(onUnauthorized).toHaveBeenCalled();
  });

  it('calls public routes without a token', async () => {
    const { client, fetchMock } = setup(json(200, { status: 'ok' }), null);
    await expect(client(healthRoute)).resolves.toEqual({ status: 'ok' });
    expect(fetchMock.mock.calls[0]![1].headers).not.toHaveProperty('Authorization');
  });

  it('maps network failures to network_error and 204 to undefined', async () => {
    const offline = setup(async () => {
      throw new TypeError('Failed to fetch');
    });
    await expect(offline.client(listNotesRoute)).rejects.toMatchObject({ status: 0, code: 'network_error' });
    const empty = setup(fakeResponse(204, ''));
    await expect(empty.client(trashNoteRoute, { params: { noteId: '1' } })).resolves.toBeUndefined();
  });

  it('server errors name their request: "Reference: …" in the message, the id on the error', async () => {
    const { client } = setup(json(500, { error: { code: 'internal_error', message: 'Something went wrong on our side', requestId: 'req-42' } }));
    const error = (await client(listNotesRoute).catch((e: unknown) => e)) as ApiError;
    expect(error.message).toBe('Something went wrong on our side Reference: req-42');
    expect(error.requestId).toBe('req-42');
  });

  it('a path base (/api, the same origin) resolves against the page', async () => {
    const fetchMock = jest.fn(async () => json(200, {}));
    const client = createApiClient({ baseUrl: '/api', getAccessToken: async () => 'tok', onUnauthorized: jest.fn(), fetch: fetchMock as unknown as typeof fetch });
    await client(listNotesRoute, { query: { limit: 5 } });
    expect(fetchMock.mock.calls[0]).toEqual([`${window.location.origin}/api/notes?limit=5`, expect.anything()]);
  });
});

describe('createApiClient when the server is briefly unavailable', () => {
  const unavailable = () => ({
    ...json(503, { error: { code: 'service_unavailable', message: 'The service is briefly unavailable; try again in a few seconds' } }),
    headers: new Headers({ 'retry-after': '2' }),
  }) as Response;

  function setupSequence(responses: Response[]) {
    const fetchMock = jest.fn<Promise<Response>, [string, RequestInit]>(async () => responses.shift()!);
    const onUnauthorized = jest.fn();
    const waits: number[] = [];
    const client = createApiClient({
      baseUrl: 'http://api.test/dev',
      getAccessToken: async () => 'tok',
      onUnauthorized,
      fetch: fetchMock as unknown as typeof fetch,
      wait: async (ms) => void waits.push(ms),
    });
    return { client, fetchMock, onUnauthorized, waits };
  }

  it('retries a read after Retry-After and never signs out', async () => {
    const { client, fetchMock, onUnauthorized, waits } = setupSequence([unavailable(), json(200, { items: [] })]);
    await expect(client(listNotesRoute)).resolves.toEqual({ items: [] });
    expect(fetchMock).toHaveBeenCalledTimes(2);
    expect(waits).toEqual([2000]);
    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it('gives up on a read after two retries with the server message, still signed in', async () => {
    const { client, fetchMock, onUnauthorized } = setupSequence([unavailable(), unavailable(), unavailable()]);
    await expect(client(listNotesRoute)).rejects.toMatchObject({ status: 503, code: 'service_unavailable' });
    expect(fetchMock).toHaveBeenCalledTimes(3);
    expect(onUnauthorized).not.toHaveBeenCalled();
  });

  it('does not repeat a write (it may have been applied), and does not sign out', async () => {
    const { client, fetchMock, onUnauthorized } = setupSequence([unavailable(), json(201, {})]);
    await expect(client(createNoteRoute, { body: { title: 't', content: '' } })).rejects.toMatchObject({ status: 503, code: 'service_unavailable' });
    expect(fetchMock).toHaveBeenCalledTimes(1);
    expect(onUnauthorized).not.toHaveBeenCalled();
  });
});
