// One CloudWatch alarm per function for errors and one for throttles, to the stage's alarms topic
// (resources/alarms.yml). Generated so that a new function is watched without editing YAML.
const TemplatePlugin = require('./template-plugin.cjs');

class FunctionAlarms extends TemplatePlugin {
  apply() {
    const service = this.serverless.service;
    const naming = this.serverless.getProvider('aws').naming;
    const resources = service.provider.compiledCloudFormationTemplate.Resources;
    const stage = this.serverless.getProvider('aws').getStage();
    for (const name of service.getAllFunctions()) {
      const fnId = naming.getLambdaLogicalId(name);
      const functionName = resources[fnId].Properties.FunctionName;
      for (const [metric, what] of [
        ['Errors', 'threw or timed out'],
        ['Throttles', 'was throttled (concurrency limit)'],
      ]) {
        resources[`${fnId}${metric}Alarm`] = {
          Type: 'AWS::CloudWatch::Alarm',
          Properties: {
            AlarmName: `jotter-${stage}-${name}-${metric.toLowerCase()}`,
            AlarmDescription: `${functionName} ${what} in the last 5 minutes`,
            Namespace: 'AWS/Lambda',
            MetricName: metric,
            Dimensions: [{ Name: 'FunctionName', Value: { Ref: fnId } }],
            Statistic: 'Sum',
            Period: 300,
            EvaluationPeriods: 1,
            Threshold: 1,
            ComparisonOperator: 'GreaterThanOrEqualToThreshold',
            TreatMissingData: 'notBreaching',
            AlarmActions: [{ Ref: 'ApiAlarmsTopic' }],
            OKActions: [{ Ref: 'ApiAlarmsTopic' }],
          },
        };
      }
    }
  }
}

module.exports = FunctionAlarms;
