import { api, get, obj, post, ruleIds } from '../diff/diff-test-kit';

describe('request-property-added-required', () => {
  it('reports a new required property', () => {
    expect(ruleIds(api({ '/a': { post: post(obj({ a: { type: 'string' } })) } }), api({ '/a': { post: post(obj({ a: { type: 'string' }, b: { type: 'string' } }, ['b'])) } }))).toEqual(['request-property-added-required']);
  });

  it('stays quiet on a new read-only required property', () => {
    expect(ruleIds(api({ '/a': { post: post(obj({ a: { type: 'string' } })) } }), api({ '/a': { post: post(obj({ a: { type: 'string' }, b: { type: 'string', readOnly: true } }, ['b'])) } }))).toEqual([]);
  });
});
