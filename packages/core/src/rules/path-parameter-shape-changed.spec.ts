import { api, get, obj, post, ruleIds } from '../diff/diff-test-kit';

describe('path-parameter-shape-changed', () => {
  it('reports a path that changed shape', () => {
    expect(ruleIds(api({ '/users/{id}': { get: get(obj({}), { operationId: 'getUser' }) } }), api({ '/users/{org}/{id}': { get: get(obj({}), { operationId: 'getUser' }) } }))).toEqual(['path-parameter-shape-changed']);
  });

  it('stays quiet on a renamed path parameter', () => {
    expect(ruleIds(api({ '/users/{id}': { get: get(obj({ a: { type: 'string' } })) } }), api({ '/users/{userId}': { get: get(obj({ a: { type: 'string' } })) } }))).toEqual([]);
  });
});
