// `setupFilesAfterEnv: ['@contract-graph/jest/setup']` resolves here.
require('./dist/setup');
