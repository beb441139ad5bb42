import { api, get, obj, post, ruleIds } from '../diff/diff-test-kit';

describe('request-property-enum-narrowed', () => {
  it('reports an enum value removed', () => {
    expect(ruleIds(api({ '/a': { post: post(obj({ a: { type: 'string', enum: ['x', 'y'] } })) } }), api({ '/a': { post: post(obj({ a: { type: 'string', enum: ['x'] } })) } }))).toEqual(['request-property-enum-narrowed']);
  });

  it('stays quiet when 3.1 `null` in an enum becomes 3.0 `nullable` beside it (and back)', () => {
    const v31 = { type: ['string', 'null'], enum: ['a', 'b', null] };
    const v30 = { type: 'string', nullable: true, enum: ['a', 'b'] };
    expect(ruleIds(api({ '/a': { post: post(obj({ t: v31 })) } }, { openapi: '3.1.0' }), api({ '/a': { post: post(obj({ t: v30 })) } }))).toEqual([]);
    expect(ruleIds(api({ '/a': { post: post(obj({ t: v30 })) } }), api({ '/a': { post: post(obj({ t: v31 })) } }, { openapi: '3.1.0' }))).toEqual([]);
  });
});
