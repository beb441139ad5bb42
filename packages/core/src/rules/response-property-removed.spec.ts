import { api, get, obj, post, ruleIds } from '../diff/diff-test-kit';

describe('response-property-removed', () => {
  it('reports a removed response property', () => {
    expect(ruleIds(api({ '/a': { get: get(obj({ a: { type: 'string' }, b: { type: 'string' } })) } }), api({ '/a': { get: get(obj({ a: { type: 'string' } })) } }))).toEqual(['response-property-removed']);
  });

  it('stays quiet on the same schema moved into components', () => {
    expect(ruleIds(api({ '/a': { get: get(obj({ a: { type: 'string' } })) } }), api({ '/a': { get: get({ $ref: '#/components/schemas/A' }) } }, { components: { schemas: { A: obj({ a: { type: 'string' } }) } } }))).toEqual([]);
  });
});
