import { api, get, obj, post, ruleIds } from '../diff/diff-test-kit';

describe('security-scopes-changed', () => {
  it('reports a scope added', () => {
    expect(ruleIds(api({ '/a': { get: get(obj({}), { security: [{ oauth: ['read'] }] }) } }), api({ '/a': { get: get(obj({}), { security: [{ oauth: ['read', 'write'] }] }) } }))).toEqual(['security-scopes-changed']);
  });

  it('stays quiet on a scope removed', () => {
    expect(ruleIds(api({ '/a': { get: get(obj({}), { security: [{ oauth: ['read', 'write'] }] }) } }), api({ '/a': { get: get(obj({}), { security: [{ oauth: ['read'] }] }) } }))).toEqual([]);
  });
});
