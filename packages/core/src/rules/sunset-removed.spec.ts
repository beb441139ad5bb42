import { api, get, obj, post, ruleIds } from '../diff/diff-test-kit';

describe('sunset-removed', () => {
  it('reports a deleted sunset', () => {
    expect(ruleIds(api({ '/a': { get: get(obj({}), { deprecated: true, 'x-sunset': '2027-01-01' }) } }), api({ '/a': { get: get(obj({}), { deprecated: true }) } }))).toEqual(['sunset-removed']);
  });
});
