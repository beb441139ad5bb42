import { api, get, obj, post, ruleIds } from '../diff/diff-test-kit';

describe('response-composition-changed', () => {
  it('reports a oneOf alternative added', () => {
    expect(ruleIds(api({ '/a': { get: get({ oneOf: [obj({ a: { type: 'string' } })] }) } }), api({ '/a': { get: get({ oneOf: [obj({ a: { type: 'string' } }), obj({ b: { type: 'string' } })] }) } }))).toEqual(['response-composition-changed']);
  });

  it('stays quiet when an allOf part gains a property (the merged schema is compared, nothing was lost)', () => {
    expect(ruleIds(api({ '/a': { get: get({ allOf: [obj({ a: { type: 'string' } }), obj({ b: { type: 'string' } })] }) } }), api({ '/a': { get: get({ allOf: [obj({ a: { type: 'string' } }), obj({ b: { type: 'string' }, c: { type: 'string' } })] }) } }))).toEqual([]);
  });
});
