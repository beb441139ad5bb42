import { api, get, obj, post, ruleIds } from '../diff/diff-test-kit';

describe('response-property-keyword-changed', () => {
  it('reports propertyNames added', () => {
    expect(ruleIds(api({ '/a': { get: get(obj({ a: { type: 'object' } })) } }), api({ '/a': { get: get(obj({ a: { type: 'object', propertyNames: { pattern: '^x' } } })) } }))).toEqual(['response-property-keyword-changed']);
  });
});
