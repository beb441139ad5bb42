import { api, get, obj, post, ruleIds } from '../diff/diff-test-kit';

describe('stability-level-invalid', () => {
  it('reports an unknown level', () => {
    expect(ruleIds(api({ '/a': { get: get(obj({})) } }), api({ '/a': { get: get(obj({}), { 'x-stability-level': 'experimental' }) } }))).toEqual(['stability-level-invalid']);
  });
});
