import { readdirSync } from 'node:fs';
import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

// The browser gets the browser-safe half of @jotter/shared only: the Dynamoose models (and
// Dynamoose itself) are server code.
const serverOnly = [
  { group: ['@jotter/shared/server', '@jotter/shared/server/*'], message: 'Server-only code (Dynamoose models): not for the web app.' },
  { group: ['dynamoose', 'dynamoose/*'], message: 'Dynamoose is server-only.' },
];

// Features don't import each other; src/app composes them (passing one feature's component to
// another as a prop or child). Every folder under web/src/features is a feature, new ones included.
const features = readdirSync(new URL('web/src/features', import.meta.url), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const otherFeature = (feature) => `^(\\.\\./)+(features/)?(${features.filter((other) => other !== feature).join('|')})(/|$)`;
const featureMessage = 'A feature does not import another feature: let src/app compose them.';

export default tseslint.config(
  { ignores: ['**/node_modules/**', '**/dist/**', '**/.serverless/**', '**/.esbuild/**', '.dev/**', 'e2e-artifacts/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  },
  {
    files: ['web/src/**/*.{ts,tsx}'],
    plugins: { 'react-hooks': reactHooks },
    rules: {
      'react-hooks/rules-of-hooks': 'error',
      'react-hooks/exhaustive-deps': 'warn',
      'no-restricted-imports': ['error', { patterns: serverOnly }],
    },
  },
  ...features.map((feature) => ({
    files: [`web/src/features/${feature}/**/*.{ts,tsx}`],
    rules: {
      'no-restricted-imports': ['error', { patterns: [...serverOnly, { regex: otherFeature(feature), message: featureMessage }] }],
      // A lazy import() is an import too (a selector's regex cannot hold a plain slash).
      'no-restricted-syntax': ['error', { selector: `ImportExpression > Literal[value=/${otherFeature(feature).replaceAll('/', '\\x2F')}/]`, message: featureMessage }],
    },
  })),
  { files: ['**/*.mjs'], languageOptions: { globals: globals.node } },
  {
    // Serverless plugins are loaded by the framework with require().
    files: ['**/*.cjs'],
    languageOptions: { globals: globals.node, sourceType: 'commonjs' },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
  {
    // CloudFormation templates are untyped JSON; the assertions walk them freely.
    files: ['tools/test/templates/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
);
