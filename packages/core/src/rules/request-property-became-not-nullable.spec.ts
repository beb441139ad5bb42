import { api, get, obj, post, ruleIds } from '../diff/diff-test-kit';

describe('request-property-became-not-nullable', () => {
  it('reports nullable removed', () => {
    expect(ruleIds(api({ '/a': { post: post(obj({ a: { type: 'string', nullable: true } })) } }), api({ '/a': { post: post(obj({ a: { type: 'string' } })) } }))).toEqual(['request-property-became-not-nullable']);
  });
});
