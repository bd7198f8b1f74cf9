'use strict';
// Local Serverless plugin of the jotter-web service: publishes the SPA after every deploy.
//
//   after:deploy:deploy   build web with this stage's config (from compose params) and upload
//                         it to the site bucket, then invalidate CloudFront
//   serverless publish    the same, without a deploy (the stack must exist)
//   before:remove:remove  empty the site bucket, so CloudFormation can delete it
//
// The work is done by tools/src/deploy/publish-web.ts (AWS SDK v3), run with tsx. This file only
// gathers the inputs: the resolved `custom.publishWeb` values and the stack's outputs.
// Set JOTTER_SKIP_PUBLISH=1 to deploy the infrastructure only.

const path = require('node:path');
const { spawn } = require('node:child_process');

const repoRoot = path.resolve(__dirname, '..', '..');
const script = path.join(repoRoot, 'tools', 'src', 'deploy', 'publish-web.ts');

class JotterPublishWebPlugin {
  constructor(serverless, options, utils) {
    this.serverless = serverless;
    this.options = options || {};
    this.log = (utils && utils.log) || console.log;
    this.provider = serverless.getProvider('aws');

    this.commands = {
      publish: {
        usage: 'Build the web app with this stage config and upload it (the stack must be deployed)',
        lifecycleEvents: ['publish'],
      },
    };
    this.hooks = {
      'before:package:initialize': () => this.checkDomainParams(),
      'after:deploy:deploy': () => this.publish(),
      'publish:publish': () => this.publish({ force: true }),
      'before:remove:remove': () => this.empty(),
    };
  }

  // CloudFormation `Rules` are not accepted by the framework's schema: check here instead.
  checkDomainParams() {
    const params = (this.serverless.service.resources && this.serverless.service.resources.Parameters) || {};
    const value = (name) => (params[name] && params[name].Default) || '';
    if (value('DomainName') && !value('CertificateArn')) {
      throw new this.serverless.classes.Error(
        'param domainName is set but certificateArn is empty: give an ACM certificate ARN from us-east-1',
      );
    }
    if (value('HostedZoneId') && !value('DomainName')) {
      throw new this.serverless.classes.Error('param hostedZoneId is set but domainName is empty');
    }
  }

  async stackOutputs() {
    const stackName = this.provider.naming.getStackName();
    const result = await this.provider.request('CloudFormation', 'describeStacks', { StackName: stackName });
    const outputs = {};
    for (const o of (result.Stacks && result.Stacks[0] && result.Stacks[0].Outputs) || []) {
      outputs[o.OutputKey] = o.OutputValue;
    }
    return outputs;
  }

  childEnv(extra) {
    const env = { ...process.env, ...extra, AWS_REGION: this.provider.getRegion() };
    const profile = this.options['aws-profile'] || this.provider.getProfile?.();
    if (profile) env.AWS_PROFILE = profile;
    return env;
  }

  run(args, env) {
    return new Promise((resolve, reject) => {
      const tsxCli = require.resolve('tsx/cli', { paths: [repoRoot] });
      const child = spawn(process.execPath, [tsxCli, script, ...args], { cwd: repoRoot, env, stdio: 'inherit' });
      child.on('error', reject);
      child.on('close', (code) =>
        code === 0 ? resolve() : reject(new Error(`publish-web ${args[0]} failed (exit ${code})`)),
      );
    });
  }

  async publish({ force = false } = {}) {
    if (!force && process.env.JOTTER_SKIP_PUBLISH === '1') {
      this.log.notice?.('JOTTER_SKIP_PUBLISH=1: web build not published');
      return;
    }
    const cfg = this.serverless.service.custom.publishWeb;
    const outputs = await this.stackOutputs();
    if (!outputs.SiteBucketName || !outputs.DistributionId) {
      throw new Error('jotter-web stack outputs SiteBucketName/DistributionId not found');
    }
    this.log.notice?.(`Publishing the web app to ${outputs.SiteUrl}`);
    await this.run(
      [
        'publish',
        '--bucket', outputs.SiteBucketName,
        '--distribution-id', outputs.DistributionId,
        '--grace-hours', String(cfg.staleAssetGraceHours ?? 0),
      ],
      this.childEnv({
        VITE_API_URL: cfg.apiUrl,
        VITE_REGION: cfg.region,
        VITE_USER_POOL_ID: cfg.userPoolId,
        VITE_USER_POOL_CLIENT_ID: cfg.userPoolClientId,
        VITE_AUTH_FLOW: cfg.authFlow,
        VITE_COGNITO_ENDPOINT: cfg.cognitoEndpoint ?? '',
      }),
    );
  }

  async empty() {
    let outputs;
    try {
      outputs = await this.stackOutputs();
    } catch (error) {
      this.log.notice?.(`jotter-web stack not found, nothing to empty (${error.message})`);
      return;
    }
    if (!outputs.SiteBucketName) return;
    await this.run(['empty', '--bucket', outputs.SiteBucketName], this.childEnv({}));
  }
}

module.exports = JotterPublishWebPlugin;
