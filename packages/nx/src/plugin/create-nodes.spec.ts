import { contractCheckTarget } from './create-nodes';

describe('contractCheckTarget', () => {
  const users = { name: 'users-api', file: 'apis/users/openapi.yaml' };
  const contracts = { specs: new Map([[users.file, { documents: [users.file], operations: 2, fingerprintInSync: true }]]), consumers: new Map(), libraries: new Map() };

  it("hashes what a consumer's verdict depends on: its code and Angular templates, its tsconfig paths, and the libraries its calls go through", () => {
    const target = contractCheckTarget([], [{ spec: users, operations: ['GET /api/users/{}'] }], contracts, () => true, {}, ['libs/api-client']);
    expect(target.inputs).toEqual([
      '{projectRoot}/**/*.{ts,tsx,js,jsx,mjs,cjs,mts,cts,vue,svelte}',
      '{projectRoot}/**/*.html',
      '{projectRoot}/contract-graph.usage.{json,yaml,yml}',
      '{projectRoot}/tsconfig*.json',
      '{workspaceRoot}/tsconfig.base.json',
      '{workspaceRoot}/tsconfig.json',
      '{workspaceRoot}/libs/api-client/**/*.{ts,tsx,js,jsx,mjs,cjs,mts,cts,vue,svelte}',
      '{workspaceRoot}/libs/api-client/**/*.html',
      { json: '{workspaceRoot}/apis/users/openapi.contract.json', fields: ['operations.GET /api/users/{}'] },
      '{workspaceRoot}/contract-graph.allow.{yaml,yml,json}',
      { env: 'NX_BASE' },
    ]);
  });

  it("a spec's own check hashes its documents and fingerprint file, not consumer code", () => {
    const target = contractCheckTarget([users], [], contracts, () => true);
    expect(target.inputs).toEqual([
      '{workspaceRoot}/apis/users/openapi.contract.json',
      '{workspaceRoot}/apis/users/openapi.yaml',
      '{workspaceRoot}/contract-graph.allow.{yaml,yml,json}',
      { env: 'NX_BASE' },
    ]);
  });

  it("runs the sync generator before a spec's check only while its fingerprint file is out of date", () => {
    // Nx without the daemon builds the project graph once more in any run holding a task with a sync generator.
    expect(contractCheckTarget([users], [], contracts, () => true).syncGenerators).toBeUndefined();
    const stale = { ...contracts, specs: new Map([[users.file, { documents: [users.file], operations: 2, fingerprintInSync: false }]]) };
    expect(contractCheckTarget([users], [], stale, () => true).syncGenerators).toEqual(['@contract-graph/nx:sync']);
    expect(contractCheckTarget([], [{ spec: users, operations: ['GET /api/users/{}'] }], stale, () => true).syncGenerators).toBeUndefined();
  });
});
