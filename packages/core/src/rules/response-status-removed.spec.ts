import { api, get, obj, post, ruleIds } from '../diff/diff-test-kit';

describe('response-status-removed', () => {
  it('reports a removed 201', () => {
    expect(ruleIds(api({ '/a': { post: { responses: { '200': { description: 'ok' }, '201': { description: 'created' } } } } }), api({ '/a': { post: { responses: { '200': { description: 'ok' } } } } }))).toEqual(['response-status-removed']);
  });
});
