// Four levels, told apart by file name: *.spec.ts unit, *.int-spec.ts real Kafka + PostgreSQL,
// tests/e2e/*.e2e-spec.ts the apps as processes, tests/browser/*.browser-spec.ts the console in Chromium. `npm test` runs all three through scripts/test.ts.
const moduleNameMapper = {
  '^@giftflow/(contracts|messaging|platform|testing)$': '<rootDir>/libs/$1/src',
};
const transform = { '^.+\\.ts$': ['ts-jest', {}] };
const common = { rootDir: __dirname, testEnvironment: 'node', moduleNameMapper, transform, moduleFileExtensions: ['ts', 'js', 'json'] };

module.exports = {
  projects: [
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,scripts,seeds,tests}/**/*.spec.ts'] },
    { ...common, displayName: 'int', testMatch: ['<rootDir>/{apps,libs,tests}/**/*.int-spec.ts'], slowTestThreshold: 30, globals: { GIFTFLOW_TEST_TIMEOUT_MS: 90_000 }, setupFilesAfterEnv: ['<rootDir>/tests/jest/timeouts.js'] },
    { ...common, displayName: 'browser', testMatch: ['<rootDir>/tests/browser/**/*.browser-spec.ts'], slowTestThreshold: 120, globals: { GIFTFLOW_TEST_TIMEOUT_MS: 600_000 }, setupFilesAfterEnv: ['<rootDir>/tests/jest/timeouts.js'] },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/tests/e2e/**/*.e2e-spec.ts'], slowTestThreshold: 120, globals: { GIFTFLOW_TEST_TIMEOUT_MS: 600_000 }, setupFilesAfterEnv: ['<rootDir>/tests/jest/timeouts.js'] },
  ],
};
