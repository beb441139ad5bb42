import { api, get, obj, post, ruleIds } from '../diff/diff-test-kit';

describe('request-parameter-moved', () => {
  it('reports query → header', () => {
    expect(ruleIds(api({ '/a': { get: get(obj({}), { parameters: [{ name: 'q', in: 'query', schema: { type: 'string' } }] }) } }), api({ '/a': { get: get(obj({}), { parameters: [{ name: 'q', in: 'header', schema: { type: 'string' } }] }) } }))).toEqual(['request-parameter-moved']);
  });
});
