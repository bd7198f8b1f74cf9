// Settings of the REST API's stage. The framework (v3) creates the stage implicitly, through an
// AWS::ApiGateway::Deployment whose logical id changes on every deploy, and offers no setting for
// the stage's default throttle (its usagePlan throttle only covers API-key callers); its tracing
// and access-log settings are applied by API calls after the deploy, invisible in the template.
// This hook sets them on that deployment's StageDescription instead, from `custom.stageSettings`:
// default throttle, per-method throttles, X-Ray tracing and JSON access logs (to
// resources/access-logs.yml's group).
const TemplatePlugin = require('./template-plugin.cjs');

class StageSettings extends TemplatePlugin {
  apply() {
    const { rateLimit, burstLimit, methodThrottles = [], tracing, accessLogGroup, accessLogFormat } = this.serverless.service.custom.stageSettings;
    // A method setting names its resource path as `/` + the path with each `/` written `~1`:
    // /public/shares/{token} → /~1public~1shares~1{token}.
    const methodSettings = methodThrottles.map((m) => ({
      ResourcePath: `/${m.path.replace(/\//g, '~1')}`,
      HttpMethod: m.method,
      ThrottlingRateLimit: Number(m.rateLimit),
      ThrottlingBurstLimit: Number(m.burstLimit),
    }));
    const resources = this.serverless.service.provider.compiledCloudFormationTemplate.Resources;
    for (const resource of Object.values(resources)) {
      if (resource.Type !== 'AWS::ApiGateway::Deployment') continue;
      resource.Properties.StageDescription = {
        ...resource.Properties.StageDescription,
        ThrottlingRateLimit: Number(rateLimit),
        ThrottlingBurstLimit: Number(burstLimit),
        TracingEnabled: tracing === true || tracing === 'true',
        ...(methodSettings.length ? { MethodSettings: methodSettings } : {}),
        AccessLogSetting: {
          DestinationArn: { 'Fn::GetAtt': [accessLogGroup, 'Arn'] },
          Format: JSON.stringify(accessLogFormat),
        },
      };
      // Access logging needs the account's API Gateway -> CloudWatch role to be in place first.
      resource.DependsOn = [...new Set([...[resource.DependsOn ?? []].flat(), 'ApiGatewayAccountLogging'])];
    }
  }
}

module.exports = StageSettings;
