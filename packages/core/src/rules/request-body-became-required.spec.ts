import { api, get, obj, post, ruleIds } from '../diff/diff-test-kit';

describe('request-body-became-required', () => {
  it('reports an optional body made required', () => {
    expect(ruleIds(api({ '/a': { post: post(obj({ a: { type: 'string' } })) } }), api({ '/a': { post: post(obj({ a: { type: 'string' } }), {}, true) } }))).toEqual(['request-body-became-required']);
  });
});
