// Jest runs the TypeScript sources directly (through SWC, in ESM mode), so tests need
// no build step. Type errors are `tsc -b`'s job, not jest's.
/** @type {import('jest').Config} */
export default {
  testEnvironment: 'node',
  roots: ['<rootDir>/packages', '<rootDir>/bench'],
  testMatch: ['**/test/**/*.test.ts'],
  extensionsToTreatAsEsm: ['.ts'],
  transform: {
    '^.+\\.ts$': [
      '@swc/jest',
      {
        jsc: { parser: { syntax: 'typescript' }, target: 'es2023' },
        module: { type: 'es6' },
        sourceMaps: 'inline',
      },
    ],
  },
  moduleNameMapper: {
    // Sources import siblings as "./x.js" (NodeNext); jest resolves the .ts file.
    '^(\\.{1,2}/.*)\\.js$': '$1',
    // Workspace packages resolve to their sources, not their build output.
    '^@drydock/(core|runtime|examples)$': '<rootDir>/packages/$1/src/index.ts',
    '^@drydock/runtime/testing$': '<rootDir>/packages/runtime/src/testing/index.ts',
  },
  modulePathIgnorePatterns: ['<rootDir>/packages/.*/dist', '<rootDir>/bench/dist'],
  // Two cores on CI: one worker per core.
  maxWorkers: 2,
  // Property tests run thousands of cases (the store's model test takes ~3 s alone);
  // jest's 5 s default fails them spuriously when the machine is busy.
  testTimeout: 30_000,
  errorOnDeprecated: true,
};
