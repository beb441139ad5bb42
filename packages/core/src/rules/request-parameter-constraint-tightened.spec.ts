import { api, get, obj, post, ruleIds } from '../diff/diff-test-kit';

describe('request-parameter-constraint-tightened', () => {
  it('reports a smaller maxLength', () => {
    expect(ruleIds(api({ '/a': { get: get(obj({}), { parameters: [{ name: 's', in: 'query', schema: { type: 'string', maxLength: 10 } }] }) } }), api({ '/a': { get: get(obj({}), { parameters: [{ name: 's', in: 'query', schema: { type: 'string', maxLength: 5 } }] }) } }))).toEqual(['request-parameter-constraint-tightened']);
  });

  it('stays quiet on a larger maxLength', () => {
    expect(ruleIds(api({ '/a': { get: get(obj({}), { parameters: [{ name: 's', in: 'query', schema: { type: 'string', maxLength: 5 } }] }) } }), api({ '/a': { get: get(obj({}), { parameters: [{ name: 's', in: 'query', schema: { type: 'string', maxLength: 10 } }] }) } }))).toEqual([]);
  });
});
