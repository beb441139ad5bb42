import { api, get, obj, post, ruleIds } from '../diff/diff-test-kit';

describe('response-property-became-optional', () => {
  it('reports a required property made optional', () => {
    expect(ruleIds(api({ '/a': { get: get(obj({ a: { type: 'string' } }, ['a'])) } }), api({ '/a': { get: get(obj({ a: { type: 'string' } })) } }))).toEqual(['response-property-became-optional']);
  });
});
