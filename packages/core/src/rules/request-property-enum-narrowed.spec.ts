import { api, get, obj, post, ruleIds } from '../diff/diff-test-kit';

describe('request-property-enum-narrowed', () => {
  it('reports an enum value removed', () => {
    expect(ruleIds(api({ '/a': { post: post(obj({ a: { type: 'string', enum: ['x', 'y'] } })) } }), api({ '/a': { post: post(obj({ a: { type: 'string', enum: ['x'] } })) } }))).toEqual(['request-property-enum-narrowed']);
  });
});
