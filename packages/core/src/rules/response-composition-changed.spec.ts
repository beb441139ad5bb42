import { api, diffDocuments, get, obj, post, ruleIds } from '../diff/diff-test-kit';

describe('response-composition-changed', () => {
  it('reports a oneOf alternative added', () => {
    expect(ruleIds(api({ '/a': { get: get({ oneOf: [obj({ a: { type: 'string' } })] }) } }), api({ '/a': { get: get({ oneOf: [obj({ a: { type: 'string' } }), obj({ b: { type: 'string' } })] }) } }))).toEqual(['response-composition-changed']);
  });

  it('reports an allOf part lost, and names the schema in its hint', () => {
    const part = (name: string) => obj({ [name]: { type: 'string' } });
    const changes = diffDocuments(api({ '/a': { get: get({ allOf: [part('a'), part('b')] }) } }), api({ '/a': { get: get({ allOf: [part('a')] }) } })).filter((change) => change.ruleId === 'response-composition-changed');
    expect(changes.map((change) => [change.message, change.hint])).toEqual([['GET /a: response body lost 1 allOf part(s)', 'Handle the new shapes of response body in the consumer, or keep the response as it was.']]);
  });

  it('does not count an edited allOf part or oneOf alternative as lost and gained: the change inside is named instead', () => {
    const user = (extra: Record<string, unknown> = {}) => obj({ id: { type: 'string' }, ...extra });
    const base = api({ '/a': { get: get({ allOf: [user(), obj({ plan: { type: 'string' } })] }) }, '/b': { get: get({ oneOf: [user(), obj({ code: { type: 'integer' } })] }) } });
    const optional = api({ '/a': { get: get({ allOf: [user({ nickname: { type: 'string' } }), obj({ plan: { type: 'string' } })] }) }, '/b': { get: get({ oneOf: [user({ nickname: { type: 'string' } }), obj({ code: { type: 'integer' } })] }) } });
    expect(ruleIds(base, optional)).toEqual([]);
    const typeChanged = api({ '/a': { get: get({ allOf: [obj({ id: { type: 'integer' } }), obj({ plan: { type: 'string' } })] }) }, '/b': { get: get({ oneOf: [user(), obj({ code: { type: 'string' } })] }) } });
    expect(diffDocuments(base, typeChanged).map((change) => `${change.operation} ${change.ruleId} ${change.property}`)).toEqual(['GET /a response-property-type-changed id', 'GET /b response-property-type-changed code']);
  });

  it('stays quiet when an allOf part gains a property (the merged schema is compared, nothing was lost)', () => {
    expect(ruleIds(api({ '/a': { get: get({ allOf: [obj({ a: { type: 'string' } }), obj({ b: { type: 'string' } })] }) } }), api({ '/a': { get: get({ allOf: [obj({ a: { type: 'string' } }), obj({ b: { type: 'string' }, c: { type: 'string' } })] }) } }))).toEqual([]);
  });
});
