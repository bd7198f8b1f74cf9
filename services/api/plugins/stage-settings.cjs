// Stage-wide API Gateway throttling. The framework (v3) creates the REST API's stage implicitly,
// through an AWS::ApiGateway::Deployment whose logical id changes on every deploy, and offers no
// setting for the stage's default throttle (its usagePlan throttle only covers API-key callers).
// This hook sets StageDescription on that deployment from `custom.stageThrottling`.
class StageThrottling {
  constructor(serverless) {
    this.serverless = serverless;
    this.hooks = { 'before:package:finalize': () => this.apply() };
  }

  apply() {
    const { rateLimit, burstLimit } = this.serverless.service.custom.stageThrottling;
    const resources = this.serverless.service.provider.compiledCloudFormationTemplate.Resources;
    for (const resource of Object.values(resources)) {
      if (resource.Type !== 'AWS::ApiGateway::Deployment') continue;
      resource.Properties.StageDescription = {
        ...resource.Properties.StageDescription,
        ThrottlingRateLimit: Number(rateLimit),
        ThrottlingBurstLimit: Number(burstLimit),
      };
    }
  }
}

module.exports = StageThrottling;
