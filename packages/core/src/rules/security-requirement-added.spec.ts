import { api, get, obj, post, ruleIds } from '../diff/diff-test-kit';

describe('security-requirement-added', () => {
  it('reports security added to an open operation', () => {
    expect(ruleIds(api({ '/a': { get: get(obj({})) } }), api({ '/a': { get: get(obj({}), { security: [{ apiKey: [] }] }) } }))).toEqual(['security-requirement-added']);
  });

  it('stays quiet on a new alternative', () => {
    expect(ruleIds(api({ '/a': { get: get(obj({}), { security: [{ apiKey: [] }] }) } }), api({ '/a': { get: get(obj({}), { security: [{ apiKey: [] }, { oauth: [] }] }) } }))).toEqual([]);
  });
});
