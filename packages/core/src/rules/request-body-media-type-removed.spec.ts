import { api, get, obj, post, ruleIds } from '../diff/diff-test-kit';

describe('request-body-media-type-removed', () => {
  it('reports a media type no longer accepted', () => {
    expect(ruleIds(api({ '/a': { post: { requestBody: { content: { 'application/json': { schema: obj({}) }, 'application/xml': { schema: obj({}) } } }, responses: { '204': { description: 'done' } } } } }), api({ '/a': { post: post(obj({})) } }))).toEqual(['request-body-media-type-removed']);
  });
});
