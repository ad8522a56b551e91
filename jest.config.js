// Two projects: `unit` (in-process tests, and the few that run one bundle) and `e2e` (the built
// dist/ run the way its users run it). Both share one global setup and teardown: the run's own
// TMPDIR, checked to be empty at the end, and dist/ rebuilt first when src/ is newer than it.
// Coverage is of src/ only (`npm test` asks for it).

/** @type {import('jest').Config} */
const shared = {
  preset: 'ts-jest/presets/default-esm',
  testEnvironment: 'node',
  // src/ too: coverage counts the sources no test loads.
  roots: ['<rootDir>/__tests__', '<rootDir>/src'],
  moduleNameMapper: {
    // Sources import siblings as `./x.js` (NodeNext ESM); jest must find the `.ts` file.
    '^(\\.{1,2}/.*)\\.js$': '$1',
  },
  transform: {
    '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: 'tsconfig.json' }],
  },
  globalSetup: '<rootDir>/__tests__/support/global-setup.mjs',
  globalTeardown: '<rootDir>/__tests__/support/global-teardown.mjs',
  // Inside the project, not the host's temp dir: a test run leaves nothing there.
  cacheDirectory: '<rootDir>/node_modules/.cache/jest',
};

/** @type {import('jest').Config} */
export default {
  testTimeout: 30000,
  collectCoverageFrom: ['src/**/*.ts'],
  coverageDirectory: '<rootDir>/coverage',
  coverageReporters: ['text-summary', 'json-summary'],
  projects: [
    {
      ...shared,
      displayName: 'unit',
      testMatch: ['<rootDir>/__tests__/**/*.test.ts'],
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/__tests__/e2e/'],
    },
    {
      ...shared,
      displayName: 'e2e',
      testMatch: ['<rootDir>/__tests__/e2e/**/*.test.ts'],
    },
  ],
};
