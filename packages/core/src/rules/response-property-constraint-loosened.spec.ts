import { api, get, obj, post, ruleIds } from '../diff/diff-test-kit';

describe('response-property-constraint-loosened', () => {
  it('reports a larger maxLength', () => {
    expect(ruleIds(api({ '/a': { get: get(obj({ a: { type: 'string', maxLength: 5 } })) } }), api({ '/a': { get: get(obj({ a: { type: 'string', maxLength: 10 } })) } }))).toEqual(['response-property-constraint-loosened']);
  });
});
