import { api, get, obj, post, ruleIds } from '../diff/diff-test-kit';

describe('request-body-schema-added', () => {
  it('reports a schema on a free-form body', () => {
    expect(ruleIds(api({ '/a': { post: { requestBody: { content: { 'application/json': {} } }, responses: { '204': { description: 'done' } } } } }), api({ '/a': { post: post(obj({})) } }))).toEqual(['request-body-schema-added']);
  });
});
