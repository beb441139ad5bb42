import { api, diffDocuments, get, obj, post, ruleIds } from '../diff/diff-test-kit';

describe('request-composition-changed', () => {
  it('reports a oneOf alternative removed', () => {
    expect(ruleIds(api({ '/a': { post: post({ oneOf: [obj({ a: { type: 'string' } }), obj({ b: { type: 'string' } })] }) } }), api({ '/a': { post: post({ oneOf: [obj({ a: { type: 'string' } })] }) } }))).toEqual(['request-composition-changed']);
  });

  it('does not count an edited oneOf alternative as lost and gained, and names the schema in its hint', () => {
    const card = (extra: Record<string, unknown> = {}) => obj({ number: { type: 'string' }, ...extra });
    const base = api({ '/pay': { post: post({ oneOf: [card(), obj({ iban: { type: 'string' } })] }) } });
    expect(ruleIds(base, api({ '/pay': { post: post({ oneOf: [card({ label: { type: 'string' } }), obj({ iban: { type: 'string' } })] }) } }))).toEqual([]);
    const fewer = diffDocuments(base, api({ '/pay': { post: post({ oneOf: [card()] }) } }));
    expect(fewer.map((change) => [change.message, change.hint])).toEqual([['POST /pay: request body lost 1 oneOf alternative(s)', 'Keep accepting what request body accepted before, or update every consumer to send the new shape.']]);
  });

  it('follows an alternative whose component changed inside instead of calling it lost', () => {
    const dog = (extra: Record<string, unknown>) => obj({ name: { type: 'string' }, ...extra });
    const spec = (dogSchema: Record<string, unknown>) => api({ '/a': { post: post({ anyOf: [{ $ref: '#/components/schemas/Dog' }, obj({ c: { type: 'string' } })] }) } }, { components: { schemas: { Dog: dogSchema } } });
    expect(ruleIds(spec(dog({})), spec(dog({ breed: { type: 'string' } })))).toEqual([]);
    expect(ruleIds(spec(dog({ breed: { type: 'string' } })), spec(dog({})))).toEqual(['request-property-removed']);
  });

  it('takes oneOf [null, X] for X made nullable, not for a new composition', () => {
    const wrapped = { oneOf: [{ type: 'null' }, { $ref: '#/components/schemas/Thing' }] };
    const spec = (a: Record<string, unknown>) => api({ '/a': { post: post(obj({ a })) } }, { openapi: '3.1.0', components: { schemas: { Thing: obj({ x: { type: 'string' } }) } } });
    expect(ruleIds(spec({ $ref: '#/components/schemas/Thing' }), spec(wrapped))).toEqual([]);
    expect(ruleIds(spec(wrapped), spec({ $ref: '#/components/schemas/Thing' }))).toEqual(['request-property-became-not-nullable']);
  });

  it('reports an allOf part added, but not an inline repeat of a part it already had', () => {
    const a = obj({ a: { type: 'string' } });
    const b = obj({ b: { type: 'string', maxLength: 5 } });
    const spec = (allOf: unknown[]) => api({ '/a': { post: post({ allOf }) } });
    expect(ruleIds(spec([a]), spec([a, b]))).toEqual(['request-composition-changed']);
    expect(ruleIds(spec([a, b]), spec([a, b, a]))).toEqual([]);
  });
});
