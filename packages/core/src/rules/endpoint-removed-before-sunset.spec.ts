import { api, get, obj, ruleIds } from '../diff/diff-test-kit';

describe('endpoint-removed-before-sunset', () => {
  it('reports a deprecated operation removed before its sunset', () => {
    expect(ruleIds(api({ '/a': { get: get(obj({})) }, '/b': { get: get(obj({}), { deprecated: true, 'x-sunset': '2027-01-01' }) } }), api({ '/a': { get: get(obj({})) } }))).toEqual(['endpoint-removed-before-sunset']);
  });

  // The kit's clock is 2026-06-01T00:00:00Z; jest.config.js runs the tests at UTC+14.
  it('reads a sunset date-time without an offset as UTC, whatever the machine time zone', () => {
    const removedWithSunset = (sunset: string) =>
      ruleIds(api({ '/a': { get: get(obj({})) }, '/b': { get: get(obj({}), { deprecated: true, 'x-sunset': sunset }) } }), api({ '/a': { get: get(obj({})) } }));
    expect(removedWithSunset('2026-06-01T01:00:00')).toEqual(['endpoint-removed-before-sunset']);
    expect(removedWithSunset('2026-06-01 01:00:00')).toEqual(['endpoint-removed-before-sunset']);
    expect(removedWithSunset('2026-05-31T23:00:00')).toEqual([]);
    expect(removedWithSunset('2026-06-01T01:00:00+02:00')).toEqual([]);
  });
});
