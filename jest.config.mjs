// One Jest run for the whole monorepo. Projects split by where tests run:
// unit tests anywhere under src/, web component tests in jsdom, and integration/e2e tests
// that share one local stack started by the orchestrator (globalSetup), once per run.
const swc = ['@swc/jest', { jsc: { parser: { syntax: 'typescript', tsx: true }, transform: { react: { runtime: 'automatic' } }, target: 'es2022' }, module: { type: 'commonjs' } }];

// marked ships ESM only as its package entry; Jest (CommonJS here) loads its UMD build instead.
const esmOnly = { '^marked$': '<rootDir>/packages/shared/node_modules/marked/lib/marked.umd.js' };

const base = {
  transform: { '^.+\\.(t|j)sx?$': swc },
  moduleNameMapper: esmOnly,
  moduleFileExtensions: ['ts', 'tsx', 'js', 'mjs', 'cjs', 'json'],
};

/** @type {import('jest').Config} */
export default {
  testTimeout: 30_000,
  projects: [
    {
      ...base,
      displayName: 'unit',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/{packages,services}/*/src/**/*.test.ts', '<rootDir>/tools/src/**/*.test.ts'],
    },
    {
      ...base,
      displayName: 'web',
      testEnvironment: 'jsdom',
      testMatch: ['<rootDir>/web/src/**/*.test.{ts,tsx}'],
      setupFilesAfterEnv: ['<rootDir>/web/src/test-setup.ts'],
      moduleNameMapper: { ...esmOnly, '\\.(css)$': '<rootDir>/web/src/test-style-stub.ts' },
    },
    {
      ...base,
      displayName: 'integration',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/{services,tools,web}/*/test/**/*.int.test.ts', '<rootDir>/{services,tools}/test/**/*.int.test.ts', '<rootDir>/web/e2e/**/*.e2e.test.ts'],
      globalSetup: '<rootDir>/tools/src/testing/global-setup.ts',
      globalTeardown: '<rootDir>/tools/src/testing/global-teardown.ts',
    },
    {
      ...base,
      // The packaged prod CloudFormation (`pnpm package:prod`, run once by the globalSetup unless
      // fresh) and the deploy scripts. No AWS access needed.
      displayName: 'templates',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tools/test/templates/**/*.test.ts'],
      globalSetup: '<rootDir>/tools/test/templates/global-setup.ts',
    },
    {
      ...base,
      // The cheap performance budgets (bench/): DynamoDB calls per route (in-process
      // against the same local stack as the integration tests), function bundle sizes, web initial JS.
      displayName: 'bench-ci',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/bench/**/*.bench-ci.test.ts'],
      globalSetup: '<rootDir>/tools/src/testing/global-setup.ts',
      globalTeardown: '<rootDir>/tools/src/testing/global-teardown.ts',
    },
    {
      ...base,
      // Reliability and security (stress/): fuzzing, the authorization matrix, limits, load,
      // crash safety and web hardening, against the same local stack. `pnpm test` runs the light
      // slice; `pnpm test:stress` (JOTTER_STRESS=1) the heavy one and prints its figures.
      displayName: 'security',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/stress/test/**/*.test.ts'],
      globalSetup: '<rootDir>/tools/src/testing/global-setup.ts',
      globalTeardown: '<rootDir>/tools/src/testing/global-teardown.ts',
    },
  ],
};
