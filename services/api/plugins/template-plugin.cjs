// The base of this service's plugins that edit the compiled CloudFormation template: each runs
// its `apply()` once the framework has compiled it, just before packaging.
class TemplatePlugin {
  constructor(serverless) {
    this.serverless = serverless;
    this.hooks = { 'before:package:finalize': () => this.apply() };
  }
}

module.exports = TemplatePlugin;
