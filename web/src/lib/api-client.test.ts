import { createNoteRoute, getNoteRoute, listNotesRoute, trashNoteRoute, updateNoteRoute } from '@jotter/shared/contract/notes';
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
});
