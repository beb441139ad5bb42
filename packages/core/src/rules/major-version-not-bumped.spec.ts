import { checkVersionBump } from '../check/semver-policy';
import { loadSpec } from '../spec/load-spec';

const spec = (version: string) => loadSpec('openapi.json', () => JSON.stringify({ openapi: '3.0.3', info: { title: 'T', version }, paths: {} }));
const check = (from: string, to: string, breaking = 1) => checkVersionBump({ spec: 'users-api', specFile: 'openapi.json', base: spec(from), head: spec(to), breaking, severity: 'warning' })?.ruleId;

describe('major-version-not-bumped', () => {
  it('reports breaking changes released as a minor or patch', () => {
    expect(check('1.2.0', '1.3.0')).toBe('major-version-not-bumped');
    expect(check('0.2.0', '0.2.1')).toBe('major-version-not-bumped');
  });

  it('stays quiet on a major bump (a minor bump for 0.x), without breaking changes, or with non-semver versions', () => {
    expect(check('1.2.0', '2.0.0')).toBeUndefined();
    expect(check('0.2.0', '0.3.0')).toBeUndefined();
    expect(check('1.2.0', '1.3.0', 0)).toBeUndefined();
    expect(check('v-alpha', 'v-beta')).toBeUndefined();
    // Dates are not semver: 2024-01-15 is not 2024.0.0.
    expect(check('2024-01-15', '2024-06-30')).toBeUndefined();
    expect(check('2024-01', '2024-06')).toBeUndefined();
  });

  it('reads versions written like semver: a leading v, fewer parts, a pre-release', () => {
    expect(check('v1.2', 'v1.3')).toBe('major-version-not-bumped');
    expect(check('1', '2')).toBeUndefined();
    expect(check('1.0.0-beta.1', '1.0.0')).toBe('major-version-not-bumped');
  });
});
