import { api, get, obj, post, ruleIds } from '../diff/diff-test-kit';

describe('endpoint-removed-before-sunset', () => {
  it('reports a deprecated operation removed before its sunset', () => {
    expect(ruleIds(api({ '/a': { get: get(obj({})) }, '/b': { get: get(obj({}), { deprecated: true, 'x-sunset': '2027-01-01' }) } }), api({ '/a': { get: get(obj({})) } }))).toEqual(['endpoint-removed-before-sunset']);
  });
});
