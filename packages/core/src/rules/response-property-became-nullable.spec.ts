import { api, get, obj, post, ruleIds } from '../diff/diff-test-kit';

describe('response-property-became-nullable', () => {
  it('reports 3.0 nullable added', () => {
    expect(ruleIds(api({ '/a': { get: get(obj({ a: { type: 'string' } })) } }), api({ '/a': { get: get(obj({ a: { type: 'string', nullable: true } })) } }))).toEqual(['response-property-became-nullable']);
  });
});
