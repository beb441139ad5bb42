import { api, get, obj, post, ruleIds } from '../diff/diff-test-kit';

describe('request-parameter-default-changed', () => {
  it('reports a changed default', () => {
    expect(ruleIds(api({ '/a': { get: get(obj({}), { parameters: [{ name: 'n', in: 'query', schema: { type: 'integer', default: 10 } }] }) } }), api({ '/a': { get: get(obj({}), { parameters: [{ name: 'n', in: 'query', schema: { type: 'integer', default: 20 } }] }) } }))).toEqual(['request-parameter-default-changed']);
  });
});
