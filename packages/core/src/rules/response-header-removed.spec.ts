import { api, get, obj, post, ruleIds } from '../diff/diff-test-kit';

describe('response-header-removed', () => {
  it('reports a required header removed', () => {
    expect(ruleIds(api({ '/a': { get: { responses: { '200': { description: 'ok', headers: { 'X-Rate': { required: true, schema: { type: 'integer' } } } } } } } }), api({ '/a': { get: { responses: { '200': { description: 'ok' } } } } }))).toEqual(['response-header-removed']);
  });
});
