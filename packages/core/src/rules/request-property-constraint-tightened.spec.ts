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

  describe('OpenAPI 3.0 boolean exclusive bounds and 3.1 numeric ones', () => {
    const v30 = { type: 'number', minimum: 0, exclusiveMinimum: true, maximum: 100, exclusiveMaximum: true };
    const v31 = { type: 'number', exclusiveMinimum: 0, exclusiveMaximum: 100 };
    const pair = (base: Record<string, unknown>, head: Record<string, unknown>, baseVersion = '3.0.3', headVersion = '3.1.0') =>
      ruleIds(api({ '/a': { post: post(obj({ a: base })) } }, { openapi: baseVersion }), api({ '/a': { post: post(obj({ a: head })) } }, { openapi: headVersion }));

    it('stays quiet on the same bounds written either way (a 3.0 → 3.1 migration, and back)', () => {
      expect(pair(v30, v31)).toEqual([]);
      expect(pair(v31, v30, '3.1.0', '3.0.3')).toEqual([]);
      expect(pair({ type: 'number', minimum: 0, exclusiveMinimum: false }, { type: 'number', minimum: 0 }, '3.0.3', '3.0.3')).toEqual([]);
    });

    it('weighs an exclusive bound against an inclusive one: exclusiveMinimum 0 → minimum 0 loosens, the reverse tightens', () => {
      expect(pair({ type: 'number', exclusiveMinimum: 0 }, { type: 'number', minimum: 0 }, '3.1.0', '3.1.0')).toEqual([]);
      expect(pair({ type: 'number', minimum: 0 }, { type: 'number', exclusiveMinimum: 0 }, '3.1.0', '3.1.0')).toEqual(['request-property-constraint-tightened']);
      expect(pair({ type: 'number', maximum: 10 }, v30)).toEqual(['request-property-constraint-tightened']);
      expect(pair({ type: 'number', maximum: 100 }, { type: 'number', maximum: 100, exclusiveMaximum: true }, '3.0.3', '3.0.3')).toEqual(['request-property-constraint-tightened']);
    });
  });
});
