'use strict';
// Local Serverless plugin of the jotter-web service: publishes the SPA after every deploy.
//
//   after:deploy:deploy   build web with this stage's config (read from the deployed auth stack's
//                         outputs) and upload it to the site bucket, then invalidate CloudFront
//   serverless publish    the same, without a deploy (`cd web && pnpm exec serverless publish
//                         --stage prod`): both stacks must exist, or it refuses and says which
//   before:remove:remove  empty the site bucket, so CloudFormation can delete it
//
// The work is done by tools/src/deploy/publish-web.ts (AWS SDK v3), run with tsx. This file only
// gathers the inputs: the deployed stacks' outputs (never params or local defaults; the SPA calls
// the API on its own origin under /api, so the build needs no API address at all).
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
    const { apiUrl } = this.serverless.service.custom.publishWeb;
    if (!/^https:\/\/[^/]+\/[^/]+$/.test(apiUrl || '')) {
      throw new this.serverless.classes.Error(
        `param apiUrl must be the api stack's ServiceEndpoint (https://<id>.execute-api.<region>.amazonaws.com/<stage>), got "${apiUrl || ''}": ` +
          'deploy with `pnpm deploy:prod` (serverless-compose passes it), or pass --param="apiUrl=..."',
      );
    }
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

  async stackOutputs(stackName = this.provider.naming.getStackName()) {
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
    const stage = this.provider.getStage();
    const outputsOf = async (stackName) => {
      try {
        return await this.stackOutputs(stackName);
      } catch (error) {
        throw new this.serverless.classes.Error(
          `cannot publish the web app: stack ${stackName} is not deployed in ${this.provider.getRegion()} (${error.message}). ` +
            `Deploy the whole app first: pnpm deploy:prod (or osls-compose deploy --stage ${stage}).`,
        );
      }
    };
    const outputs = await outputsOf(this.provider.naming.getStackName());
    if (!outputs.SiteBucketName || !outputs.DistributionId) {
      throw new this.serverless.classes.Error('jotter-web stack outputs SiteBucketName/DistributionId not found: redeploy the web stack');
    }
    const authOutputs = await outputsOf(`jotter-auth-${stage}`);
    const apiOutputs = await outputsOf(`jotter-api-${stage}`);
    this.log.notice?.(`Publishing the web app to ${outputs.SiteUrl}`);
    await this.run(
      [
        'publish',
        '--bucket', outputs.SiteBucketName,
        '--distribution-id', outputs.DistributionId,
        '--grace-hours', String(cfg.staleAssetGraceHours ?? 0),
      ],
      // publish-web.ts turns them into the build config (webConfigFromAuthOutputs) or refuses.
      this.childEnv({ JOTTER_AUTH_STACK_OUTPUTS: JSON.stringify(authOutputs), JOTTER_API_STACK_OUTPUTS: JSON.stringify(apiOutputs) }),
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
