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
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    // The .mjs scripts (build, test runner, VS Code harness, bench): plain Node ES modules.
    files: ['**/*.mjs'],
    languageOptions: {
      sourceType: 'module',
      globals: Object.fromEntries(
        [
          'process',
          'console',
          'Buffer',
          'URL',
          'URLSearchParams',
          'setTimeout',
          'clearTimeout',
          'setInterval',
          'clearInterval',
          'setImmediate',
          'fetch',
          'AbortController',
          'AbortSignal',
          'TextEncoder',
          'TextDecoder',
          'performance',
          'structuredClone',
        ].map((name) => [name, 'readonly']),
      ),
    },
    rules: { eqeqeq: ['error', 'always'] },
  },
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
  {
    // The language server runs in Node and in a web worker (VS Code for the Web): only main.ts,
    // the Node entry, and nodeGc.ts (given to the server by the Node entries) may use Node. Files
    // come to the server through the LSP contract, never fs.
    files: ['server/**/*.ts'],
    ignores: ['server/main.ts', 'server/nodeGc.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'vscode-languageserver/node', message: 'Node-only: server/main.ts.' },
            { name: 'fs', message: 'The server has no file system (it runs in a web worker too).' },
          ],
          patterns: [{ group: ['node:*'], message: 'Node-only: server/main.ts.' }],
        },
      ],
      'no-restricted-globals': [
        'error',
        { name: 'process', message: 'A web worker has no process.' },
        { name: 'Buffer', message: 'A web worker has no Buffer.' },
        { name: 'setImmediate', message: 'A web worker has no setImmediate.' },
        { name: '__dirname', message: 'A web worker has no __dirname.' },
      ],
    },
  },
  {
    // The client runs in desktop VS Code and in VS Code for the Web: Node-only pieces (the IPC
    // language client, undici, files) live behind client/platform.ts, in platformNode.ts.
    files: ['client/**/*.ts'],
    ignores: ['client/platformNode.ts', 'client/importNode.ts', 'client/extension.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [
            { name: 'vscode-languageclient/node', message: 'Node-only: client/platformNode.ts.' },
            { name: 'undici', message: 'Node-only: client/platformNode.ts.' },
            { name: 'fs', message: 'Use vscode.workspace.fs (works on the web too).' },
          ],
          patterns: [
            { group: ['node:*'], message: 'Node-only: client/platformNode.ts.' },
            { group: ['**/transport/undici'], message: 'Node-only: client/platformNode.ts.' },
          ],
        },
      ],
    },
  },
);
