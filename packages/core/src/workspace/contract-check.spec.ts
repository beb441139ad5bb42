import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runContractCheck } from './contract-check';

const story = path.resolve(__dirname, '../../../../examples/story/workspace');

describe('runContractCheck: the spec versions a consumer supports', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'contract-graph-supports-'));
    fs.cpSync(story, root, { recursive: true });
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  const declare = (supports: Record<string, string>) => {
    const file = path.join(root, 'apps/web/project.json');
    fs.writeFileSync(file, JSON.stringify({ ...JSON.parse(fs.readFileSync(file, 'utf8')), contractGraph: { supports } }, null, 2));
  };
  const check = () =>
    runContractCheck({ workspaceRoot: root, project: { name: 'web', root: 'apps/web' }, ownedSpecs: [], consumedSpecs: [{ name: 'users-api', file: 'apis/users/openapi.yaml' }] }).findings.map((finding) => finding.message);

  it('fails a consumer whose declared range leaves out the spec version (1.4.0), keyed by spec project name or file', () => {
    declare({ 'users-api': '^2.0.0' });
    expect(check()).toEqual(['users-api is at version 1.4.0, outside the range ^2.0.0 that web supports']);
    declare({ 'apis/users/openapi.yaml': '^1.2.0' });
    expect(check()).toEqual([]);
  });

  it('lets the spec file win over the project name: a project that owns several specs is named once, its files each', () => {
    declare({ 'users-api': '^1.0.0', 'apis/users/openapi.yaml': '^2.0.0' });
    expect(check()).toEqual(['users-api is at version 1.4.0, outside the range ^2.0.0 that web supports']);
  });
});

describe('runContractCheck: published baselines', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'contract-graph-baselines-'));
    fs.cpSync(story, root, { recursive: true });
    fs.mkdirSync(path.join(root, 'contracts'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  const check = (baseline: string) => {
    const report = runContractCheck({ workspaceRoot: root, project: { name: 'users-api', root: 'apis/users' }, ownedSpecs: [{ name: 'users-api', file: 'apis/users/openapi.yaml' }], consumedSpecs: [], baselines: { 'apis/users/openapi.yaml': baseline } });
    return {
      problems: report.problems.map((problem) => `${problem.code} ${problem.location.file}:${problem.location.line}:${problem.location.column} ${problem.message} (${problem.hint})`),
      findings: report.findings.map((finding) => `${finding.ruleId} ${finding.property} was at ${finding.baseLocation?.file}:${finding.baseLocation?.line}`),
      changed: report.specs.flatMap((spec) => spec.changedOperations.map((change) => `${change.change} ${change.operation}`)),
    };
  };

  it('reports a broken baseline at the baseline file, and lists no operation as added', () => {
    fs.writeFileSync(path.join(root, 'contracts/bad.yaml'), 'openapi: 3.0.3\ninfo: {title: t, version: "1"\npaths: {}\n');
    const result = check('contracts/bad.yaml');
    expect(result.problems).toHaveLength(1);
    expect(result.problems[0]).toMatch(/^spec-invalid-document contracts\/bad\.yaml:3:1 the published baseline contracts\/bad\.yaml of apis\/users\/openapi\.yaml: contracts\/bad\.yaml is not valid YAML/);
    expect(result.changed).toEqual([]);
  });

  it('says a missing baseline is missing, and how to fix the option', () => {
    expect(check('contracts/missing.yaml')).toEqual({
      problems: ['spec-missing contracts/missing.yaml:1:1 the published baseline contracts/missing.yaml of apis/users/openapi.yaml: contracts/missing.yaml does not exist (Fix the path in the `baselines` option ("apis/users/openapi.yaml": "contracts/missing.yaml"), or add the published file.)'],
      findings: [],
      changed: [],
    });
  });

  it('locates the base side of a finding in the baseline file', () => {
    const spec = fs.readFileSync(path.join(root, 'apis/users/openapi.yaml'), 'utf8');
    fs.writeFileSync(path.join(root, 'contracts/users-1.3.0.yaml'), `# published 1.3.0\n#\n#\n${spec.replace('lastLogin:', 'lastLogin2:')}`);
    const line = 4 + spec.split('\n').findIndex((text) => text.includes('lastLogin:'));
    const result = check('contracts/users-1.3.0.yaml');
    expect(result.problems).toEqual([]);
    expect(result.findings).toContain(`response-property-removed lastLogin2 was at contracts/users-1.3.0.yaml:${line}`);
    expect(result.changed).toEqual(['changed GET /api/users/{id}']);
  });
});
