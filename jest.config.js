// Four levels, told apart by file name: *.spec.ts unit, *.int-spec.ts real Kafka + PostgreSQL,
// tests/e2e/*.e2e-spec.ts the apps as processes, tests/browser/*.browser-spec.ts the console in Chromium. `npm test` runs all three through scripts/test.ts.
const moduleNameMapper = {
  '^@giftflow/(contracts|messaging|platform|testing)$': '<rootDir>/libs/$1/src',
};
const transform = { '^.+\\.ts$': ['ts-jest', {}] };
const common = { rootDir: __dirname, testEnvironment: 'node', moduleNameMapper, transform, moduleFileExtensions: ['ts', 'js', 'json'] };

const projects = [
  { ...common, displayName: 'unit', testMatch: ['<rootDir>/{apps,libs,scripts,seeds,tests}/**/*.spec.ts'] },
  { ...common, displayName: 'int', testMatch: ['<rootDir>/{apps,libs,tests}/**/*.int-spec.ts'], slowTestThreshold: 30, globals: { GIFTFLOW_TEST_TIMEOUT_MS: 90_000 }, setupFilesAfterEnv: ['<rootDir>/tests/jest/timeouts.js'] },
  { ...common, displayName: 'browser', testMatch: ['<rootDir>/tests/browser/**/*.browser-spec.ts'], slowTestThreshold: 120, globals: { GIFTFLOW_TEST_TIMEOUT_MS: 600_000 }, setupFilesAfterEnv: ['<rootDir>/tests/jest/timeouts.js'] },
  { ...common, displayName: 'e2e', testMatch: ['<rootDir>/tests/e2e/**/*.e2e-spec.ts'], slowTestThreshold: 120, globals: { GIFTFLOW_TEST_TIMEOUT_MS: 600_000 }, setupFilesAfterEnv: ['<rootDir>/tests/jest/timeouts.js'] },
];

// `jest --selectProjects int some.int-spec.ts` reads the path as one more project name and runs the whole project
// (on a shared 2-core machine, for half an hour): refuse it, and say how to write it.
const at = process.argv.indexOf('--selectProjects');
if (at >= 0) {
  const names = projects.map((p) => p.displayName);
  const given = [];
  for (let i = at + 1; i < process.argv.length && !process.argv[i].startsWith('-'); i++) given.push(process.argv[i]);
  const unknown = given.filter((name) => !names.includes(name));
  if (unknown.length > 0) {
    throw new Error(`--selectProjects takes project names (${names.join(', ')}), not ${unknown.join(', ')}: put test paths before it, e.g. jest ${unknown[0]} --selectProjects ${given.find((n) => names.includes(n)) ?? 'int'}`);
  }
}

module.exports = { projects };
