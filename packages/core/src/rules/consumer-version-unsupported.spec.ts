import { checkSupportedRange } from '../check/semver-policy';
import { loadSpec } from '../spec/load-spec';

const spec = (version: string) => loadSpec('openapi.json', () => JSON.stringify({ openapi: '3.0.3', info: { title: 'T', version }, paths: {} }));
const check = (version: string, range: string) =>
  checkSupportedRange({ spec: 'users-api', specFile: 'openapi.json', head: spec(version), consumer: 'web', supported: { range, declaredAt: { project: 'web', file: 'apps/web/package.json', line: 4, column: 7 } } });

describe('consumer-version-unsupported', () => {
  it('reports a release outside the range the consumer declares, at the declaration', () => {
    const finding = check('2.0.0', '^1.2.0');
    expect(finding?.ruleId).toBe('consumer-version-unsupported');
    expect(finding?.message).toBe('users-api is at version 2.0.0, outside the range ^1.2.0 that web supports');
    expect(finding?.consumers).toEqual([{ project: 'web', file: 'apps/web/package.json', line: 4, column: 7 }]);
  });

  it('stays quiet inside the range', () => {
    expect(check('1.4.0', '^1.2.0')).toBeUndefined();
  });
});
