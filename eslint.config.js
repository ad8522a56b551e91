import js from '@eslint/js';
import tseslint from 'typescript-eslint';

export default tseslint.config(
  {
    ignores: [
      'dist/',
      'wait/dist/',
      'node_modules/',
      'coverage/',
      '.bench-tmp/',
      'examples/*/node_modules/',
    ],
  },
  js.configs.recommended,
  ...tseslint.configs.recommended,
  {
    languageOptions: {
      globals: {
        process: 'readonly',
        console: 'readonly',
        Buffer: 'readonly',
        setTimeout: 'readonly',
        clearTimeout: 'readonly',
        URL: 'readonly',
      },
    },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_' }],
    },
  },
  // The test-runner recipes: plain JavaScript as their users write it (CommonJS test files for
  // Jest, the runners' globals).
  {
    files: ['examples/**/*.{js,cjs}'],
    languageOptions: {
      globals: {
        fetch: 'readonly',
        globalThis: 'readonly',
        require: 'readonly',
        module: 'writable',
        test: 'readonly',
        expect: 'readonly',
        beforeAll: 'readonly',
        afterAll: 'readonly',
      },
    },
    rules: { '@typescript-eslint/no-require-imports': 'off' },
  },
);
