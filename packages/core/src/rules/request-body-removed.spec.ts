import { api, get, obj, post, ruleIds } from '../diff/diff-test-kit';

describe('request-body-removed', () => {
  it('reports a removed body', () => {
    expect(ruleIds(api({ '/a': { post: post(obj({ a: { type: 'string' } })) } }), api({ '/a': { post: { responses: { '204': { description: 'done' } } } } }))).toEqual(['request-body-removed']);
  });
});
