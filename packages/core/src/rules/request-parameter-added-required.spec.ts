import { api, get, obj, post, ruleIds } from '../diff/diff-test-kit';

describe('request-parameter-added-required', () => {
  it('reports a new required parameter', () => {
    expect(ruleIds(api({ '/a': { get: get(obj({})) } }), api({ '/a': { get: get(obj({}), { parameters: [{ name: 'q', in: 'query', required: true, schema: { type: 'string' } }] }) } }))).toEqual(['request-parameter-added-required']);
  });

  it('stays quiet on a new optional parameter', () => {
    expect(ruleIds(api({ '/a': { get: get(obj({})) } }), api({ '/a': { get: get(obj({}), { parameters: [{ name: 'q', in: 'query', schema: { type: 'string' } }] }) } }))).toEqual([]);
  });
});
