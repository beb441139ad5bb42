import { api, get, obj, post, ruleIds } from '../diff/diff-test-kit';

describe('sunset-invalid', () => {
  it('reports a sunset that is not a date', () => {
    expect(ruleIds(api({ '/a': { get: get(obj({})) } }), api({ '/a': { get: get(obj({}), { deprecated: true, 'x-sunset': 'soon' }) } }))).toEqual(['sunset-invalid']);
  });
});
