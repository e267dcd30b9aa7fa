// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  { ignores: ['node_modules/**', 'coverage/**', '.piano-data/**', 'dist/**', '.dist-*/**'] },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: { globals: { process: 'readonly', console: 'readonly', URL: 'readonly' } },
    rules: {
      '@typescript-eslint/no-unused-vars': [
        'error',
        { argsIgnorePattern: '^_', varsIgnorePattern: '^_', ignoreRestSiblings: true },
      ],
      // The domain core must not depend on storage, API, CLI or Node's own modules.
      'no-restricted-imports': 'off',
    },
  },
  {
    files: ['src/domain/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            { group: ['node:*', 'fs', 'path'], message: 'The domain depends on nothing.' },
            {
              group: ['**/storage/**', '**/api/**', '**/cli/**', '**/operations/**'],
              message: 'The domain depends on nothing.',
            },
          ],
        },
      ],
    },
  },
  {
    // Documents are made from a PlanDocument alone: no database, HTTP or command line.
    files: ['src/documents/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: [
                '**/storage/**',
                '**/api/**',
                '**/cli/**',
                '**/operations/**',
                '**/catalog/**',
              ],
              message: 'Documents depend on the domain only (a catalog lookup is passed in).',
            },
          ],
        },
      ],
    },
  },
  {
    files: ['src/domain/**/*.test.ts'],
    rules: { 'no-restricted-imports': 'off' },
  },
);
