import { api, get, obj, post, ruleIds } from '../diff/diff-test-kit';

describe('response-property-type-changed', () => {
  it('reports integer → string', () => {
    expect(ruleIds(api({ '/a': { get: get(obj({ a: { type: 'integer' } })) } }), api({ '/a': { get: get(obj({ a: { type: 'string' } })) } }))).toEqual(['response-property-type-changed']);
  });

  it('stays quiet on number → integer (narrower)', () => {
    expect(ruleIds(api({ '/a': { get: get(obj({ a: { type: 'number' } })) } }), api({ '/a': { get: get(obj({ a: { type: 'integer' } })) } }))).toEqual([]);
  });
});
