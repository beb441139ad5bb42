import { api, get, obj, post, ruleIds } from '../diff/diff-test-kit';

describe('request-property-constraint-tightened', () => {
  it('reports a pattern added', () => {
    expect(ruleIds(api({ '/a': { post: post(obj({ a: { type: 'string' } })) } }), api({ '/a': { post: post(obj({ a: { type: 'string', pattern: '^[a-z]+$' } })) } }))).toEqual(['request-property-constraint-tightened']);
  });

  it('stays quiet on a larger maximum', () => {
    expect(ruleIds(api({ '/a': { post: post(obj({ a: { type: 'integer', maximum: 5 } })) } }), api({ '/a': { post: post(obj({ a: { type: 'integer', maximum: 10 } })) } }))).toEqual([]);
  });

  it('stays quiet when a pattern becomes match-anything or multipleOf divides the old one', () => {
    expect(ruleIds(api({ '/a': { post: post(obj({ a: { type: 'string', pattern: '^[a-z]+$' } })) } }), api({ '/a': { post: post(obj({ a: { type: 'string', pattern: '.*' } })) } }))).toEqual([]);
    expect(ruleIds(api({ '/a': { post: post(obj({ a: { type: 'string', pattern: '^\\w+$' } })) } }), api({ '/a': { post: post(obj({ a: { type: 'string', pattern: '' } })) } }))).toEqual([]);
    expect(ruleIds(api({ '/a': { post: post(obj({ a: { type: 'integer', multipleOf: 10 } })) } }), api({ '/a': { post: post(obj({ a: { type: 'integer', multipleOf: 5 } })) } }))).toEqual([]);
    expect(ruleIds(api({ '/a': { post: post(obj({ a: { type: 'integer', multipleOf: 5 } })) } }), api({ '/a': { post: post(obj({ a: { type: 'integer', multipleOf: 10 } })) } }))).toEqual(['request-property-constraint-tightened']);
  });
});
