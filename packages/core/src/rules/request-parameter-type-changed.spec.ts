import { api, get, obj, post, ruleIds } from '../diff/diff-test-kit';

describe('request-parameter-type-changed', () => {
  it('reports integer → string', () => {
    expect(ruleIds(api({ '/a': { get: get(obj({}), { parameters: [{ name: 'n', in: 'query', schema: { type: 'integer' } }] }) } }), api({ '/a': { get: get(obj({}), { parameters: [{ name: 'n', in: 'query', schema: { type: 'string' } }] }) } }))).toEqual(['request-parameter-type-changed']);
  });

  it('stays quiet on integer → number (wider)', () => {
    expect(ruleIds(api({ '/a': { get: get(obj({}), { parameters: [{ name: 'n', in: 'query', schema: { type: 'integer' } }] }) } }), api({ '/a': { get: get(obj({}), { parameters: [{ name: 'n', in: 'query', schema: { type: 'number' } }] }) } }))).toEqual([]);
  });
});
