import { api, get, obj, post, ruleIds } from '../diff/diff-test-kit';

describe('response-optional-header-removed', () => {
  it('reports an optional header removed', () => {
    expect(ruleIds(api({ '/a': { get: { responses: { '200': { description: 'ok', headers: { 'X-Trace': { schema: { type: 'string' } } } } } } } }), api({ '/a': { get: { responses: { '200': { description: 'ok' } } } } }))).toEqual(['response-optional-header-removed']);
  });
});
