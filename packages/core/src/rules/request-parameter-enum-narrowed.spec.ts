import { api, get, obj, post, ruleIds } from '../diff/diff-test-kit';

describe('request-parameter-enum-narrowed', () => {
  it('reports an enum value removed', () => {
    expect(ruleIds(api({ '/a': { get: get(obj({}), { parameters: [{ name: 's', in: 'query', schema: { type: 'string', enum: ['a', 'b'] } }] }) } }), api({ '/a': { get: get(obj({}), { parameters: [{ name: 's', in: 'query', schema: { type: 'string', enum: ['a'] } }] }) } }))).toEqual(['request-parameter-enum-narrowed']);
  });

  it('stays quiet on an enum value added', () => {
    expect(ruleIds(api({ '/a': { get: get(obj({}), { parameters: [{ name: 's', in: 'query', schema: { type: 'string', enum: ['a'] } }] }) } }), api({ '/a': { get: get(obj({}), { parameters: [{ name: 's', in: 'query', schema: { type: 'string', enum: ['a', 'b'] } }] }) } }))).toEqual([]);
  });
});
