/*
 * backstage-cli looks for a package's tests under <package>/src. This package keeps each suite in
 * a folder of its own (reliability/, bench/, e2e/), so it describes its jest project here, with
 * the transforms and environment of backstage-cli's node-library role. Only *.test.ts files run
 * (e2e specs and benchmarks have their own runners).
 */
const {
  getJestNodeEnvironment,
} = require('@backstage/cli/config/getJestEnvironment');

const swcTransform = require.resolve('@backstage/cli/config/jestSwcTransform');
const nodeModules = {
  module: { ignoreDynamic: true, exportInteropAnnotation: true },
};

module.exports = {
  displayName: '@eci-portal/tests',
  rootDir: __dirname,
  roots: ['<rootDir>/reliability'],
  testMatch: ['**/*.test.ts'],
  // Integration suites: emulated clusters and backends start in the hooks.
  testTimeout: 60_000,
  testEnvironment: getJestNodeEnvironment(),
  moduleFileExtensions: [
    'ts',
    'js',
    'mts',
    'cts',
    'mjs',
    'cjs',
    'json',
    'node',
  ],
  transform: {
    '\\.(mjs|cjs|js)$': [
      swcTransform,
      { ...nodeModules, jsc: { parser: { syntax: 'ecmascript' } } },
    ],
    '\\.(mts|cts|ts)$': [
      swcTransform,
      { ...nodeModules, jsc: { parser: { syntax: 'typescript' } } },
    ],
    '\\.(yaml)$': require.resolve('@backstage/cli/config/jestYamlTransform'),
  },
  transformIgnorePatterns: [
    '/node_modules/(?:@material-ui|ajv|core-js|jest-.*|jsdom|knex|react|react-dom|highlight\\.js|prismjs|json-schema|react-use/lib|typescript)/',
  ],
};
