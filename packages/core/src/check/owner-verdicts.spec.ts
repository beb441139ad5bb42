import { api, get, obj, post } from '../diff/diff-test-kit';
import { diffSpecs } from '../diff/diff-specs';
import type { ConsumerUsage } from '../model';
import { loadSpec } from '../spec/load-spec';
import { listOperations } from '../spec/operations';
import { judgeSpecChanges } from './owner-verdicts';

const index = (document: object) => {
  const spec = loadSpec('openapi.json', () => JSON.stringify(document, null, 2));
  return { spec, operations: listOperations(spec) };
};
const BASE = api({ '/users': { get: get(obj({ name: { type: 'string' }, lastLogin: { type: 'string' } })), post: post(obj({ name: { type: 'string' } })) } });
const HEAD = api({ '/users': { get: get(obj({ name: { type: 'string' } })), post: post(obj({ name: { type: 'string' }, team: { type: 'string' } }, ['team'])) } });
const versions = { name: 'users-api', file: 'openapi.json', base: index(BASE), head: index(HEAD) };
const diff = diffSpecs(versions.base, versions.head);
const at = (line: number) => ({ file: 'apps/web/src/a.ts', line, column: 5 });
const web: ConsumerUsage = {
  calls: [{ method: 'GET', urlTemplate: '/users', client: 'fetch', location: at(1), responseFields: [{ path: 'lastLogin', location: at(2) }], requestFields: [] }],
  problems: [],
};
const admin: ConsumerUsage = {
  calls: [{ method: 'POST', urlTemplate: '/users', client: 'fetch', location: at(10), responseFields: [], requestFields: [{ path: 'name', location: at(11) }] }],
  problems: [],
};
const summary = (findings: ReturnType<typeof judgeSpecChanges>) => findings.map((finding) => `${finding.severity} ${finding.ruleId} ${finding.consumers.map((use) => `${use.project}@${use.line}`).join(',')}`);

describe('judgeSpecChanges', () => {
  it('fails only what a known consumer uses, naming where; the rest are warnings', () => {
    expect(summary(judgeSpecChanges(versions, diff, { consumers: 'workspace', semver: 'warning' }, [{ name: 'web', usage: web }]))).toEqual([
      'error response-property-removed web@2',
      'warning request-property-added-required ',
    ]);
    expect(summary(judgeSpecChanges(versions, diff, { consumers: 'workspace', semver: 'warning' }, [{ name: 'admin', usage: admin }]))).toEqual([
      'error request-property-added-required admin@10',
      'warning response-property-removed ',
    ]);
  });

  it('fails every breaking change when the spec has external consumers', () => {
    const findings = judgeSpecChanges(versions, diff, { consumers: 'external', semver: 'warning' }, []);
    expect(findings.map((finding) => finding.severity)).toEqual(['error', 'error']);
    expect(findings[0].message).toContain('(the API has external consumers)');
  });
});
