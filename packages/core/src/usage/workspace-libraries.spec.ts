import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CallSite, FieldUse } from '../model';
import { scanProjectUsage } from '../workspace/scan-consumer';
import { mappedPaths, readPathMappings, withoutJsonComments } from './tsconfig-paths';

/**
 * An Nx workspace (packages/core/fixtures/usage-workspace): the shop app imports its API wrapper
 * from the `@acme/api-client` library through `tsconfig.base.json` `paths`; the library takes its
 * base URL from `@acme/shared/config`, another library.
 */
const WORKSPACE = path.join(__dirname, '../../fixtures/usage-workspace');

const at = (field: FieldUse) => `${field.path} @${field.location.file.split('/').pop()}:${field.location.line}:${field.location.column}`;
const describeCall = (call: CallSite) => ({
  call: `${call.method} ${call.urlTemplate} @${call.location.file}:${call.location.line}:${call.location.column}`,
  reads: call.responseFields.map(at),
  ...(call.queryFields ? { query: call.queryFields.map(at) } : {}),
});

describe('workspace libraries imported through tsconfig paths', () => {
  it('follows wrappers into the libraries, and reports only the library calls the app reaches', () => {
    const usage = scanProjectUsage(WORKSPACE, 'apps/shop', undefined, { explain: true });
    expect(usage.calls.map(describeCall)).toEqual([
      { call: 'GET /api/users/{} @apps/shop/src/app/user-page.tsx:4:35', reads: ['name @user-page.tsx:5:15'] },
      { call: 'GET /api/orders @apps/shop/src/app/user-page.tsx:9:21', reads: ['items[].total @user-page.tsx:10:46'], query: ['status @user-page.tsx:9:75'] },
      // A URL fixed inside the library stays at the library; `usersApi.feed` is never called by the shop.
      { call: 'GET /api/settings @libs/api-client/src/lib/users-api.ts:12:24', reads: ['theme @user-page.tsx:15:15'] },
    ]);
    expect(usage.explain).toEqual([]);
    expect(usage.problems).toEqual([]);
    expect(usage.files).toBe(3);
  });

  it('resolves calls of a generated client by operationId, only for generated modules and ids naming one operation', () => {
    const operations = [
      { operationId: 'getUserById', method: 'GET', path: '/api/users/{id}' },
      { operationId: 'listOrders', method: 'GET', path: '/api/orders' },
      { operationId: 'deleteUser', method: 'DELETE', path: '/api/users/{id}' },
      // Two operations share this id (two specs): a call of `countUsers()` cannot be placed.
      { operationId: 'countUsers', method: 'GET', path: '/api/users/count' },
      { operationId: 'countUsers', method: 'GET', path: '/v2/users/count' },
    ];
    const usage = scanProjectUsage(WORKSPACE, 'apps/shop', undefined, { explain: true, operations });
    const generated = usage.calls.filter((call) => call.client === 'generated').map(describeCall);
    expect(generated).toEqual([
      // `usersApi.getUserById({ id })`, `UsersApi` from a library whose files carry the OpenAPI Generator banner.
      { call: 'GET /api/users/{} @apps/shop/src/app/account.ts:8:31', reads: ['email @account.ts:9:15'] },
      { call: 'GET /api/orders @apps/shop/src/app/account.ts:13:24', reads: ['[].total @account.ts:14:38'] },
      // From a package outside the workspace whose name says it is generated (`@acme/openapi-client`).
      { call: 'DELETE /api/users/{} @apps/shop/src/app/account.ts:18:10', reads: [] },
    ]);
    // `getUserById` from ../util/lookup is an ordinary function of the app: no call at line 22.
    expect(usage.calls.filter((call) => call.location.file.endsWith('account.ts')).map((call) => call.location.line)).toEqual([8, 13, 18]);
    expect(usage.calls.length - generated.length).toBe(3);
  });

  it('scans a library as a project of its own, with all of its calls', () => {
    expect(scanProjectUsage(WORKSPACE, 'libs/api-client').calls.map((call) => `${call.method} ${call.urlTemplate} @${call.location.line}`)).toEqual([
      'GET /api/users/{} @9',
      'GET /api/feed @11',
      'GET /api/settings @12',
    ]);
  });

  it('reports a tsconfig that does not parse, and still finds the calls that need no mapping', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-paths-'));
    try {
      fs.mkdirSync(path.join(root, 'apps/web/src'), { recursive: true });
      fs.writeFileSync(path.join(root, 'tsconfig.base.json'), '{ "compilerOptions": { "paths": { "@acme/*": ["libs/*"] } ');
      fs.writeFileSync(path.join(root, 'apps/web/src/a.ts'), "import { api } from '@acme/api';\nfetch('/api/ping');\napi.get('/api/users');\n");
      const usage = scanProjectUsage(root, 'apps/web');
      expect(usage.calls.map((call) => `${call.method} ${call.urlTemplate}`)).toEqual(['GET /api/ping']);
      expect(usage.problems.map((problem) => `${problem.code} ${problem.location.file}`)).toEqual(['consumer-tsconfig-invalid tsconfig.base.json']);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('readPathMappings', () => {
  const files: Record<string, string> = {
    'tsconfig.base.json': '{ "compilerOptions": { "baseUrl": ".", "paths": { "@a/*": ["libs/a/*"], "@out": ["../elsewhere/x.ts"] } } }',
    'apps/web/tsconfig.json': '{ "extends": "./tsconfig.paths", "compilerOptions": { "strict": true } }',
    'apps/web/tsconfig.paths.json': '{ "extends": "../../tsconfig.base.json", "compilerOptions": { "paths": { "~/*": ["./src/*"] } } }',
  };
  const read = (file: string) => files[file];

  it("takes the nearest `paths` along the project's extends chain, relative to the inherited baseUrl (as TypeScript does)", () => {
    expect(readPathMappings('apps/web', read).mappings).toEqual([{ pattern: '~/*', targets: ['src/*'] }]);
  });

  it('resolves `paths` relative to the config declaring them when no baseUrl is set', () => {
    const withoutBase = { ...files, 'tsconfig.base.json': '{}' };
    expect(readPathMappings('apps/web', (file) => withoutBase[file]).mappings).toEqual([{ pattern: '~/*', targets: ['apps/web/src/*'] }]);
  });

  it('falls back to tsconfig.base.json, relative to its baseUrl, dropping targets outside the workspace', () => {
    expect(readPathMappings('apps/api', read)).toEqual({ mappings: [{ pattern: '@a/*', targets: ['libs/a/*'] }], source: 'tsconfig.base.json', problems: [] });
  });

  it('prefers an exact pattern, then the longest wildcard prefix', () => {
    const mappings = [
      { pattern: '@acme/*', targets: ['libs/*/src/index.ts'] },
      { pattern: '@acme/ui/*', targets: ['libs/ui/src/*'] },
      { pattern: '@acme/ui', targets: ['libs/ui/src/index.ts'] },
    ];
    expect(mappedPaths(mappings, '@acme/ui')).toEqual(['libs/ui/src/index.ts']);
    expect(mappedPaths(mappings, '@acme/ui/button')).toEqual(['libs/ui/src/button']);
    expect(mappedPaths(mappings, '@acme/data')).toEqual(['libs/data/src/index.ts']);
    expect(mappedPaths(mappings, 'react')).toEqual([]);
  });

  it('reads JSON with comments and trailing commas, leaving strings alone', () => {
    expect(JSON.parse(withoutJsonComments('{\n  // a\n  "a": "x // y", /* b */\n  "b": ["/*", "*/", ",}",],\n  "c": 1, // last\n}'))).toEqual({ a: 'x // y', b: ['/*', '*/', ',}'], c: 1 });
  });
});
