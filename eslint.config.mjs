// @ts-check
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/**',
      'node_modules/**',
      '.cache/**',
      '.test-output/**',
      'bench/out/**',
      '**/*.js',
      '**/*.mjs',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    files: ['**/*.ts'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      eqeqeq: ['error', 'always'],
      '@typescript-eslint/no-floating-promises': [
        'error',
        {
          // node:test's test()/describe()/it() promises are awaited by the runner.
          allowForKnownSafeCalls: [
            { from: 'package', package: 'node:test', name: ['test', 'describe', 'it', 'suite'] },
          ],
        },
      ],
      '@typescript-eslint/consistent-type-imports': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  {
    // The core is pure: no editor API, no LSP connection, no network or file system.
    files: ['core/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'vscode', message: 'core/ must not depend on the VS Code API.' },
            {
              name: 'vscode-languageserver',
              message:
                'core/ must not depend on the LSP connection; use vscode-languageserver-types.',
            },
            {
              name: 'vscode-languageclient',
              message: 'core/ must not depend on the language client.',
            },
            {
              name: 'vscode-languageserver/node',
              message: 'core/ must not depend on the LSP connection.',
            },
            { name: 'undici', message: 'core/ takes its HTTP transport as a parameter.' },
            { name: 'node:fs', message: 'core/ takes file access as a parameter.' },
            { name: 'fs', message: 'core/ takes file access as a parameter.' },
          ],
        },
      ],
    },
  },
);
