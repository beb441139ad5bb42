import { api, get, obj, post, ruleIds } from '../diff/diff-test-kit';

describe('request-property-type-changed', () => {
  it('reports integer → string', () => {
    expect(ruleIds(api({ '/a': { post: post(obj({ a: { type: 'integer' } })) } }), api({ '/a': { post: post(obj({ a: { type: 'string' } })) } }))).toEqual(['request-property-type-changed']);
  });

  it('stays quiet on string → string | null (3.1 type list, wider)', () => {
    expect(ruleIds(api({ '/a': { post: post(obj({ a: { type: 'string' } })) } }), api({ '/a': { post: post(obj({ a: { type: ['string', 'null'] } })) } }))).toEqual([]);
  });
});
