import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { REPO_ROOT, linkNodeModules } from './support/workspace';

jest.setTimeout(180_000);

/**
 * `@contract-graph/jest/setup` as a user installs it: a consumer project with the story's spec
 * (after the backend change) and an orders spec with typed path and header parameters, a jest
 * config with the one setup line plus the msw set-up that docs/jest.md gives, and tests that stub
 * fetch, go through axios, and mock with a real msw `setupServer` (handlers in the test and in a
 * shared module). The real jest binary runs them; its JSON report says which test failed and why.
 */
const JEST_CONFIG = `module.exports = {
  testEnvironment: 'node',
  setupFilesAfterEnv: ['@contract-graph/jest/setup'],
  transform: { '^.+\\\\.(ts|m?js)$': ['ts-jest', { tsconfig: { module: 'commonjs', target: 'ES2022', esModuleInterop: true, allowJs: true, isolatedModules: true } }] },
  // msw 2 loads three ESM-only packages; jest on Node < 24.9 runs them only once compiled to CommonJS.
  transformIgnorePatterns: ['/node_modules/(?!(rettime|until-async|@open-draft/deferred-promise)/)'],
};
`;

const PROFILE = `import axios from 'axios';

export const API = 'http://users.test';

/** Code under test: the web dashboard's profile card and plan badge. */
export async function loadProfile(userId: string) {
  const response = await fetch(\`\${API}/api/users/\${userId}\`);
  if (!response.ok) throw new Error(\`Could not load user \${userId}: \${response.status}\`);
  return response.json();
}

export async function loadPlan(userId: string) {
  const response = await axios.get(\`\${API}/api/users/\${userId}/plan\`);
  return response.data;
}
`;

const MSW_TEST = `import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';
import { API, loadPlan, loadProfile } from './profile';

const server = setupServer();
beforeAll(() => server.listen({ onUnhandledRequest: 'error' }));
afterEach(() => server.resetHandlers());
afterAll(() => server.close());

describe('msw', () => {
  it('passes a handler that matches the contract', async () => {
    server.use(http.get(\`\${API}/api/users/:id\`, () => HttpResponse.json({ id: '42', name: 'Ada', emailAddress: 'ada@example.com' })));
    await expect(loadProfile('42')).resolves.toEqual({ id: '42', name: 'Ada', emailAddress: 'ada@example.com' });
  });

  it('fails a handler that still returns lastLogin', async () => {
    server.use(http.get(\`\${API}/api/users/:id\`, () => HttpResponse.json({ id: '42', name: 'Ada', emailAddress: 'ada@example.com', lastLogin: '2026-11-20T10:00:00Z' })));
    await loadProfile('42');
  });

  it('fails a handler with a wrong type, whichever client asked (axios)', async () => {
    server.use(http.get('*/api/users/:id/plan', () => HttpResponse.json({ tier: 'gold' })));
    await expect(loadPlan('42')).resolves.toEqual({ tier: 'gold' });
  });

  it('fails a handler for an endpoint the spec does not have', async () => {
    server.use(http.get(\`\${API}/api/users/:id/avatar\`, () => HttpResponse.json({})));
  });
});
`;

const STUB_TEST = `import { loadProfile } from './profile';

describe('fetch stubs', () => {
  it('passes a stub that matches the contract', async () => {
    jest.spyOn(global, 'fetch').mockResolvedValue(Response.json({ id: '7', name: 'Grace', emailAddress: 'grace@example.com' }));
    await expect(loadProfile('7')).resolves.toMatchObject({ name: 'Grace' });
  });

  it('fails a stub that still returns lastLogin and email', async () => {
    global.fetch = jest.fn(async () => Response.json({ id: '7', name: 'Grace', email: 'grace@example.com', lastLogin: '2026-11-20T10:00:00Z' }));
    await loadProfile('7');
  });

  it('fails a call to an operation the spec does not have', async () => {
    global.fetch = jest.fn(async () => Response.json({}));
    await fetch('http://users.test/api/users/7/avatar');
  });
});
`;

/** Shared handlers, defined when the test file imports them: the common msw layout. */
const HANDLERS = `import { http, HttpResponse } from 'msw';

export const handlers = [
  http.get('*/api/users/:id', () => HttpResponse.json({ id: '42', name: 'Ada', emailAddress: 'ada@example.com', lastLogin: '2026-11-20T10:00:00Z' })),
  http.get('*/api/users/:id/plan', () => HttpResponse.json({ tier: 'pro' })),
];
`;

const SHARED_HANDLERS_TEST = `import { setupServer } from 'msw/node';
import { handlers } from './mocks/handlers';
import { loadPlan, loadProfile } from './profile';

const server = setupServer(...handlers);
beforeAll(() => server.listen());
afterAll(() => server.close());

it('passes with the shared plan handler', async () => {
  await expect(loadPlan('42')).resolves.toEqual({ tier: 'pro' });
});

it('fails with the shared, stale profile handler', async () => {
  await loadProfile('42');
});
`;

/** A second spec with typed path and header parameters. */
const ORDERS_SPEC = `openapi: 3.1.0
info:
  title: Orders API
  version: 1.0.0
servers:
  - url: /api
paths:
  /orders/{orderId}:
    get:
      parameters:
        - name: orderId
          in: path
          required: true
          schema:
            type: integer
        - name: X-Tenant-Id
          in: header
          required: true
          schema:
            type: string
      responses:
        '200':
          description: The order
          content:
            application/json:
              schema:
                type: object
                properties:
                  id:
                    type: integer
`;

const ORDERS_TEST = `import axios from 'axios';
import { http, HttpResponse } from 'msw';
import { setupServer } from 'msw/node';

const server = setupServer(http.get('*/api/orders/:orderId', ({ params }) => HttpResponse.json({ id: Number(params.orderId) || 0 })));
beforeAll(() => server.listen());
afterAll(() => server.close());

it('passes an integer id and the tenant header', async () => {
  await fetch('http://shop.test/api/orders/7', { headers: { 'X-Tenant-Id': 't-1' } });
});

it('fails a non-integer path id', async () => {
  await fetch('http://shop.test/api/orders/abc', { headers: { 'X-Tenant-Id': 't-1' } });
});

it('fails a request without the required header', async () => {
  await axios.get('http://shop.test/api/orders/7');
});
`;

interface AssertionResult {
  fullName: string;
  status: string;
  failureMessages: string[];
}
interface JestReport {
  numFailedTests: number;
  numPassedTests: number;
  testResults: Array<{ name: string; status: string; message: string; assertionResults: AssertionResult[] }>;
}

describe('@contract-graph/jest/setup in a consumer project, run by the real jest', () => {
  let root: string;
  let code: number | null;
  let output: string;
  let report: JestReport;
  const result = (file: string, name: string) => {
    const suite = report.testResults.find((entry) => path.basename(entry.name) === file);
    const test = suite?.assertionResults.find((entry) => entry.fullName === name);
    if (!test) throw new Error(`no result for "${name}" in ${file}:\n${output}`);
    return { status: test.status, message: test.failureMessages.join('\n') };
  };

  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'contract-graph-jest-'));
    const write = (file: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), text);
    };
    write('package.json', JSON.stringify({ name: 'consumer', private: true, workspaces: [] }, null, 2));
    write('apis/users/openapi.yaml', fs.readFileSync(path.join(REPO_ROOT, 'examples/story/change/apis/users/openapi.yaml'), 'utf8'));
    write('jest.config.js', JEST_CONFIG);
    write('apps/web/src/profile.ts', PROFILE);
    write('apps/web/src/profile-msw.test.ts', MSW_TEST);
    write('apps/web/src/profile-stubs.test.ts', STUB_TEST);
    write('apps/web/src/mocks/handlers.ts', HANDLERS);
    write('apps/web/src/profile-shared-handlers.test.ts', SHARED_HANDLERS_TEST);
    write('apis/orders/openapi.yaml', ORDERS_SPEC);
    write('apps/shop/src/orders.test.ts', ORDERS_TEST);
    linkNodeModules(root);
    const run = spawnSync(process.execPath, [path.join(REPO_ROOT, 'node_modules/jest/bin/jest.js'), '--ci', '--json', '--outputFile=report.json', `--cacheDirectory=${path.join(root, '.jest-cache')}`], {
      cwd: root,
      encoding: 'utf8',
      env: { ...process.env, FORCE_COLOR: '0', NO_COLOR: '1' },
    });
    code = run.status;
    output = `${run.stdout}\n${run.stderr}`;
    report = JSON.parse(fs.readFileSync(path.join(root, 'report.json'), 'utf8'));
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('fails the run, with exactly the tests whose mocks or calls break the contract', () => {
    expect(code).toBe(1);
    const outcome = report.testResults
      .flatMap((suite) => suite.assertionResults.map((test) => `${path.basename(suite.name)} ${test.fullName}: ${test.status}`))
      .sort();
    expect(outcome).toEqual([
      'orders.test.ts fails a non-integer path id: failed',
      'orders.test.ts fails a request without the required header: failed',
      'orders.test.ts passes an integer id and the tenant header: passed',
      'profile-msw.test.ts msw fails a handler for an endpoint the spec does not have: failed',
      'profile-msw.test.ts msw fails a handler that still returns lastLogin: failed',
      'profile-msw.test.ts msw fails a handler with a wrong type, whichever client asked (axios): failed',
      'profile-msw.test.ts msw passes a handler that matches the contract: passed',
      'profile-shared-handlers.test.ts fails with the shared, stale profile handler: failed',
      'profile-shared-handlers.test.ts passes with the shared plan handler: passed',
      'profile-stubs.test.ts fetch stubs fails a call to an operation the spec does not have: failed',
      'profile-stubs.test.ts fetch stubs fails a stub that still returns lastLogin and email: failed',
      'profile-stubs.test.ts fetch stubs passes a stub that matches the contract: passed',
    ]);
  });

  it('says, for a real msw handler that still returns lastLogin: operation, status, pointer, spec line, the test line and the handler', () => {
    const { message } = result('profile-msw.test.ts', 'msw fails a handler that still returns lastLogin');
    expect(message).toContain('Contract violation (1)');
    expect(message).toContain('GET /api/users/{id} 200 response does not match the contract:');
    expect(message).toContain('/lastLogin is not in the contract (unknown property) — apis/users/openapi.yaml:45:5 (#/components/schemas/User)');
    expect(message).toMatch(/\n {2}called from apps\/web\/src\/profile-msw\.test\.ts:18:\d+ \(fetch call in apps\/web\/src\/profile\.ts:7:\d+\)\n {2}mocked by the msw handler at apps\/web\/src\/profile-msw\.test\.ts:17:\d+$/);
    expect(message).not.toContain('emailAddress');
  });

  it('validates responses of shared handlers (a handlers module) in the test that made the request', () => {
    expect(result('profile-shared-handlers.test.ts', 'passes with the shared plan handler').status).toBe('passed');
    const { message } = result('profile-shared-handlers.test.ts', 'fails with the shared, stale profile handler');
    expect(message).toContain('/lastLogin is not in the contract (unknown property) — apis/users/openapi.yaml:45:5');
    expect(message).toMatch(/called from apps\/web\/src\/profile-shared-handlers\.test\.ts:14:\d+ \(fetch call in apps\/web\/src\/profile\.ts:7:\d+\)/);
    expect(message).toMatch(/mocked by the msw handler at apps\/web\/src\/mocks\/handlers\.ts:4:\d+ \(loaded from apps\/web\/src\/profile-shared-handlers\.test\.ts:2:\d+\)/);
  });

  it('checks path and header parameters of requests answered by msw, whichever client sent them', () => {
    const pathId = result('orders.test.ts', 'fails a non-integer path id').message;
    expect(pathId).toContain('GET /api/orders/{orderId} request does not match the contract:');
    expect(pathId).toContain(`path parameter 'orderId' must be integer, got "abc" — apis/orders/openapi.yaml:14:11 (#/paths/~1orders~1{orderId}/get/parameters/0/schema)`);
    expect(pathId).toMatch(/called from apps\/shop\/src\/orders\.test\.ts:14:\d+ \(fetch\)/);
    const header = result('orders.test.ts', 'fails a request without the required header').message;
    expect(header).toContain(`required header parameter 'X-Tenant-Id' is missing — apis/orders/openapi.yaml:16:11`);
    expect(header).toMatch(/called from apps\/shop\/src\/orders\.test\.ts:18:\d+ \(axios\)/);
  });

  it('says expected vs actual for a wrong type mocked by msw and fetched with axios', () => {
    const { message } = result('profile-msw.test.ts', 'msw fails a handler with a wrong type, whichever client asked (axios)');
    expect(message).toContain('GET /api/users/{id}/plan 200 response does not match the contract:');
    expect(message).toContain('/tier must be one of "free", "pro", "enterprise", got "gold" — apis/users/openapi.yaml:60:9 (#/components/schemas/Plan/properties/tier)');
    expect(message).toMatch(/called from apps\/web\/src\/profile-msw\.test\.ts:23:\d+ \(axios call in apps\/web\/src\/profile\.ts:13:\d+\)/);
    expect(message).toMatch(/mocked by the msw handler at apps\/web\/src\/profile-msw\.test\.ts:22:\d+/);
  });

  it('reports an msw handler for an unknown endpoint where the test defines it', () => {
    const { message } = result('profile-msw.test.ts', 'msw fails a handler for an endpoint the spec does not have');
    expect(message).toContain('msw handler for GET http://users.test/api/users/:id/avatar mocks an endpoint that is not an operation of apis/users/openapi.yaml (did you mean GET /api/users/{id}/plan?)');
    expect(message).toMatch(/defined at apps\/web\/src\/profile-msw\.test\.ts:27:\d+/);
  });

  it('says, for a fetch stub, every problem and both the test line and the code that called fetch', () => {
    const { message } = result('profile-stubs.test.ts', 'fetch stubs fails a stub that still returns lastLogin and email');
    expect(message).toContain('/emailAddress is required but missing — apis/users/openapi.yaml:45:5');
    expect(message).toContain('/email is not in the contract (unknown property)');
    expect(message).toContain('/lastLogin is not in the contract (unknown property)');
    expect(message).toMatch(/called from apps\/web\/src\/profile-stubs\.test\.ts:11:\d+ \(fetch call in apps\/web\/src\/profile\.ts:7:\d+\)/);
  });

  it('fails a call to an unknown operation with a "did you mean"', () => {
    const { message } = result('profile-stubs.test.ts', 'fetch stubs fails a call to an operation the spec does not have');
    expect(message).toContain('GET /api/users/7/avatar is not an operation of apis/users/openapi.yaml (did you mean GET /api/users/{id}/plan?)');
    expect(message).toMatch(/called from apps\/web\/src\/profile-stubs\.test\.ts:16:\d+ \(fetch\)/);
  });
});
