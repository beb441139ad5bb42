import { api, get, obj, post, ruleIds } from '../diff/diff-test-kit';

describe('request-property-additional-properties-disallowed', () => {
  it('reports additionalProperties: false added', () => {
    expect(ruleIds(api({ '/a': { post: post(obj({ a: { type: 'string' } })) } }), api({ '/a': { post: post({ ...obj({ a: { type: 'string' } }), additionalProperties: false }) } }))).toEqual(['request-property-additional-properties-disallowed']);
  });
});
