import js from '@eslint/js';
import globals from 'globals';
import reactHooks from 'eslint-plugin-react-hooks';
import tseslint from 'typescript-eslint';

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
      // The browser gets the browser-safe half of @jotter/shared only: the Dynamoose models (and
      // Dynamoose itself) are server code.
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['@jotter/shared/server', '@jotter/shared/server/*'], message: 'Server-only code (Dynamoose models): not for the web app.' },
            { group: ['dynamoose', 'dynamoose/*'], message: 'Dynamoose is server-only.' },
          ],
        },
      ],
    },
  },
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
