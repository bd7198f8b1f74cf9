// The packaged prod template of jotter-web: private bucket behind CloudFront with OAC, SPA
// routing at the edge, cache policies, security headers, optional custom domain.
import { resourcesOfType, template, type Resource } from './templates';

const web = template('web');
const res = web.Resources;
const one = (type: string): [string, Resource] => {
  const found = Object.entries(res).filter(([, r]) => r.Type === type);
  expect(found).toHaveLength(1);
  return found[0]!;
};
const [distributionId, distribution] = one('AWS::CloudFront::Distribution');
const config = distribution.Properties!.DistributionConfig;
const allBehaviors: any[] = [config.DefaultCacheBehavior, ...(config.CacheBehaviors ?? [])];
// The SPA's own files; /api/* (the API on the same origin) is checked in its own block.
const behaviors = allBehaviors.filter((b) => b.TargetOriginId === 'site-bucket');
const apiBehavior = allBehaviors.find((b) => b.PathPattern === '/api/*');

describe('origin access', () => {
  test('Origin Access Control, and no legacy Origin Access Identity anywhere', () => {
    const [oacId, oac] = one('AWS::CloudFront::OriginAccessControl');
    expect(oac.Properties!.OriginAccessControlConfig).toMatchObject({
      OriginAccessControlOriginType: 's3',
      SigningBehavior: 'always',
      SigningProtocol: 'sigv4',
    });
    expect(resourcesOfType('AWS::CloudFront::CloudFrontOriginAccessIdentity')).toEqual([]);
    // Two origins: the site bucket (through OAC) and the API stage (checked below).
    expect(config.Origins.map((o: any) => o.Id)).toEqual(['site-bucket', 'api']);
    const origin = config.Origins[0];
    expect(origin.OriginAccessControlId).toEqual({ 'Fn::GetAtt': [oacId, 'Id'] });
    expect(origin.S3OriginConfig.OriginAccessIdentity).toBe('');
    expect(origin.DomainName).toEqual({ 'Fn::GetAtt': ['SiteBucket', 'RegionalDomainName'] });
  });

  test('the bucket policy lets only this distribution read (aws:SourceArn)', () => {
    const policy = Object.values(res).find((r) => r.Type === 'AWS::S3::BucketPolicy' && r.Properties?.Bucket?.Ref === 'SiteBucket')!;
    expect(policy).toBeDefined();
    const statements: any[] = policy.Properties!.PolicyDocument.Statement;
    const allows = statements.filter((s) => s.Effect === 'Allow');
    expect(allows.length).toBeGreaterThan(0);
    for (const s of allows) {
      expect(s.Principal).toEqual({ Service: 'cloudfront.amazonaws.com' });
      const sourceArn = s.Condition?.StringEquals?.['AWS:SourceArn'];
      expect(JSON.stringify(sourceArn)).toContain(`distribution/\${${distributionId}}`);
      expect(['s3:GetObject', 's3:ListBucket']).toContain(s.Action);
    }
    expect(statements).toContainEqual(
      expect.objectContaining({ Effect: 'Deny', Condition: { Bool: { 'aws:SecureTransport': 'false' } } }),
    );
  });
});

describe('distribution', () => {
  test('HTTPS only, HTTP/2 and HTTP/3, index.html as root, price class from params', () => {
    expect(config.Enabled).toBe(true);
    expect(config.HttpVersion).toBe('http2and3');
    expect(config.DefaultRootObject).toBe('index.html');
    expect(config.PriceClass).toMatch(/^PriceClass_(100|200|All)$/);
    for (const b of behaviors) {
      expect(b.ViewerProtocolPolicy).toBe('redirect-to-https');
      expect(b.Compress).toBe(true);
      expect(b.AllowedMethods).toEqual(['GET', 'HEAD', 'OPTIONS']);
    }
  });

  test('SPA fallback is done by routing, not by turning 403/404 errors into index.html', () => {
    expect(config.CustomErrorResponses).toBeUndefined();
  });

  test('every behavior sends the security headers policy', () => {
    for (const b of behaviors) expect(b.ResponseHeadersPolicyId).toEqual({ Ref: 'SecurityHeadersPolicy' });
  });

  test('hashed /assets/* are cached for a year; everything else (index.html) is revalidated', () => {
    const assets = config.CacheBehaviors.find((b: any) => b.PathPattern === '/assets/*');
    const policy = (b: any) => res[b.CachePolicyId.Ref]!.Properties!.CachePolicyConfig;
    expect(policy(assets)).toMatchObject({ MinTTL: 31536000, DefaultTTL: 31536000, MaxTTL: 31536000 });
    expect(policy(config.DefaultCacheBehavior)).toMatchObject({ MinTTL: 0, DefaultTTL: 0 });
    for (const b of behaviors) {
      expect(policy(b).ParametersInCacheKeyAndForwardedToOrigin).toMatchObject({
        EnableAcceptEncodingGzip: true,
        EnableAcceptEncodingBrotli: true,
        QueryStringsConfig: { QueryStringBehavior: 'none' },
      });
    }
  });
});

describe('SPA routing function (viewer-request)', () => {
  const fnId = 'SpaRoutingFunction';
  const fn = res[fnId]!;
  const handler = new Function(`${fn.Properties!.FunctionCode}\nreturn handler;`)() as (e: unknown) => { uri: string };
  const route = (uri: string) => handler({ request: { uri, method: 'GET', headers: {}, querystring: {} } }).uri;

  test('is attached to the default behavior, published, cloudfront-js-2.0', () => {
    expect(fn.Properties!.AutoPublish).toBe(true);
    expect(fn.Properties!.FunctionConfig.Runtime).toBe('cloudfront-js-2.0');
    expect(config.DefaultCacheBehavior.FunctionAssociations).toEqual([
      { EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': [fnId, 'FunctionMetadata.FunctionARN'] } },
    ]);
  });

  // A shared note's page: its token is base64url, never with a dot.
  test.each(['/', '/notes', '/notes/abc-123', '/trash/', '/settings/keys', `/s/${'Ab_-9'.repeat(8)}xyz`])('client route %s -> /index.html', (uri) => {
    expect(route(uri)).toBe('/index.html');
  });

  test.each(['/assets/index-D3adB33f.js', '/assets/missing-00000000.css', '/favicon.ico', '/robots.txt', '/index.html'])(
    'real file %s is left alone (a missing one stays a 404)',
    (uri) => {
      expect(route(uri)).toBe(uri);
    },
  );
});

describe('the API on the same origin (/api/*)', () => {
  const apiOrigin = config.Origins.find((o: any) => o.Id === 'api');
  const fn = res.ApiPathFunction!;
  const handler = new Function(`${fn.Properties!.FunctionCode}\nreturn handler;`)() as (e: unknown) => { uri: string; querystring: unknown };

  test('the origin is the api stack ServiceEndpoint (compose param): its host, with /<stage> as origin path, HTTPS only', () => {
    const split = (v: any) => v['Fn::Select'][1]['Fn::Split'];
    expect(apiOrigin.DomainName['Fn::Select'][0]).toBe(2);
    const serviceEndpoint = split(apiOrigin.DomainName)[1];
    expect(serviceEndpoint).toMatch(/^https:\/\/[a-z0-9]+\.execute-api\.[a-z0-9-]+\.amazonaws\.com\/prod$/);
    expect(apiOrigin.OriginPath).toEqual({ 'Fn::Join': ['', ['/', { 'Fn::Select': [3, { 'Fn::Split': ['/', serviceEndpoint] }] }]] });
    expect(apiOrigin.CustomOriginConfig).toMatchObject({ OriginProtocolPolicy: 'https-only', OriginSSLProtocols: ['TLSv1.2'] });
  });

  test('never cached; every method; all viewer headers but Host (so Authorization) and all query strings reach the API', () => {
    expect(apiBehavior).toMatchObject({
      TargetOriginId: 'api',
      ViewerProtocolPolicy: 'https-only',
      // Managed policies: CachingDisabled and AllViewerExceptHostHeader.
      CachePolicyId: '4135ea2d-6df8-44a3-9df3-4b5a84be39ad',
      OriginRequestPolicyId: 'b689b0a8-53d0-40ab-baf2-68738e2966ac',
      ResponseHeadersPolicyId: { Ref: 'SecurityHeadersPolicy' },
    });
    expect([...apiBehavior.AllowedMethods].sort()).toEqual(['DELETE', 'GET', 'HEAD', 'OPTIONS', 'PATCH', 'POST', 'PUT']);
    expect(apiBehavior.FunctionAssociations).toEqual([
      { EventType: 'viewer-request', FunctionARN: { 'Fn::GetAtt': ['ApiPathFunction', 'FunctionMetadata.FunctionARN'] } },
    ]);
  });

  test.each([
    ['/api/notes', '/notes'],
    ['/api/notes/abc/attachments', '/notes/abc/attachments'],
    ['/api/public/shares/Ab_-9xyz', '/public/shares/Ab_-9xyz'],
    ['/api/v1/notes', '/v1/notes'],
    ['/api/', '/'],
  ])('%s reaches the stage as %s (query string untouched)', (uri, expected) => {
    const out = handler({ request: { uri, method: 'GET', headers: {}, querystring: { limit: { value: '5' } } } });
    expect(out.uri).toBe(expected);
    expect(out.querystring).toEqual({ limit: { value: '5' } });
  });
});

describe('security headers policy', () => {
  const [, policy] = one('AWS::CloudFront::ResponseHeadersPolicy');
  const headers = policy.Properties!.ResponseHeadersPolicyConfig.SecurityHeadersConfig;
  const [cspTemplate, cspVars] = headers.ContentSecurityPolicy.ContentSecurityPolicy['Fn::Sub'] as [string, Record<string, any>];
  const directives = Object.fromEntries(
    cspTemplate.split(';').map((d) => d.trim().split(/\s+/)).map(([name, ...values]) => [name!, values]),
  );

  test('HSTS two years, subdomains, preload', () => {
    expect(headers.StrictTransportSecurity).toEqual({
      AccessControlMaxAgeSec: 63072000,
      IncludeSubdomains: true,
      Preload: true,
      Override: true,
    });
  });

  test('nosniff, DENY framing, strict-origin-when-cross-origin', () => {
    expect(headers.ContentTypeOptions).toEqual({ Override: true });
    expect(headers.FrameOptions).toEqual({ FrameOption: 'DENY', Override: true });
    expect(headers.ReferrerPolicy).toEqual({ ReferrerPolicy: 'strict-origin-when-cross-origin', Override: true });
  });

  test("CSP: frame-ancestors 'none', self by default, no unsafe-*", () => {
    expect(headers.ContentSecurityPolicy.Override).toBe(true);
    expect(directives['frame-ancestors']).toEqual(["'none'"]);
    expect(directives['default-src']).toEqual(["'self'"]);
    expect(directives['script-src']).toEqual(["'self'"]);
    expect(directives['object-src']).toEqual(["'none'"]);
    expect(cspTemplate).not.toMatch(/unsafe-(inline|eval)/);
  });

  test('CSP: connect-src is self + the stage API origin + Cognito (+ the attachments bucket for uploads)', () => {
    expect(directives['connect-src']).toEqual(["'self'", '${ApiOrigin}', '${CognitoOrigin}', '${AttachmentsOrigin}']);
    expect(directives['img-src']).toEqual(["'self'", 'data:', 'blob:', '${AttachmentsOrigin}']);
    expect(cspVars.CognitoOrigin).toMatch(/^https:\/\/cognito-idp\.[a-z0-9-]+\.amazonaws\.com$/);
    expect(cspVars.AttachmentsOrigin).toMatch(/^https:\/\/[a-z0-9.-]+\.s3\.[a-z0-9-]+\.amazonaws\.com$/);
    // The API origin is cut out of the apiUrl param (scheme + // + host), never a localhost default.
    const apiUrl = cspVars.ApiOrigin['Fn::Join'][1][0]['Fn::Select'][1]['Fn::Split'][1];
    expect(apiUrl).toMatch(/^https:\/\//);
    const [scheme, , host] = apiUrl.split('/');
    expect(`${scheme}//${host}`).toMatch(/^https:\/\/[a-z0-9.-]+$/);
  });
});

describe('custom domain (optional, by params)', () => {
  test('parameters with defaults from params, conditions decide aliases, certificate and DNS', () => {
    expect(Object.keys(web.Parameters ?? {})).toEqual(['DomainName', 'CertificateArn', 'HostedZoneId']);
    expect(web.Parameters!.CertificateArn.AllowedPattern).toContain('acm:us-east-1');
    expect(config.Aliases).toEqual({ 'Fn::If': ['HasCustomDomain', [{ Ref: 'DomainName' }], { Ref: 'AWS::NoValue' }] });
    expect(config.ViewerCertificate['Fn::If'][0]).toBe('HasCustomDomain');
    expect(config.ViewerCertificate['Fn::If'][1]).toMatchObject({
      AcmCertificateArn: { Ref: 'CertificateArn' },
      SslSupportMethod: 'sni-only',
      MinimumProtocolVersion: 'TLSv1.2_2021',
    });
    expect(config.ViewerCertificate['Fn::If'][2]).toEqual({ CloudFrontDefaultCertificate: true });
    const records = resourcesOfType('AWS::Route53::RecordSet', ['web']).map(([, , r]) => r);
    expect(records.map((r) => r.Properties!.Type).sort()).toEqual(['A', 'AAAA']);
    for (const r of records) {
      expect(r.Condition).toBe('HasDnsRecords');
      expect(r.Properties!.AliasTarget).toEqual({
        DNSName: { 'Fn::GetAtt': [distributionId, 'DomainName'] },
        HostedZoneId: 'Z2FDTNDATAQYW2',
        EvaluateTargetHealth: false,
      });
    }
  });

  test('outputs: SiteBucketName, DistributionId, SiteUrl', () => {
    expect(web.Outputs).toMatchObject({
      SiteBucketName: { Value: { Ref: 'SiteBucket' } },
      DistributionId: { Value: { Ref: distributionId } },
      SiteUrl: { Value: { 'Fn::If': ['HasCustomDomain', expect.anything(), expect.anything()] } },
    });
  });

  test('the stack has no functions', () => {
    expect(resourcesOfType('AWS::Lambda::Function', ['web'])).toEqual([]);
  });
});
