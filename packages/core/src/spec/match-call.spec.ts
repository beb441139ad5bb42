import { loadSpec } from './load-spec';
import { resolveCall } from './match-call';
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
`;

const operations = listOperations(loadSpec('s.yaml', (file) => (file === 's.yaml' ? SPEC : undefined)));
const resolve = (method: string, url: string) => {
  const resolution = resolveCall(method, url, operations);
  if (resolution.kind === 'matched') return `matched ${resolution.operation.method} ${resolution.operation.path}`;
  if (resolution.kind === 'path-not-found') return `near ${resolution.nearest.method} ${resolution.nearest.path}`;
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
});
