import { loadSpec } from './load-spec';
import { resolveCall, resolveCallInSpecs } from './match-call';
import { listOperations } from './operations';

const SPEC = `openapi: 3.0.3
info: { title: t, version: '1' }
servers: [{ url: /api }]
paths:
  /users/{id}:
    get: { responses: {} }
    delete: { responses: {} }
  /users/me:
    get: { responses: {} }
  /users/{userId}/plan:
    get: { responses: {} }
  /files/{name}.json:
    get: { responses: {} }
  /orgs/{org}/users/{id}:
    get: { responses: {} }
  /teams/{team}/items/{id}:
    get: { responses: {} }
  /projects/{project}/items/{id}:
    get: { responses: {} }
`;

const operationsOf = (text: string) => listOperations(loadSpec('s.yaml', (file) => (file === 's.yaml' ? text : undefined)));
const operations = operationsOf(SPEC);
const resolve = (method: string, url: string) => {
  const resolution = resolveCall(method, url, operations);
  if (resolution.kind === 'matched') return `matched ${resolution.operation.method} ${resolution.operation.path}`;
  if (resolution.kind === 'path-not-found') return `near ${resolution.nearest.method} ${resolution.nearest.path}`;
  if (resolution.kind === 'ambiguous') return `ambiguous ${resolution.candidates.map((operation) => operation.path).join(' | ')}`;
  if (resolution.kind === 'method-not-found') return `method? ${resolution.candidates.map((operation) => operation.method).join(',')}`;
  return 'unrelated';
};

describe('resolveCall', () => {
  it.each([
    ['GET', '/api/users/{}', 'matched GET /api/users/{id}'],
    ['GET', '/api/users/42', 'matched GET /api/users/{id}'],
    ['GET', '/api/users/me', 'matched GET /api/users/me'],
    ['GET', '/api/users/{}/plan', 'matched GET /api/users/{userId}/plan'],
    ['DELETE', '/api/users/{}/', 'matched DELETE /api/users/{id}'],
    ['GET', '/api/files/{}.json', 'matched GET /api/files/{name}.json'],
    ['GET', '{}/users/{}', 'matched GET /api/users/{id}'],
    ['GET', '{}/api/users/{}/plan', 'matched GET /api/users/{userId}/plan'],
    ['GET', '{}/orgs/{}/users/{}', 'matched GET /api/orgs/{org}/users/{id}'],
    ['GET', '/api/orgs/{}/users/{}', 'matched GET /api/orgs/{org}/users/{id}'],
  ])('%s %s → %s', (method, url, expected) => {
    expect(resolve(method, url)).toBe(expected);
  });

  it('says when the path exists but not with that method', () => {
    expect(resolve('PUT', '/api/users/{}')).toBe('method? DELETE,GET');
  });

  it('names the nearest operation for a typo in a path of this API', () => {
    expect(resolve('GET', '/api/users/{}/plann')).toBe('near GET /api/users/{userId}/plan');
  });

  it('leaves calls to other APIs alone', () => {
    expect(resolve('GET', '/api/orders/{}')).toBe('unrelated');
    expect(resolve('GET', '/health')).toBe('unrelated');
  });

  it('prefers, behind an unknown base URL, the operation that leaves the fewest segments to it', () => {
    // `/api/orgs/{org}/users/{id}` ends like the call too, but only by letting the base URL be `/api/orgs/{org}`.
    expect(resolve('GET', '{}/users/{}')).toBe('matched GET /api/users/{id}');
  });

  it('needs a literal segment behind an unknown base URL: `{}/{}` could be any API', () => {
    expect(resolve('GET', '{}/{}')).toBe('unrelated');
    expect(resolve('GET', '{}/{}/{}')).toBe('unrelated');
  });

  it('calls a call ambiguous when operations fit it equally well, and lists them by path', () => {
    expect(resolve('GET', '{}/items/{}')).toBe('ambiguous /api/projects/{project}/items/{id} | /api/teams/{team}/items/{id}');
    expect(resolve('GET', '{}/teams/{}/items/{}')).toBe('matched GET /api/teams/{team}/items/{id}');
  });

  it('does not take a shared server base path for a call of this API: other services live behind the same gateway', () => {
    const gateway = operationsOf(`openapi: 3.0.3
info: { title: t, version: '1' }
servers: [{ url: 'https://api.example.com/api/v1' }]
paths:
  /users/me:
    get: { responses: {} }
  /users/{id}:
    get: { responses: {} }
`);
    expect(resolveCall('GET', '/api/v1/payments/invoices', gateway)).toEqual({ kind: 'unrelated' });
    expect(resolveCall('GET', '/api/v1/payments', gateway)).toEqual({ kind: 'unrelated' });
    const typo = resolveCall('GET', '/api/v1/users/{}/plann', gateway);
    expect(typo.kind === 'path-not-found' && typo.nearest.path).toBe('/api/v1/users/{id}');
  });
});

describe('resolveCallInSpecs', () => {
  const orgs = operationsOf(`openapi: 3.0.3
info: { title: orgs, version: '1' }
paths:
  /orgs/{org}/users/{id}:
    get: { responses: {} }
`);
  const users = operationsOf(`openapi: 3.0.3
info: { title: users, version: '1' }
servers: [{ url: /api }]
paths:
  /users/{id}:
    get: { responses: {} }
`);
  const specs = { orgs, users, usersAgain: operationsOf(`openapi: 3.0.3
info: { title: users, version: '1' }
servers: [{ url: /api }]
paths:
  /users/{id}:
    get: { responses: {} }
`) };
  type Name = keyof typeof specs;
  const resolveIn = (names: Name[], method: string, url: string) => {
    const resolution = resolveCallInSpecs(method, url, names, (name) => specs[name]);
    if (resolution.kind === 'matched') return `${resolution.spec} ${resolution.operation.path}`;
    if (resolution.kind === 'ambiguous') return `ambiguous ${resolution.candidates.map(({ spec, operation }) => `${spec} ${operation.path}`).join(' | ')}`;
    return `unmatched ${resolution.nearMisses.map(({ spec }) => spec).join(',')}`;
  };

  it('picks the spec whose operation fits best, whichever order the specs come in', () => {
    expect(resolveIn(['orgs', 'users'], 'GET', '{}/users/{}')).toBe('users /api/users/{id}');
    expect(resolveIn(['users', 'orgs'], 'GET', '{}/users/{}')).toBe('users /api/users/{id}');
  });

  it('gives an operation that two specs both define (one API in two files) to the first of them', () => {
    expect(resolveIn(['usersAgain', 'users'], 'GET', '/api/users/{}')).toBe('usersAgain /api/users/{id}');
  });

  it('lists the near misses of a call that fits no spec', () => {
    expect(resolveIn(['orgs', 'users'], 'GET', '/api/users/{}/plann')).toBe('unmatched users');
    expect(resolveIn(['orgs', 'users'], 'GET', '/health')).toBe('unmatched ');
  });
});
