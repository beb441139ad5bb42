import { api, diffDocuments, get, obj, post, ruleIds } from '../diff/diff-test-kit';

describe('response-property-removed', () => {
  it('reports a removed response property', () => {
    expect(ruleIds(api({ '/a': { get: get(obj({ a: { type: 'string' }, b: { type: 'string' } })) } }), api({ '/a': { get: get(obj({ a: { type: 'string' } })) } }))).toEqual(['response-property-removed']);
  });

  it('stays quiet on the same schema moved into components', () => {
    expect(ruleIds(api({ '/a': { get: get(obj({ a: { type: 'string' } })) } }), api({ '/a': { get: get({ $ref: '#/components/schemas/A' }) } }, { components: { schemas: { A: obj({ a: { type: 'string' } }) } } }))).toEqual([]);
  });

  it('reports a response property that became writeOnly (responses no longer return it), not one that stops being writeOnly', () => {
    const spec = (writeOnly: boolean) => api({ '/a': { get: get(obj({ a: { type: 'string' }, secret: { type: 'string', writeOnly } }, ['a', 'secret'])) } });
    expect(diffDocuments(spec(false), spec(true)).map((change) => `${change.ruleId}: ${change.message}`)).toEqual(["response-property-removed: GET /a: response property 'secret' became writeOnly, so responses no longer return it"]);
    expect(ruleIds(spec(true), spec(false))).toEqual([]);
  });
});
