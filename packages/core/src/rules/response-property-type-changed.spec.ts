import { api, diffDocuments, get, obj, post, ruleIds } from '../diff/diff-test-kit';

describe('response-property-type-changed', () => {
  it('reports integer → string', () => {
    expect(ruleIds(api({ '/a': { get: get(obj({ a: { type: 'integer' } })) } }), api({ '/a': { get: get(obj({ a: { type: 'string' } })) } }))).toEqual(['response-property-type-changed']);
  });

  it('stays quiet on number → integer (narrower)', () => {
    expect(ruleIds(api({ '/a': { get: get(obj({ a: { type: 'number' } })) } }), api({ '/a': { get: get(obj({ a: { type: 'integer' } })) } }))).toEqual([]);
  });

  it('tells a key with a dot from a nested property, in the path and in the message', () => {
    const spec = (dotted: string, nested: string) => api({ '/a': { get: get(obj({ 'x.y': { type: dotted }, x: obj({ y: { type: nested } }) })) } });
    const changes = (base: [string, string], head: [string, string]) => diffDocuments(spec(...base), spec(...head)).map(({ property, message }) => ({ property, message }));
    expect(changes(['integer', 'integer'], ['string', 'integer'])).toEqual([{ property: '["x.y"]', message: 'GET /a: response property \'["x.y"]\' changed type from integer to string' }]);
    expect(changes(['integer', 'integer'], ['integer', 'string'])).toEqual([{ property: 'x.y', message: "GET /a: response property 'x.y' changed type from integer to string" }]);
  });
});
