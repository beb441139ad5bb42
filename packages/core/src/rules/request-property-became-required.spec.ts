import { api, get, obj, post, ruleIds } from '../diff/diff-test-kit';

describe('request-property-became-required', () => {
  it('reports an optional property made required', () => {
    expect(ruleIds(api({ '/a': { post: post(obj({ a: { type: 'string' } })) } }), api({ '/a': { post: post(obj({ a: { type: 'string' } }, ['a'])) } }))).toEqual(['request-property-became-required']);
  });

  it('stays quiet on a required property made optional', () => {
    expect(ruleIds(api({ '/a': { post: post(obj({ a: { type: 'string' } }, ['a'])) } }), api({ '/a': { post: post(obj({ a: { type: 'string' } })) } }))).toEqual([]);
  });
});
