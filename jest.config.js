// force timezone to UTC to allow tests to work regardless of local timezone
process.env.TZ = 'UTC';

// Jest configuration provided by Grafana scaffolding, extended (not edited) here.
const base = require('./.config/jest.config');

// ES-module-only packages that the scaffold's transform (.js/.ts only) does not cover: jest runs
// their files as ES modules and fails, so it is given their UMD builds instead.
const scaffold = {
  ...base,
  moduleNameMapper: {
    ...base.moduleNameMapper,
    '^d3-color$': '<rootDir>/node_modules/d3-color/dist/d3-color.js',
  },
};

module.exports = {
  projects: [
    {
      ...scaffold,
      displayName: 'unit',
      rootDir: __dirname,
      // the test bed's pure parts (progress, rule slices) are tested with the app's units
      testMatch: [...scaffold.testMatch, '<rootDir>/scripts/**/*.test.ts'],
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
    },
    {
      // Checks of the production build in dist/ (run after `npm run build`).
      ...scaffold,
      displayName: 'dist',
      rootDir: __dirname,
      testMatch: ['<rootDir>/tests/dist/**/*.test.ts'],
    },
  ],
};
