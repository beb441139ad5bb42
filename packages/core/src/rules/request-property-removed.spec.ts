import { api, get, obj, post, ruleIds } from '../diff/diff-test-kit';

describe('request-property-removed', () => {
  it('reports a removed request property', () => {
    expect(ruleIds(api({ '/a': { post: post(obj({ a: { type: 'string' }, b: { type: 'string' } })) } }), api({ '/a': { post: post(obj({ a: { type: 'string' } })) } }))).toEqual(['request-property-removed']);
  });
});
