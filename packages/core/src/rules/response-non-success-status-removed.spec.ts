import { api, get, obj, post, ruleIds } from '../diff/diff-test-kit';

describe('response-non-success-status-removed', () => {
  it('reports a removed 404', () => {
    expect(ruleIds(api({ '/a': { get: { responses: { '200': { description: 'ok' }, '404': { description: 'missing' } } } } }), api({ '/a': { get: { responses: { '200': { description: 'ok' } } } } }))).toEqual(['response-non-success-status-removed']);
  });

  it('stays quiet on 404 folded into 4XX', () => {
    expect(ruleIds(api({ '/a': { get: { responses: { '200': { description: 'ok' }, '404': { description: 'missing' } } } } }), api({ '/a': { get: { responses: { '200': { description: 'ok' }, '4XX': { description: 'client error' } } } } }))).toEqual([]);
  });
});
