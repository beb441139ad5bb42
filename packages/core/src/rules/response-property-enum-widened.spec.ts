import { api, get, obj, post, ruleIds } from '../diff/diff-test-kit';

describe('response-property-enum-widened', () => {
  it('reports an enum value added', () => {
    expect(ruleIds(api({ '/a': { get: get(obj({ a: { type: 'string', enum: ['x'] } })) } }), api({ '/a': { get: get(obj({ a: { type: 'string', enum: ['x', 'y'] } })) } }))).toEqual(['response-property-enum-widened']);
  });

  it('stays quiet on an enum value removed', () => {
    expect(ruleIds(api({ '/a': { get: get(obj({ a: { type: 'string', enum: ['x', 'y'] } })) } }), api({ '/a': { get: get(obj({ a: { type: 'string', enum: ['x'] } })) } }))).toEqual([]);
  });
});
