'use strict';
// CORS of the API, decided once from the stage's params (read by serverless.yml through
// `${file(./cors.cjs):...}`).
//
// On AWS the SPA calls the API on its own origin (the web stack's CloudFront serves it under
// /api/*), so it needs no CORS at all, and nothing has to know the site's address before the
// site exists: `webOrigin` is empty by default and the user routes declare no CORS. A stage that
// serves the SPA from somewhere else (and the local stack, for tests that call the API directly
// from a page's origin) names that one origin. Never `*`: it would let any page use a token it
// got hold of without a preflight check on the origin.
//
// /v1 is for programs, which do not need CORS; `developerApiOrigin` opts one browser origin in.
// Gateway responses (401s, 404s, 429s from API Gateway itself) are API-wide and follow the user
// routes' rule, which the /v1 rule must match when both are set (see the template tests).
const allowedHeaders = ['Content-Type', 'Authorization', 'X-Api-Key'];

function rule(origin) {
  return origin ? { origin, headers: allowedHeaders, allowCredentials: false, maxAge: 600 } : false;
}

const param = (resolveVariable, name) => resolveVariable(`param:${name}`);

module.exports.userRoutes = async ({ resolveVariable }) => rule(await param(resolveVariable, 'webOrigin'));

module.exports.developerApi = async ({ resolveVariable }) => rule(await param(resolveVariable, 'developerApiOrigin'));

// Every gateway response also carries its request id (x-request-id), like the functions' answers.
module.exports.gatewayResponseHeaders = async ({ resolveVariable }) => {
  const requestId = { 'gatewayresponse.header.x-request-id': 'context.requestId' };
  const origin = await param(resolveVariable, 'webOrigin');
  if (!origin) return requestId;
  return {
    ...requestId,
    'gatewayresponse.header.Access-Control-Allow-Origin': `'${origin}'`,
    'gatewayresponse.header.Access-Control-Allow-Headers': `'${allowedHeaders.join(',')}'`,
    'gatewayresponse.header.Vary': "'Origin'",
  };
};

// An authorizer that could not decide (a dependency it reads is down or slow) is a 503 to retry,
// like the functions' own dependency failures, never a 500 or a 401 that reads as "sign in again".
module.exports.unavailableGatewayResponseHeaders = async (options) => ({
  ...(await module.exports.gatewayResponseHeaders(options)),
  'gatewayresponse.header.Retry-After': "'2'",
});

// Presigned S3 uploads and downloads come from the browser, so the bucket needs CORS even when
// the API does not. Without a named web origin it allows any origin, which is safe here: every
// request must carry a presigned URL's signature (issued by the API to the note's owner, for one
// key, for minutes), credentials are never allowed, and a page that holds such a URL could use
// it without CORS anyway (an <img> or a form post).
module.exports.attachmentOrigins = async ({ resolveVariable }) => {
  const origin = await param(resolveVariable, 'webOrigin');
  return [origin || '*'];
};
