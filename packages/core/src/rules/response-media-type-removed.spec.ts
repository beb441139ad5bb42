import { api, get, obj, post, ruleIds } from '../diff/diff-test-kit';

describe('response-media-type-removed', () => {
  it('reports a media type no longer returned', () => {
    expect(ruleIds(api({ '/a': { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: obj({}) }, 'text/csv': { schema: { type: 'string' } } } } } } } }), api({ '/a': { get: get(obj({})) } }))).toEqual(['response-media-type-removed']);
  });
});
