// Live sync on AWS (docs/live-sync.md): the WebSocket API and its routes, the fan-out's event
// source mapping on the table's stream, and who may post to connections.
import { resourcesOfType, rolesAllowing, streamMappingOf, template } from './templates';

const resources = template('api').Resources;

test('one WebSocket API with $connect, $disconnect and $default, each on its own function', () => {
  const apis = resourcesOfType('AWS::ApiGatewayV2::Api', ['api']);
  expect(apis.map(([, id, api]) => [id, api.Properties?.ProtocolType])).toEqual([['WebsocketsApi', 'WEBSOCKET']]);
  const routes = resourcesOfType('AWS::ApiGatewayV2::Route', ['api']).map(([, , route]) => route.Properties!);
  expect(routes.map((route) => route.RouteKey).sort()).toEqual(['$connect', '$default', '$disconnect']);
  const integrations = resourcesOfType('AWS::ApiGatewayV2::Integration', ['api']).map(([, , i]) => JSON.stringify(i.Properties?.IntegrationUri));
  for (const fn of ['LiveConnectLambdaFunction', 'LiveDisconnectLambdaFunction', 'LiveMessageLambdaFunction']) {
    expect(integrations.filter((uri) => uri.includes(fn))).toHaveLength(1);
  }
  // Verification happens in $connect itself (the token travels as a subprotocol, which it must echo).
  for (const route of routes) expect(route.AuthorizationType ?? 'NONE').toBe('NONE');
});

test('the fan-out reads the stream at once, bisects and retries failures, then parks them', () => {
  expect(streamMappingOf('PushLiveEventsLambdaFunction')).toMatchObject({
    StartingPosition: 'LATEST',
    MaximumBatchingWindowInSeconds: 0,
    BisectBatchOnFunctionError: true,
    MaximumRetryAttempts: 3,
    MaximumRecordAgeInSeconds: 60,
  });
});

test('only the fan-out and $default may manage connections, and only of this API and stage', () => {
  const roles = rolesAllowing('execute-api:ManageConnections');
  expect(roles.map(([id]) => id).sort()).toEqual(['LiveMessageLambdaFunctionRole', 'PushLiveEventsLambdaFunctionRole']);
  for (const [, statements] of roles) {
    expect(statements).toHaveLength(1);
    expect(statements[0].Resource).toEqual({ 'Fn::Sub': 'arn:${AWS::Partition}:execute-api:${AWS::Region}:${AWS::AccountId}:${WebsocketsApi}/prod/*/@connections/*' });
  }
});

test('the functions that post find the management endpoint of this API and stage', () => {
  for (const fn of ['LiveMessageLambdaFunction', 'PushLiveEventsLambdaFunction']) {
    expect(resources[fn]!.Properties?.Environment?.Variables?.LIVE_ENDPOINT).toEqual({ 'Fn::Sub': 'https://${WebsocketsApi}.execute-api.${AWS::Region}.${AWS::URLSuffix}/prod' });
  }
});
