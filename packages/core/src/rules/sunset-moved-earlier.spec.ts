import { api, get, obj, post, ruleIds } from '../diff/diff-test-kit';

describe('sunset-moved-earlier', () => {
  it('reports an earlier sunset', () => {
    expect(ruleIds(api({ '/a': { get: get(obj({}), { deprecated: true, 'x-sunset': '2028-01-01' }) } }), api({ '/a': { get: get(obj({}), { deprecated: true, 'x-sunset': '2027-01-01' }) } }))).toEqual(['sunset-moved-earlier']);
  });

  it('stays quiet on a later sunset', () => {
    expect(ruleIds(api({ '/a': { get: get(obj({}), { deprecated: true, 'x-sunset': '2027-01-01' }) } }), api({ '/a': { get: get(obj({}), { deprecated: true, 'x-sunset': '2028-01-01' }) } }))).toEqual([]);
  });
});
