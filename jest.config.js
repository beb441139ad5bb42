/** Unit tests live beside the code (`*.spec.ts`); e2e tests drive the real nx binary (`e2e/`). */
// Tests run far from UTC (UTC+14), so code that reads a date in the machine's time zone fails them
// (workers inherit this; set before any date is made).
process.env.TZ = 'Pacific/Kiritimati';
const tsJest = ['ts-jest', { tsconfig: { module: 'commonjs', esModuleInterop: true, target: 'ES2022', isolatedModules: true } }];
module.exports = {
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      roots: ['<rootDir>/packages'],
      testMatch: ['**/src/**/*.spec.ts'],
      transform: { '^.+\\.ts$': tsJest },
      moduleNameMapper: { '^@contract-graph/core$': '<rootDir>/packages/core/src/index.ts' },
    },
    {
      displayName: 'e2e',
      testEnvironment: 'node',
      roots: ['<rootDir>/e2e'],
      testMatch: ['**/*.e2e.spec.ts'],
      transform: { '^.+\\.ts$': tsJest },
    },
  ],
};
