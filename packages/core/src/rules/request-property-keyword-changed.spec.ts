import { api, get, obj, post, ruleIds } from '../diff/diff-test-kit';

describe('request-property-keyword-changed', () => {
  it('reports a contains added', () => {
    expect(ruleIds(api({ '/a': { post: post(obj({ a: { type: 'array', items: { type: 'string' } } })) } }), api({ '/a': { post: post(obj({ a: { type: 'array', items: { type: 'string' }, contains: { const: 'x' } } })) } }))).toEqual(['request-property-keyword-changed']);
  });
});
