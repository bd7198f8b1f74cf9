// One IAM role per function, holding only the permission groups it is listed with in
// `custom.functionPermissions` (serverless.yml). The framework (v3) gives every function of a
// service one shared role (provider.iam); a function missing from the list fails packaging, so
// every new function gets an explicit decision. Each role may write only its own function's log
// group (and X-Ray segments). A group may also name `extraPolicies`: separate AWS::IAM::Policy
// resources attached to the role, for resources the function itself cannot reference without a
// dependency cycle (the /v1 usage plan: plan -> deployment -> methods -> function -> role).
const TemplatePlugin = require('./template-plugin.cjs');

class FunctionRoles extends TemplatePlugin {
  apply() {
    const service = this.serverless.service;
    const { functionPermissions, permissionGroups } = service.custom;
    const naming = this.serverless.getProvider('aws').naming;
    const resources = service.provider.compiledCloudFormationTemplate.Resources;
    const unlisted = service.getAllFunctions().filter((name) => !(name in functionPermissions));
    if (unlisted.length) {
      throw new this.serverless.classes.Error(`custom.functionPermissions has no entry for ${unlisted.join(', ')}: list the permission groups each function needs ([] for none)`);
    }
    for (const [name, groups] of Object.entries(functionPermissions)) {
      const fnId = naming.getLambdaLogicalId(name);
      const fn = resources[fnId];
      if (!fn) throw new this.serverless.classes.Error(`custom.functionPermissions names ${name}, which is not a function`);
      const unknown = groups.filter((g) => !permissionGroups[g]);
      if (unknown.length) throw new this.serverless.classes.Error(`${name}: unknown permission group ${unknown.join(', ')}`);
      const roleId = `${fnId}Role`;
      const logGroup = { 'Fn::Sub': `arn:\${AWS::Partition}:logs:\${AWS::Region}:\${AWS::AccountId}:log-group:/aws/lambda/${fn.Properties.FunctionName}` };
      const statements = [
        { Effect: 'Allow', Action: ['logs:CreateLogStream', 'logs:PutLogEvents'], Resource: [{ 'Fn::Join': ['', [logGroup, ':*']] }] },
        ...(fn.Properties.TracingConfig ? [{ Effect: 'Allow', Action: ['xray:PutTraceSegments', 'xray:PutTelemetryRecords'], Resource: '*' }] : []),
        ...groups.flatMap((g) => permissionGroups[g].statements ?? []),
      ];
      resources[roleId] = {
        Type: 'AWS::IAM::Role',
        Properties: {
          AssumeRolePolicyDocument: {
            Version: '2012-10-17',
            Statement: [{ Effect: 'Allow', Principal: { Service: ['lambda.amazonaws.com'] }, Action: ['sts:AssumeRole'] }],
          },
          Policies: [{ PolicyName: `${name}-permissions`, PolicyDocument: { Version: '2012-10-17', Statement: statements } }],
        },
      };
      for (const g of groups) {
        for (const [i, statement] of (permissionGroups[g].extraPolicies ?? []).entries()) {
          resources[`${fnId}${g[0].toUpperCase()}${g.slice(1)}Policy${i || ''}`] = {
            Type: 'AWS::IAM::Policy',
            Properties: {
              PolicyName: `${name}-${g}`,
              Roles: [{ Ref: roleId }],
              PolicyDocument: { Version: '2012-10-17', Statement: [statement] },
            },
          };
        }
      }
      fn.Properties.Role = { 'Fn::GetAtt': [roleId, 'Arn'] };
      fn.DependsOn = [...new Set([...(fn.DependsOn ?? []).filter((d) => d !== 'IamRoleLambdaExecution'), roleId])];
    }
    // A stream's event source mapping waits for the role that may read the stream: the function's own.
    for (const resource of Object.values(resources)) {
      if (resource.Type !== 'AWS::Lambda::EventSourceMapping' || !resource.DependsOn) continue;
      const fnId = resource.Properties.FunctionName?.['Fn::GetAtt']?.[0];
      const depends = [].concat(resource.DependsOn).filter((d) => d !== 'IamRoleLambdaExecution');
      resource.DependsOn = fnId && resources[`${fnId}Role`] ? [...new Set([...depends, `${fnId}Role`])] : depends;
    }
    // The framework's shared role, now used by nothing (checked: a leftover reference would fail the deploy).
    delete resources.IamRoleLambdaExecution;
    if (JSON.stringify(resources).includes('IamRoleLambdaExecution')) {
      throw new this.serverless.classes.Error('a resource still references IamRoleLambdaExecution');
    }
  }
}

module.exports = FunctionRoles;
