import { curlFor } from './curl';

describe('curlFor', () => {
  it('uses the API key header and path placeholders for /v1 reads', () => {
    expect(curlFor('https://api.example.com/prod/', 'get', '/v1/notes/{noteId}', { security: [{ apiKey: [] }] })).toBe(
      "curl 'https://api.example.com/prod/v1/notes/<noteId>' \\\n  -H 'x-api-key: <your API key>'",
    );
  });

  it('sends the example body with a Bearer token for user writes, shell-quoted', () => {
    const command = curlFor('http://localhost:3000/dev', 'post', '/notes', {
      security: [{ bearerAuth: [] }],
      requestBody: { content: { 'application/json': { example: { title: "Bob's list", content: '' } } } },
    });
    expect(command).toBe(
      [
        "curl -X POST 'http://localhost:3000/dev/notes'",
        "-H 'Authorization: Bearer <access token>'",
        "-H 'Content-Type: application/json'",
        `-d '{"title":"Bob'\\''s list","content":""}'`,
      ].join(' \\\n  '),
    );
  });
});
