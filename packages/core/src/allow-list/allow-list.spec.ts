import type { Finding } from '../check/finding';
import { applyAllowList, parseAllowList, readAllowList, type AllowList } from './allow-list';

const finding = (overrides: Partial<Finding> = {}): Finding => ({
  ruleId: 'response-property-removed',
  severity: 'error',
  direction: 'response',
  spec: 'users-api',
  specFile: 'apis/users/openapi.yaml',
  operation: 'GET /api/users/{id}',
  property: 'lastLogin',
  message: 'm',
  hint: 'h',
  docs: 'docs/rules/response-property-removed.md',
  consumers: [{ project: 'web', file: 'apps/web/src/profile.ts', line: 6, column: 34 }],
  fingerprint: '0123456789abcdef',
  ...overrides,
});

const list = (yaml: string): AllowList => parseAllowList('contract-graph.allow.yaml', `allow:\n${yaml}`);
const now = new Date('2026-06-01T12:00:00Z');
const ownerScope = { project: 'users-api', now, diffedOwnedSpecs: [{ name: 'users-api', file: 'apis/users/openapi.yaml', operationKeys: new Set(['GET /api/users/{}', 'GET /api/plan']) }] };
const webScope = { project: 'web', now, diffedOwnedSpecs: [] };

describe('allow-list', () => {
  it('accepts a finding by rule + operation (any parameter names) + property, with its reason, until the expiry day ends', () => {
    const allowList = list('  - rule: response-property-removed\n    operation: get /api/users/{userId}\n    property: lastLogin\n    reason: PLAT-12\n    expires: 2026-06-01\n');
    expect(allowList.problems).toEqual([]);
    const result = applyAllowList([finding(), finding({ property: 'email', fingerprint: 'ffffffffffffffff' })], allowList, webScope);
    expect(result.findings.map((f) => f.property)).toEqual(['email']);
    expect(result.allowed[0].allowedBy).toEqual({ reason: 'PLAT-12', expires: '2026-06-01', location: { file: 'contract-graph.allow.yaml', line: 2, column: 5 } });
    expect(result.problems).toEqual([]);
  });

  it('never matches on message text, and a consumer entry only for that consumer', () => {
    const allowList = list('  - rule: response-property-removed\n    operation: GET /api/users/{id}\n    consumer: admin\n    reason: r\n    expires: 2027-01-01\n');
    expect(applyAllowList([finding()], allowList, webScope).findings).toHaveLength(1);
    expect(applyAllowList([finding({ consumers: [{ project: 'admin', file: 'a.ts', line: 1, column: 1 }] })], allowList, { ...webScope, project: 'admin' }).allowed).toHaveLength(1);
  });

  it('an expired entry accepts nothing and fails with a clear message where it matters', () => {
    const allowList = list('  - rule: response-property-removed\n    operation: GET /api/users/{id}\n    reason: PLAT-12\n    expires: 2026-05-31\n');
    const result = applyAllowList([finding()], allowList, webScope);
    expect(result.findings).toHaveLength(1);
    expect(result.problems).toEqual([
      {
        code: 'allow-list-entry-expired',
        message: 'The allow-list entry response-property-removed GET /api/users/{id} expired on 2026-05-31 (reason: PLAT-12); it no longer accepts anything',
        location: { file: 'contract-graph.allow.yaml', line: 2, column: 5 },
        hint: 'Fix what the entry accepted and remove the entry, or set a new `expires` date with an updated reason.',
      },
    ]);
    // In a project it does not concern, an expired entry is none of its business.
    expect(applyAllowList([], allowList, webScope).problems).toEqual([]);
  });

  it('reports entries of the spec owner (or for this consumer) that match nothing as stale; leaves other projects alone', () => {
    const allowList = list(
      [
        '  - rule: endpoint-removed',
        '    operation: GET /api/plan',
        '    reason: old',
        '    expires: 2027-01-01',
        '  - rule: consumer-unknown-response-property',
        '    operation: GET /api/users/{id}',
        '    consumer: web',
        '    reason: r',
        '    expires: 2027-01-01',
      ].join('\n'),
    );
    expect(applyAllowList([], allowList, ownerScope).stale.map((entry) => entry.rule)).toEqual(['endpoint-removed']);
    expect(applyAllowList([], allowList, webScope).stale.map((entry) => entry.rule)).toEqual(['consumer-unknown-response-property']);
    expect(applyAllowList([], allowList, { ...webScope, project: 'admin' }).stale).toEqual([]);
  });

  it('refuses entries without reason or expiry, with unknown keys or rule ids, or a bad date, each at its line', () => {
    const allowList = list(
      [
        '  - rule: response-property-removed',
        '    operation: GET /a',
        '    expires: 2027-01-01',
        '  - rule: response-property-removed',
        '    operation: GET /a',
        '    reason: r',
        '  - rule: response-property-removed',
        '    operation: GET /a',
        '    propery: x',
        '    reason: r',
        '    expires: 2027-01-01',
        '  - rule: no-such-rule',
        '    operation: GET /a',
        '    reason: r',
        '    expires: 2027-01-01',
        '  - rule: response-property-removed',
        '    operation: GET /a',
        '    reason: r',
        '    expires: 2027-02-30',
        '  - rule: response-property-removed',
        '    operation: /a',
        '    reason: r',
        '    expires: 2027-01-01',
      ].join('\n'),
    );
    expect(allowList.entries).toEqual([]);
    expect(allowList.problems.map((problem) => `${problem.location.line} ${problem.message}`)).toEqual([
      '2 contract-graph.allow.yaml[0]: no `reason`',
      '5 contract-graph.allow.yaml[1]: no `expires`',
      "10 contract-graph.allow.yaml[2]: unknown key 'propery'",
      "13 contract-graph.allow.yaml[3]: unknown rule id 'no-such-rule'",
      "20 contract-graph.allow.yaml[4]: '2027-02-30' is not a date (YYYY-MM-DD)",
      "22 contract-graph.allow.yaml[5]: '/a' is not `METHOD /path`",
    ]);
  });

  it('reads the default file when present, and says so when a configured file is missing', () => {
    expect(readAllowList('/nonexistent-root')).toEqual({ entries: [], problems: [] });
    expect(readAllowList('/nonexistent-root', 'allow.yaml').problems[0]).toMatchObject({ code: 'allow-list-invalid', message: 'The allow-list file allow.yaml does not exist' });
    expect(parseAllowList('a.yaml', 'allow: [').problems[0].code).toBe('allow-list-invalid');
  });
});
