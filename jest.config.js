// force timezone to UTC to allow tests to work regardless of local timezone
process.env.TZ = 'UTC';

// Jest configuration provided by Grafana scaffolding, extended (not edited) here.
const scaffold = require('./.config/jest.config');

module.exports = {
  projects: [
    {
      ...scaffold,
      displayName: 'unit',
      rootDir: __dirname,
      testPathIgnorePatterns: ['/node_modules/', '<rootDir>/tests/', '<rootDir>/.cache/'],
    },
    {
      // Integration tests run against a real Prometheus started by the global setup.
      ...scaffold,
      displayName: 'integration',
      rootDir: __dirname,
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/integration/**/*.test.ts'],
      globalSetup: '<rootDir>/tests/integration/globalSetup.ts',
      globalTeardown: '<rootDir>/tests/integration/globalTeardown.ts',
      setupFilesAfterEnv: [],
    },
    {
      // Checks of the production build in dist/ (run after `npm run build`).
      ...scaffold,
      displayName: 'dist',
      rootDir: __dirname,
      testEnvironment: 'node',
      testMatch: ['<rootDir>/tests/dist/**/*.test.ts'],
      setupFilesAfterEnv: [],
    },
  ],
};
