import * as path from 'node:path';
import { formatViolation } from './exchange';
import { ValidationContext } from './hooks/context';
import { installFetchHook } from './hooks/fetch';
import { installMswHook } from './hooks/msw';
import { installContractValidation } from './install';
import { loadProfile } from './__fixtures__/profile';

const change = path.resolve(__dirname, '../../../examples/story/change');
const staleUser = { id: '42', name: 'Ada', email: 'ada@example.com', lastLogin: '2026-11-20T10:00:00Z' };
const currentUser = { id: '42', name: 'Ada', emailAddress: 'ada@example.com' };

const validation = installContractValidation({ workspaceRoot: change }, jest);
const messages = () => validation.takeViolations().map(formatViolation);

describe('fetch', () => {

  it('validates stubs made with jest.spyOn(global, "fetch")', async () => {
    const spy = jest.spyOn(global, 'fetch').mockResolvedValue(new Response(JSON.stringify(staleUser), { headers: { 'content-type': 'application/json' } }));
    await loadProfile('42');
    expect(spy).toHaveBeenCalledWith('/api/users/42');
    expect(messages()[0]).toContain('/lastLogin is not in the contract (unknown property)');
    spy.mockRestore();
  });

  it('validates hand-made response objects and still hands their body to the code', async () => {
    global.fetch = jest.fn(async () => ({ ok: true, status: 200, json: async () => currentUser })) as unknown as typeof fetch;
    await expect(loadProfile('42')).resolves.toEqual(currentUser);
    expect(messages()).toEqual([]);
  });

  it('reports a call to an operation the spec does not have', async () => {
    global.fetch = jest.fn(async () => new Response('{}')) as unknown as typeof fetch;
    await fetch('/api/users/42/avatar');
    expect(messages()[0]).toMatch(/^GET \/api\/users\/42\/avatar is not an operation of apis\/users\/openapi.yaml/);
  });

  it('reports a status the operation does not declare', async () => {
    global.fetch = jest.fn(async () => new Response('oops', { status: 500 })) as unknown as typeof fetch;
    await expect(loadProfile('42')).rejects.toThrow('500');
    expect(messages()[0]).toContain('status 500 is not declared (declared: 200, 404)');
  });

  it('keeps seeing calls while a library has defined its own fetch over the hook (msw 2 server.listen)', async () => {
    const target: Record<string, any> = { fetch: async () => Response.json({}) };
    const ctx = new ValidationContext(() => validation.contracts, change, __filename, () => expect.getState().currentTestName);
    const hook = installFetchHook(target, ctx, undefined);
    const hooked = Object.getOwnPropertyDescriptor(target, 'fetch') as PropertyDescriptor;
    const libraryFetch = jest.fn(async () => Response.json(staleUser));
    Object.defineProperty(target, 'fetch', { value: libraryFetch, configurable: true, enumerable: true });
    hook.repair(); // as the setup does before each test
    await target.fetch('/api/users/42');
    expect(libraryFetch).toHaveBeenCalledTimes(1);
    expect(ctx.take().map(formatViolation)[0]).toMatch(/\/lastLogin is not in the contract[^]*\n {2}called from packages\/jest\/src\/hooks.spec.ts:\d+:\d+ \(fetch\)$/);

    Object.defineProperty(target, 'fetch', hooked); // the library puts back what it found
    hook.repair();
    await target.fetch('/api/users/42');
    expect(libraryFetch).toHaveBeenCalledTimes(1);
    const seenByTheHookAlone = ctx.take(); // the original fetch's `{}`, once
    expect(seenByTheHookAlone).toHaveLength(1);
    expect(formatViolation(seenByTheHookAlone[0])).toContain('/id is required but missing');
    hook.uninstall();
  });

  it('ignores calls to APIs no spec describes', async () => {
    global.fetch = jest.fn(async () => new Response('{"anything":1}')) as unknown as typeof fetch;
    await fetch('https://payments.example.com/v1/charges');
    expect(messages()).toEqual([]);
  });
});

// msw 2.15 loads ESM-only packages (rettime, until-async, @open-draft/deferred-promise) that this
// repo's jest config does not compile: here the hook is driven through an object shaped like msw's
// `http` namespace. A real `setupServer` runs under the setup in e2e/jest-setup.e2e.spec.ts.
describe('msw handlers', () => {
  type Resolver = (info: { request: Request }) => Promise<Response> | Response;
  const fakeMsw = () => ({ http: { get: (predicate: string, resolver: Resolver) => ({ predicate, resolver }) } });
  const context = () => new ValidationContext(() => validation.contracts, change, __filename, () => expect.getState().currentTestName);

  it('validates what a handler mocks, with the handler as call site', async () => {
    const msw = fakeMsw();
    const ctx = context();
    installMswHook(msw, ctx);
    const handler = msw.http.get('/api/users/:id', () => Response.json(staleUser));
    const response = await handler.resolver({ request: new Request('http://localhost/api/users/42') });
    expect(await response.json()).toEqual(staleUser);
    const [message] = ctx.take().map(formatViolation);
    expect(message).toContain('GET /api/users/{id} 200 response does not match the contract');
    expect(message).toContain('/lastLogin is not in the contract');
    expect(message).toMatch(/\n {2}mocked by the msw handler at packages\/jest\/src\/hooks.spec.ts:\d+:\d+$/);
  });

  it('reports an exchange seen by the handler and by the client once, with both sites, the request first', () => {
    const ctx = context();
    const violation = { operation: 'GET /api/users/{id}', summary: 'GET /api/users/{id} 200 response does not match the contract', problems: [{ pointer: '/lastLogin', message: '/lastLogin is not in the contract (unknown property)' }] };
    ctx.record([{ ...violation, where: 'mocked by the msw handler at src/mocks/handlers.ts:4:8' }]);
    ctx.record([{ ...violation, where: 'called from src/profile.test.ts:12:5 (fetch)' }]);
    ctx.record([{ ...violation, where: 'called from src/profile.test.ts:12:5 (fetch)' }]);
    const reported = ctx.take();
    expect(reported).toHaveLength(1);
    expect(reported[0].where).toBe('called from src/profile.test.ts:12:5 (fetch)\n  mocked by the msw handler at src/mocks/handlers.ts:4:8');
  });

  it('reports a handler for an endpoint that does not exist where it is defined', () => {
    const msw = fakeMsw();
    const ctx = context();
    installMswHook(msw, ctx);
    msw.http.get('/api/user/:id', () => Response.json({}));
    msw.http.get('https://payments.example.com/v1/charges', () => Response.json({}));
    const messages = ctx.take().map(formatViolation);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatch(/^msw handler for GET \/api\/user\/:id mocks an endpoint that is not an operation of apis\/users\/openapi.yaml \(did you mean GET \/api\/users\/\{id\}\?\)/);
    expect(messages[0]).toMatch(/defined at packages\/jest\/src\/hooks.spec.ts:\d+:\d+/);
  });
});

describe('axios', () => {
  // Loaded after the install, as a test file loads it after the setup: the hook comes with it.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const axios: typeof import('axios').default = require('axios');
  const respondWith = (status: number, data: unknown) => async (config: any) => ({ data, status, statusText: '', headers: { 'content-type': 'application/json' }, config });

  it('validates responses of instances made by axios.create', async () => {
    const client = axios.create({ baseURL: 'http://localhost', adapter: respondWith(200, { tier: 'gold' }) });
    await client.get('/api/users/42/plan');
    const teapot = axios.create({ baseURL: 'http://localhost', adapter: respondWith(418, {}) });
    await teapot.get('/api/users/42');
    const all = messages();
    expect(all[0]).toContain('/tier must be one of "free", "pro", "enterprise", got "gold"');
    expect(all[0]).toMatch(/called from packages\/jest\/src\/hooks.spec.ts:\d+:\d+ \(axios\)/);
    expect(all[1]).toContain('status 418 is not declared (declared: 200, 404)');
  });
});

describe('toMatchContract', () => {
  it('passes a body that matches and fails one that does not, with the spec line', () => {
    expect(currentUser).toMatchContract('GET /api/users/{id}', 200);
    expect(currentUser).toMatchContract('getUser', 200);
    expect(() => expect(staleUser).toMatchContract('GET /users/{userId}', 200)).toThrow(
      /GET \/api\/users\/\{id\} 200 response does not match the contract:\n {2}\/emailAddress is required but missing — apis\/users\/openapi.yaml:45:5/,
    );
    expect(() => expect({}).toMatchContract('GET /api/nope', 200)).toThrow('GET /api/nope is not an operation of any spec');
  });
});

describe('loading axios and msw', () => {
  // A jest object that records what the setup asks of the module registry.
  const factories = new Map<string, () => any>();
  const loaded: string[] = [];
  const recordingJest = {
    fn: jest.fn,
    mock: (name: string, factory: () => unknown) => factories.set(name, factory),
    requireActual: (name: string) => {
      loaded.push(name);
      return jest.requireActual(name);
    },
  };
  const lazy = installContractValidation({ workspaceRoot: change, fetch: false }, recordingJest);
  afterAll(() => lazy.uninstall());

  it('loads neither until the test file does, then hooks the module it gets', () => {
    const axiosPath = require.resolve('axios');
    expect([...factories.keys()]).toEqual([axiosPath, require.resolve('msw')]);
    expect(loaded).toEqual([]);

    const actual = jest.requireActual('axios');
    const createBefore = actual.create;
    const module = factories.get(axiosPath)?.();
    expect(loaded).toEqual([axiosPath]);
    expect(module).toBe(actual);
    expect(actual.create).not.toBe(createBefore);
    lazy.uninstall();
    expect(actual.create).toBe(createBefore);
  });
});
