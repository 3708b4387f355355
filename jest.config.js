// One Jest run for everything: unit specs beside the code, integration/e2e/browser specs under tests/.
// Each Jest worker gets its own chDB data folder (see libs/testing), so suites can run in parallel.
const fs = require('node:fs');
const swcrc = JSON.parse(fs.readFileSync(`${__dirname}/.swcrc`, 'utf8'));
delete swcrc.$schema;

const libs = ['contracts', 'config', 'clickhouse', 'database', 'queue', 'analytics', 'disclosure', 'demo', 'ingestion', 'audiences', 'exports', 'metrics', 'testing'];
const moduleNameMapper = Object.fromEntries(libs.map((l) => [`^@hubpulse/${l}$`, `<rootDir>/libs/${l}/src`]));
moduleNameMapper['^@hubpulse/worker$'] = '<rootDir>/apps/worker/src/worker-processors.module';

module.exports = {
  rootDir: __dirname,
  testEnvironment: 'node',
  roots: ['<rootDir>/apps', '<rootDir>/libs', '<rootDir>/tests'],
  testMatch: ['**/*.spec.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '<rootDir>/tests/bench/'],
  transform: {
    '^.+\\.(t|j)sx?$': ['@swc/jest', swcrc],
    '^.+\\.(sql|txt)$': '<rootDir>/tests/sql-transform.js',
  },
  moduleFileExtensions: ['ts', 'tsx', 'js', 'json', 'sql', 'txt'],
  moduleNameMapper,
  testTimeout: 60_000,
  // chDB and Nest apps are heavy: two workers match the two cores here.
  maxWorkers: 2,
};
