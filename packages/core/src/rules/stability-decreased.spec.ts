import { api, get, obj, post, ruleIds } from '../diff/diff-test-kit';

describe('stability-decreased', () => {
  it('reports stable → beta', () => {
    expect(ruleIds(api({ '/a': { get: get(obj({}), { 'x-stability-level': 'stable' }) } }), api({ '/a': { get: get(obj({}), { 'x-stability-level': 'beta' }) } }))).toEqual(['stability-decreased']);
  });

  it('stays quiet on beta → stable', () => {
    expect(ruleIds(api({ '/a': { get: get(obj({}), { 'x-stability-level': 'beta' }) } }), api({ '/a': { get: get(obj({}), { 'x-stability-level': 'stable' }) } }))).toEqual([]);
  });
});
