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
});
