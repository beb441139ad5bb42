import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import { parseAllowList } from '../allow-list/allow-list';
import { formatReport, REPORT_FORMATS } from './formats';
import { SARIF_FINGERPRINT_KEY } from './format-sarif';
import { createStoryRepo, storyReport } from './report-test-kit';
import type { ContractReport } from './summary';

const REPORT_SCHEMA = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../schemas/contract-report.schema.json'), 'utf8'));

/**
 * The official SARIF 2.1.0 schema, from the `@microsoft/sarif-matcher-utils` dev dependency (or
 * SARIF_SCHEMA_FILE naming a copy): it is not vendored here (OASIS licence).
 */
function officialSarifSchema(): object | undefined {
  const candidates = [process.env.SARIF_SCHEMA_FILE, ...['@microsoft/sarif-matcher-utils/lib/schemas/sarif-2.1.0-rtm.5.json'].map(tryResolve)];
  const file = candidates.find((candidate): candidate is string => Boolean(candidate && fs.existsSync(candidate)));
  if (!file) return undefined;
  const schema = JSON.parse(fs.readFileSync(file, 'utf8'));
  // The schemastore rtm.5 copy is written as draft-04 (`id`); its keywords are draft-07-compatible.
  if (String(schema.$schema).includes('draft-04')) {
    delete schema.$schema;
    schema.$id = schema.id;
    delete schema.id;
  }
  return schema;
}

function tryResolve(request: string): string | undefined {
  try {
    return require.resolve(request);
  } catch {
    return undefined;
  }
}

function ajv() {
  // unicodeRegExp off: the SARIF schema's `language` pattern has a stray `]` that only non-unicode regexps accept.
  const instance = new Ajv({ allErrors: true, strict: false, unicodeRegExp: false });
  addFormats(instance);
  return instance;
}

describe('report formats', () => {
  let repo: ReturnType<typeof createStoryRepo>;
  let web: ContractReport;
  let admin: ContractReport;
  let owner: ContractReport;
  let badInput: ContractReport;

  beforeAll(() => {
    repo = createStoryRepo();
    web = storyReport(repo.root, 'web');
    admin = storyReport(repo.root, 'admin');
    const allowList = parseAllowList('contract-graph.allow.yaml', [
      'allow:',
      '  - rule: response-property-removed',
      '    operation: GET /api/users/{userId}',
      '    property: lastLogin',
      '    reason: web drops lastLogin in PLAT-12',
      '    expires: 2026-12-31',
    ].join('\n'));
    owner = storyReport(repo.root, 'users-api', { allowList });
    badInput = storyReport(repo.root, 'admin', { allowList: parseAllowList('contract-graph.allow.yaml', 'allow:\n  - rule: no-such-rule\n    operation: GET /x\n') });
  });
  afterAll(() => repo.dispose());

  it('JSON reports of consumers and spec owners validate against the shipped schema', () => {
    const validate = ajv().compile(REPORT_SCHEMA);
    for (const report of [web, admin, owner, badInput]) {
      const valid = validate(JSON.parse(formatReport(report, 'json')));
      expect(validate.errors ?? []).toEqual([]);
      expect(valid).toBe(true);
    }
    expect(owner.allowed?.length).toBe(1);
    expect(badInput.summary).toMatchObject({ outcome: 'bad-input', exitCode: 2, passed: false });
  });

  it('every format is byte-identical for identical inputs and holds no absolute path', () => {
    const again = storyReport(repo.root, 'web');
    for (const format of REPORT_FORMATS) {
      const text = formatReport(web, format);
      expect(formatReport(again, format)).toBe(text);
      expect(text).not.toContain(repo.root);
      expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:/);
    }
  });

  it('SARIF: the spec location first, every consumer location related, the stable fingerprint, valid against the official schema', () => {
    const sarif = JSON.parse(formatReport(web, 'sarif'));
    expect(sarif.version).toBe('2.1.0');
    const run = sarif.runs[0];
    expect(run.automationDetails.id).toBe('contract-check/web/');
    const email = run.results.find((result: { message: { text: string } }) => result.message.text.includes("'email'"));
    expect(email.ruleId).toBe('response-property-removed');
    expect(email.level).toBe('error');
    expect(run.tool.driver.rules[email.ruleIndex].id).toBe('response-property-removed');
    expect(email.locations[0].physicalLocation.artifactLocation.uri).toBe('apis/users/openapi.yaml');
    expect(email.relatedLocations.map((related: { physicalLocation: { artifactLocation: { uri: string }; region: { startLine: number; startColumn: number } } }) => `${related.physicalLocation.artifactLocation.uri}:${related.physicalLocation.region.startLine}:${related.physicalLocation.region.startColumn}`)).toEqual([
      'apps/web/src/profile.ts:9:29',
      'apps/web/src/profile.ts:9:44',
    ]);
    const finding = web.findings.find((candidate) => candidate.property === 'email');
    expect(email.partialFingerprints[SARIF_FINGERPRINT_KEY]).toBe(finding?.fingerprint);

    const allowed = JSON.parse(formatReport(owner, 'sarif')).runs[0].results.filter((result: { suppressions?: unknown[] }) => result.suppressions);
    expect(allowed).toHaveLength(1);
    expect(allowed[0].suppressions[0]).toEqual({ kind: 'external', status: 'accepted', justification: 'web drops lastLogin in PLAT-12 (until 2026-12-31)' });

    const schema = officialSarifSchema();
    if (!schema) throw new Error('The official SARIF schema was not found: run npm ci (dev dependency @microsoft/sarif-matcher-utils).');
    const validate = ajv().compile(schema);
    for (const report of [web, admin, owner, badInput]) {
      validate(JSON.parse(formatReport(report, 'sarif')));
      expect(validate.errors ?? []).toEqual([]);
    }
  });

  it('JUnit: one case per finding, failures for what fails the check, skipped for allowed findings, no timestamps', () => {
    const junit = formatReport(web, 'junit');
    expect(junit).toContain('<testsuite name="contract-check web" tests="2" failures="2" errors="0" skipped="0">');
    expect(junit).toContain('<testcase classname="web.users-api" name="response-property-removed GET /api/users/{id} lastLogin (200)"><failure type="response-property-removed"');
    expect(junit).not.toMatch(/timestamp|time=/);
    expect(formatReport(admin, 'junit')).toContain('<testcase classname="admin" name="contract-check"/>');
    expect(formatReport(owner, 'junit')).toMatch(/<skipped message="allowed until 2026-12-31: web drops lastLogin in PLAT-12"\/>/);
  });

  it('GitHub annotations: one per consumer location and at the spec location, escaped', () => {
    const lines = formatReport(web, 'github').trim().split('\n');
    expect(lines.filter((line) => line.includes('lastLogin'))).toEqual([
      "::error file=apps/web/src/profile.ts,line=6,col=34,title=response-property-removed (users-api → web)::GET /api/users/{id}: response property 'lastLogin' was removed, but web reads it%0Ahint: Stop reading 'lastLogin' in the consumer, or restore 'lastLogin' in the spec.%0Adocs: docs/rules/response-property-removed.md",
      expect.stringMatching(/^::error file=apis\/users\/openapi.yaml,line=\d+,col=\d+,title=response-property-removed/),
    ]);
    expect(formatReport(admin, 'github')).toBe('');
  });

  it('Markdown: the verdict, what changed, who is affected and what to do', () => {
    const md = formatReport(web, 'markdown');
    expect(md).toContain('### contract-check `web`: ❌ contract broken');
    expect(md).toContain('#### Who is affected');
    expect(md).toContain('[response-property-removed](docs/rules/response-property-removed.md)');
    expect(md).toContain('`apps/web/src/profile.ts:6:34`');
    expect(md).toContain('#### What to do');
    const ownerMd = formatReport(owner, 'markdown');
    expect(ownerMd).toContain('#### What changed');
    expect(ownerMd).toContain('| users-api | `GET /api/users/{id}` | changed |');
    expect(ownerMd).toContain('Allowed by the allow-list');
  });

  it('summary: fail-on warning fails on warnings (exit 1); error-level findings always do', () => {
    expect(owner.summary).toMatchObject({ errors: 0, outcome: 'passed', exitCode: 0, failOn: 'error', allowed: 1 });
    expect(owner.summary.warnings).toBeGreaterThan(0);
    const strict = storyReport(repo.root, 'users-api', { failOn: 'warning' });
    expect(strict.summary).toMatchObject({ outcome: 'contract-broken', exitCode: 1, passed: false, failOn: 'warning' });
    expect(web.summary).toMatchObject({ errors: 2, outcome: 'contract-broken', exitCode: 1 });
  });
});
