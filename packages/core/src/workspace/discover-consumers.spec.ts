import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { renderFingerprintFile } from '../contracts/fingerprint-file';
import { discoverConsumers } from './discover-consumers';

const FIXTURE = path.join(__dirname, '../../fixtures/usage-workspace');

const spec = (getOperationId: string) => `openapi: 3.0.3
info: { title: Users, version: 1.0.0 }
servers: [{ url: /api }]
paths:
  /users/{id}:
    get:
      operationId: ${getOperationId}
      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
      responses: { '200': { description: ok } }
    delete:
      operationId: deleteUser
      parameters: [{ name: id, in: path, required: true, schema: { type: string } }]
      responses: { '204': { description: gone } }
`;

/** An app that reaches the users API only through the generated client library (`@acme/generated-api`). */
const APP = `import { UsersApi } from '@acme/generated-api';

const usersApi = new UsersApi();

export async function email(id: string) {
  return (await usersApi.getUserById({ id })).email;
}
`;

describe('discoverConsumers', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-discover-'));
    fs.cpSync(path.join(FIXTURE, 'tsconfig.base.json'), path.join(root, 'tsconfig.base.json'));
    fs.cpSync(path.join(FIXTURE, 'libs/generated-api'), path.join(root, 'libs/generated-api'), { recursive: true });
    fs.mkdirSync(path.join(root, 'apps/admin/src'), { recursive: true });
    fs.writeFileSync(path.join(root, 'apps/admin/project.json'), '{ "name": "admin" }\n');
    fs.writeFileSync(path.join(root, 'apps/admin/src/main.ts'), APP);
    fs.mkdirSync(path.join(root, 'apis/users'), { recursive: true });
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('makes a project that calls an API only through a generated client its consumer, by operationId', () => {
    fs.writeFileSync(path.join(root, 'apis/users/openapi.yaml'), spec('getUserById'));
    const contracts = discoverConsumers(root, [{ name: 'users-api', file: 'apis/users/openapi.yaml' }], ['apps/admin', 'libs/generated-api']);
    expect(contracts.consumers.get('apps/admin')).toEqual([{ spec: { name: 'users-api', file: 'apis/users/openapi.yaml' }, operations: ['GET /api/users/{}'] }]);
    // The client library's code decides what the app calls: its check must rerun when that code changes.
    expect(contracts.libraries.get('apps/admin')).toEqual(['libs/generated-api']);
  });

  it('does not when no operation of the spec has that operationId', () => {
    fs.writeFileSync(path.join(root, 'apis/users/openapi.yaml'), spec('fetchUser'));
    const contracts = discoverConsumers(root, [{ name: 'users-api', file: 'apis/users/openapi.yaml' }], ['apps/admin']);
    expect(contracts.consumers.get('apps/admin')).toBeUndefined();
  });

  it("tells whether each spec's committed fingerprint file is the one nx sync would write", () => {
    const users = { name: 'users-api', file: 'apis/users/openapi.yaml' };
    fs.writeFileSync(path.join(root, users.file), spec('getUserById'));
    const inSync = () => discoverConsumers(root, [users], []).specs.get(users.file)?.fingerprintInSync;
    expect(inSync()).toBe(false); // missing
    const rendered = renderFingerprintFile(users.file, (file) => fs.readFileSync(path.join(root, file), 'utf8'));
    fs.writeFileSync(path.join(root, rendered!.file), rendered!.text);
    expect(inSync()).toBe(true);
    fs.writeFileSync(path.join(root, users.file), spec('getUser'));
    expect(inSync()).toBe(false); // the spec moved on
  });

  describe('with calls behind an unknown base URL', () => {
    const write = (file: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), text);
    };
    const openapi = (servers: string, paths: string[]) =>
      `openapi: 3.0.3\ninfo: { title: t, version: 1.0.0 }\nservers: [{ url: ${servers} }]\npaths:\n${paths.map((route) => `  ${route}:\n    get: { responses: { '200': { description: ok } } }\n`).join('')}`;
    const orgs = { name: 'orgs-api', file: 'apis/orgs/openapi.yaml' };
    const users = { name: 'users-api', file: 'apis/users/openapi.yaml' };
    const consumed = (specs: Array<{ name: string; file: string }>) => discoverConsumers(root, specs, ['apps/web']).consumers.get('apps/web');

    beforeEach(() => {
      write('apps/web/project.json', '{ "name": "web" }\n');
      write(orgs.file, openapi('/api', ['/orgs/{org}/users/{id}']));
      write(users.file, openapi('/api', ['/users/{id}', '/users/me']));
    });

    it('links the call to the spec whose operation fits best, in whatever order the specs come', () => {
      write('apps/web/src/client.ts', 'export const user = (id: string) => fetch(`${process.env.API}/users/${id}`);\n');
      const expected = [{ spec: users, operations: ['GET /api/users/{}'] }];
      expect(consumed([orgs, users])).toEqual(expected);
      expect(consumed([users, orgs])).toEqual(expected);
    });

    it('links a call that operations fit equally well to each of them (a change to either settles it)', () => {
      write(orgs.file, openapi('/api', ['/orgs/{org}/items/{id}']));
      write(users.file, openapi('/api', ['/users/{id}/items/{item}']));
      write('apps/web/src/client.ts', 'export const item = (id: string) => fetch(`${process.env.API}/items/${id}`);\n');
      expect(consumed([orgs, users])).toEqual([
        { spec: orgs, operations: ['GET /api/orgs/{}/items/{}'] },
        { spec: users, operations: ['GET /api/users/{}/items/{}'] },
      ]);
    });

    it('links no spec for `${API}/${collection}`, and none for a call to another service behind the same gateway prefix', () => {
      write(users.file, openapi("'https://api.example.com/api/v1'", ['/users/{id}', '/users/me']));
      write('apps/web/src/client.ts', 'export const count = (c: string) => fetch(`${process.env.API}/${c}`);\nexport const invoices = () => fetch(`/api/v1/payments/invoices`);\n');
      expect(consumed([users])).toBeUndefined();
    });
  });

  it("attributes a call that an upstream spec and the project's own spec both define to the upstream one, whatever the folder names", () => {
    for (const upstream of ['apis/users/openapi.yaml', 'services/users/openapi.yaml']) {
      const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-own-tie-'));
      try {
        const write = (file: string, text: string) => {
          fs.mkdirSync(path.dirname(path.join(workspace, file)), { recursive: true });
          fs.writeFileSync(path.join(workspace, file), text);
        };
        write(upstream, spec('getUser'));
        write('apps/web/api/openapi.yaml', spec('getUserAgain'));
        write('apps/web/src/profile.ts', "export const load = (id: string) => fetch(`/api/users/${id}`).then((response) => response.json());\n");
        const refs = [{ name: 'users-api', file: upstream }, { name: 'web', file: 'apps/web/api/openapi.yaml' }];
        const contracts = discoverConsumers(workspace, refs, ['apps/web']);
        expect(contracts.consumers.get('apps/web')?.map((entry) => entry.spec.file)).toEqual([upstream]);
      } finally {
        fs.rmSync(workspace, { recursive: true, force: true });
      }
    }
  });

  it('keeps a project a consumer of the operations its calls fitted at the base, when the change leaves them fitting nothing', () => {
    fs.writeFileSync(path.join(root, 'apis/users/openapi.yaml'), spec('getUserById').replace('url: /api', 'url: /v2'));
    fs.writeFileSync(path.join(root, 'apps/admin/src/main.ts'), "export const user = (id: string) => fetch(`/api/users/${id}`).then((r) => r.json());\n");
    const specs = [{ name: 'users-api', file: 'apis/users/openapi.yaml' }];
    expect(discoverConsumers(root, specs, ['apps/admin']).consumers.get('apps/admin')).toBeUndefined();
    const atBase = new Map([['apis/users/openapi.yaml', ['DELETE /api/users/{}', 'GET /api/users/{}']]]);
    expect(discoverConsumers(root, specs, ['apps/admin'], undefined, undefined, new Map(), atBase).consumers.get('apps/admin')).toEqual([{ spec: specs[0], operations: ['GET /api/users/{}'] }]);
    // An operation moved to another spec: the call fits that one now, and is not kept on the old one.
    fs.mkdirSync(path.join(root, 'apis/v2'), { recursive: true });
    fs.writeFileSync(path.join(root, 'apis/v2/openapi.yaml'), spec('getUserById').replace('url: /v2', 'url: /api'));
    const both = [...specs, { name: 'v2-api', file: 'apis/v2/openapi.yaml' }];
    expect(discoverConsumers(root, both, ['apps/admin'], undefined, undefined, new Map(), atBase).consumers.get('apps/admin')).toEqual([{ spec: both[1], operations: ['GET /api/users/{}'] }]);
    // Unchanged operations: the base adds nothing (and costs nothing).
    const unchanged = new Map([['apis/users/openapi.yaml', ['DELETE /v2/users/{}', 'GET /v2/users/{}']]]);
    expect(discoverConsumers(root, specs, ['apps/admin'], undefined, undefined, new Map(), unchanged).consumers.get('apps/admin')).toBeUndefined();
  });

  it('keeps a project whose calls cannot be read a consumer when the unreadable text names a path of the spec', () => {
    fs.writeFileSync(path.join(root, 'apis/users/openapi.yaml'), spec('getUserById'));
    const specs = [{ name: 'users-api', file: 'apis/users/openapi.yaml' }];
    const write = (file: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), text);
    };
    write('apps/admin/src/main.ts', 'export const user = (id: string) => fetch(`/api/users/${id}`).then((r) => { (r.json());\n');
    write('apps/legacy/project.json', '{ "name": "legacy" }');
    write('apps/legacy/contract-graph.usage.json', '{ "calls": [{ "operation": "GET /api/users/{id}" },] }');
    write('apps/tools/project.json', '{ "name": "tools" }');
    write('apps/tools/src/broken.ts', 'export const x = (;\n');
    const consumers = discoverConsumers(root, specs, ['apps/admin', 'apps/legacy', 'apps/tools']).consumers;
    expect(consumers.get('apps/admin')).toEqual([{ spec: specs[0], operations: [] }]);
    expect(consumers.get('apps/legacy')).toEqual([{ spec: specs[0], operations: [] }]);
    // A broken file that names no path of the spec does not make its project a consumer.
    expect(consumers.get('apps/tools')).toBeUndefined();
  });
});
