import { api, get, obj, post, ruleIds } from '../diff/diff-test-kit';

describe('endpoint-removed', () => {
  it('reports a removed operation', () => {
    expect(ruleIds(api({ '/a': { get: get(obj({})) }, '/b': { get: get(obj({})) } }), api({ '/a': { get: get(obj({})) } }))).toEqual(['endpoint-removed']);
  });

  it('stays quiet on a deprecated operation removed after its sunset', () => {
    expect(ruleIds(api({ '/a': { get: get(obj({})) }, '/b': { get: get(obj({}), { deprecated: true, 'x-sunset': '2026-01-01' }) } }), api({ '/a': { get: get(obj({})) } }))).toEqual([]);
  });
});
