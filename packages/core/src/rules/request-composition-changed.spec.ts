import { api, get, obj, post, ruleIds } from '../diff/diff-test-kit';

describe('request-composition-changed', () => {
  it('reports a oneOf alternative removed', () => {
    expect(ruleIds(api({ '/a': { post: post({ oneOf: [obj({ a: { type: 'string' } }), obj({ b: { type: 'string' } })] }) } }), api({ '/a': { post: post({ oneOf: [obj({ a: { type: 'string' } })] }) } }))).toEqual(['request-composition-changed']);
  });
});
