import { api, get, obj, post, ruleIds } from '../diff/diff-test-kit';

describe('property-stability-level-invalid', () => {
  it('reports an unknown level on a request property', () => {
    const base = api({ '/a': { post: post(obj({ status: { type: 'string', 'x-stability-level': 'draft' } })) } });
    const head = api({ '/a': { post: post(obj({ status: { type: 'string', 'x-stability-level': 1 } })) } });
    expect(ruleIds(base, head)).toEqual(['property-stability-level-invalid']);
  });

  it('reports an unknown level on a response property', () => {
    const base = api({ '/a': { get: get(obj({ id: { type: 'string' } })) } });
    const head = api({ '/a': { get: get(obj({ id: { type: 'string', 'x-stability-level': 'experimental' } })) } });
    expect(ruleIds(base, head)).toEqual(['property-stability-level-invalid']);
  });

  it('stays quiet on a known level', () => {
    const base = api({ '/a': { get: get(obj({ id: { type: 'string', 'x-stability-level': 'beta' } })) } });
    const head = api({ '/a': { get: get(obj({ id: { type: 'string', 'x-stability-level': 'stable' } })) } });
    expect(ruleIds(base, head)).toEqual([]);
  });
});
