// Flat ESLint config with type-aware rules.
import js from '@eslint/js';
import tseslint from 'typescript-eslint';

/** Domain folders: pure logic that runs in the CLI and in plain Node tests, never the editor API. */
const domainFolders = ['src/kube/**', 'src/welkin/**', 'src/valkey/**', 'src/lint/**', 'src/util/**', 'src/golive/*.ts', 'src/golive/items/**', 'src/golive/render/**'];

export default tseslint.config(
  { ignores: ['dist/**', 'out/**', '.cache/**', 'node_modules/**', 'test-results/**', '.sandbox/**', 'test/fixtures/**', 'test/corpus/**', '**/*.js', '**/*.mjs'] },
  js.configs.recommended,
  ...tseslint.configs.recommendedTypeChecked,
  {
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: import.meta.dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': [
        'error',
        // node:test's test()/describe() return promises the runner itself tracks.
        { allowForKnownSafeCalls: [{ from: 'package', name: ['test', 'describe', 'it', 'suite'], package: 'node:test' }] },
      ],
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/consistent-type-imports': ['error', { fixStyle: 'inline-type-imports' }],
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
      eqeqeq: ['error', 'always'],
      'no-console': 'error',
    },
  },
  {
    files: domainFolders,
    rules: {
      'no-restricted-imports': [
        'error',
        {
          paths: [{ name: 'vscode', message: 'Domain folders stay editor-free: move editor code to src/views, src/app or src/services.' }],
        },
      ],
    },
  },
  {
    files: ['test/**', 'bench/**', 'scripts/**', 'sandbox/**'],
    rules: {
      'no-console': 'off',
      '@typescript-eslint/no-non-null-assertion': 'off',
    },
  },
);
