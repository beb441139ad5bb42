import { api, get, obj, post, ruleIds } from '../diff/diff-test-kit';

describe('deprecated-without-sunset', () => {
  it('reports deprecation without x-sunset', () => {
    expect(ruleIds(api({ '/a': { get: get(obj({})) } }), api({ '/a': { get: get(obj({}), { deprecated: true }) } }))).toEqual(['deprecated-without-sunset']);
  });

  it('stays quiet on deprecation with a sunset', () => {
    expect(ruleIds(api({ '/a': { get: get(obj({})) } }), api({ '/a': { get: get(obj({}), { deprecated: true, 'x-sunset': '2027-01-01' }) } }))).toEqual([]);
  });
});
