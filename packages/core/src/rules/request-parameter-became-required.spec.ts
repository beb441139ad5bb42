import { api, get, obj, post, ruleIds } from '../diff/diff-test-kit';

describe('request-parameter-became-required', () => {
  it('reports an optional parameter made required', () => {
    expect(ruleIds(api({ '/a': { get: get(obj({}), { parameters: [{ name: 'q', in: 'query', schema: { type: 'string' } }] }) } }), api({ '/a': { get: get(obj({}), { parameters: [{ name: 'q', in: 'query', required: true, schema: { type: 'string' } }] }) } }))).toEqual(['request-parameter-became-required']);
  });
});
