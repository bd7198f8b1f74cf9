// The developer API's AWS-only parts in the packaged prod api template: the /v1 usage plan
// (per-key throttle, daily quota), API keys sourced from the authorizer, the /v1 methods metered
// and guarded by the key authorizer, the IAM for run-time keys, the dashboard and the 5XX alarm.
import { asArray, resourcesOfType, template } from './templates';

const api = () => template('api');
const resources = () => api().Resources;

describe('/v1 usage plan', () => {
  const plans = () => resourcesOfType('AWS::ApiGateway::UsagePlan', ['api']);

  test('one usage plan on the stage, with a per-key throttle and a daily quota (prod params)', () => {
    expect(plans()).toHaveLength(1);
    const [, , plan] = plans()[0]!;
    expect(plan.Properties?.UsagePlanName).toBe('jotter-api-prod-v1');
    expect(plan.Properties?.ApiStages).toEqual([{ ApiId: { Ref: 'ApiGatewayRestApi' }, Stage: 'prod' }]);
    expect(plan.Properties?.Throttle).toEqual({ RateLimit: 10, BurstLimit: 20 });
    expect(plan.Properties?.Quota).toEqual({ Limit: 5500, Period: 'DAY' });
  });

  test('is created after the deployment that creates its stage', () => {
    const [, , plan] = plans()[0]!;
    const deployment = Object.keys(resources()).find((id) => resources()[id]!.Type === 'AWS::ApiGateway::Deployment');
    expect(asArray(plan.DependsOn)).toContain(deployment);
  });

  test('our own daily quota (5000, enforced in code) is below the plan’s backstop', () => {
    const fn = Object.values(resources()).find((r) => r.Type === 'AWS::Lambda::Function' && r.Properties?.Environment?.Variables?.API_KEY_DAILY_QUOTA);
    const quota = Number(fn?.Properties?.Environment?.Variables?.API_KEY_DAILY_QUOTA);
    expect(quota).toBe(5000);
    const [, , plan] = plans()[0]!;
    expect(quota).toBeLessThan(plan.Properties?.Quota?.Limit);
  });

  test('API keys come from the authorizer (apiKeySourceType AUTHORIZER)', () => {
    expect(resources().ApiGatewayRestApi?.Properties?.ApiKeySourceType).toBe('AUTHORIZER');
  });

  test('the quota backstop answers in the error shape', () => {
    const response = resourcesOfType('AWS::ApiGateway::GatewayResponse', ['api']).find(([, , r]) => r.Properties?.ResponseType === 'QUOTA_EXCEEDED');
    expect(response?.[2].Properties?.StatusCode).toBe('429');
    expect(JSON.parse(response?.[2].Properties?.ResponseTemplates?.['application/json'])).toEqual({
      error: { code: 'quota_exceeded', message: expect.any(String), requestId: '$context.requestId' },
    });
  });
});

describe('/v1 methods', () => {
  const methods = () =>
    Object.entries(resources()).filter(
      ([id, r]) => r.Type === 'AWS::ApiGateway::Method' && /^ApiGatewayMethodV1/.test(id) && r.Properties?.HttpMethod !== 'OPTIONS',
    );

  test('only GET exists under /v1 (notes, one note, search)', () => {
    expect(methods().map(([, r]) => r.Properties?.HttpMethod)).toEqual(['GET', 'GET', 'GET']);
  });

  test('require an API key (metered by the plan) and use the uncached REQUEST authorizer on x-api-key', () => {
    for (const [, method] of methods()) {
      expect(method.Properties?.ApiKeyRequired).toBe(true);
      const authorizerId = method.Properties?.AuthorizerId?.Ref;
      const authorizer = resources()[authorizerId];
      expect(authorizer?.Properties).toMatchObject({
        Type: 'REQUEST',
        IdentitySource: 'method.request.header.x-api-key',
        AuthorizerResultTtlInSeconds: 0,
      });
    }
  });

  test('user routes do not require an API key', () => {
    const userMethods = Object.entries(resources()).filter(
      ([id, r]) => r.Type === 'AWS::ApiGateway::Method' && !/^ApiGatewayMethodV1/.test(id),
    );
    expect(userMethods.length).toBeGreaterThan(0);
    for (const [, method] of userMethods) expect(method.Properties?.ApiKeyRequired ?? false).toBe(false);
  });
});

describe('IAM for run-time API keys', () => {
  test('API Gateway actions are limited to API keys and usage plan keys', () => {
    const statements = [
      ...resourcesOfType('AWS::IAM::Role', ['api']).flatMap(([, , role]) => asArray(role.Properties?.Policies).map((p: any) => p.PolicyDocument)),
      ...resourcesOfType('AWS::IAM::Policy', ['api']).map(([, , policy]) => policy.Properties?.PolicyDocument),
    ]
      .flatMap((doc: any) => asArray(doc?.Statement))
      .filter((st: any) => asArray(st.Action).some((a: unknown) => String(a).startsWith('apigateway:')));
    expect(statements.length).toBeGreaterThan(0);
    const resourcesOf = statements.flatMap((st: any) => asArray(st.Resource)).map((r: any) => JSON.stringify(r));
    for (const r of resourcesOf) expect(r).toMatch(/::\/(apikeys|usageplans)/);
    expect(resourcesOf.join()).not.toMatch(/restapis/);
  });
});

describe('observability of the developer API', () => {
  test('the dashboard shows /v1 requests and usage by key', () => {
    const [, , dashboard] = resourcesOfType('AWS::CloudWatch::Dashboard', ['api'])[0]!;
    const body = JSON.stringify(dashboard.Properties?.DashboardBody);
    expect(body).toContain('v1ListNotes');
    expect(body).toContain('v1GetNote');
    expect(body).toMatch(/stats .* by keyId/);
  });

  test('an alarm on the API 5XX rate notifies a topic', () => {
    const alarms = resourcesOfType('AWS::CloudWatch::Alarm', ['api']);
    const [, , alarm] = alarms.find(([, , a]) => (JSON.stringify(a.Properties?.Metrics) ?? '').includes('5XXError'))!;
    const metrics = alarm.Properties?.Metrics as any[];
    const names = metrics.filter((m) => m.MetricStat).map((m) => m.MetricStat.Metric.MetricName).sort();
    expect(names).toEqual(['5XXError', 'Count']);
    expect(metrics.find((m) => m.ReturnData)?.Expression).toMatch(/errors \/ requests/);
    expect(alarm.Properties).toMatchObject({ ComparisonOperator: 'GreaterThanOrEqualToThreshold', Threshold: 5 });
    expect(asArray(alarm.Properties?.AlarmActions)).toEqual([{ Ref: 'ApiAlarmsTopic' }]);
    expect(resources().ApiAlarmsTopic?.Type).toBe('AWS::SNS::Topic');
  });
});
