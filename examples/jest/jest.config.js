/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  globalSetup: './global-setup.js',
  globalTeardown: './global-teardown.js',
  maxWorkers: 2,
  transform: {},
};
