import { api, get, obj, post, ruleIds } from '../diff/diff-test-kit';

describe('request-parameter-removed', () => {
  it('reports a removed query parameter', () => {
    expect(ruleIds(api({ '/a': { get: get(obj({}), { parameters: [{ name: 'q', in: 'query', schema: { type: 'string' } }] }) } }), api({ '/a': { get: get(obj({})) } }))).toEqual(['request-parameter-removed']);
  });

  it('stays quiet on a deprecated parameter removed after its sunset', () => {
    expect(ruleIds(api({ '/a': { get: get(obj({}), { parameters: [{ name: 'q', in: 'query', deprecated: true, 'x-sunset': '2026-01-01', schema: { type: 'string' } }] }) } }), api({ '/a': { get: get(obj({})) } }))).toEqual([]);
  });
});
