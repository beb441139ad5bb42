import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runCli } from './main';

const example = path.resolve(__dirname, '../../../../examples/story');

function cli(cwd: string, ...argv: string[]) {
  let stdout = '';
  let stderr = '';
  const code = runCli(argv, { cwd, isTty: false, stdout: (text) => void (stdout += text), stderr: (text) => void (stderr += text) });
  return { code, stdout, stderr };
}

describe('contract-graph CLI', () => {
  let repo: string;
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: repo, env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } });

  beforeAll(() => {
    repo = fs.mkdtempSync(path.join(os.tmpdir(), 'contract-graph-cli-'));
    fs.cpSync(path.join(example, 'workspace'), repo, { recursive: true });
    git('init', '-q', '-b', 'main');
    git('add', '-A');
    git('commit', '-q', '-m', 'base');
    fs.cpSync(path.join(example, 'change'), repo, { recursive: true });
  });
  afterAll(() => fs.rmSync(repo, { recursive: true, force: true }));

  it('check fails (exit 1) with the broken reads when diffing against a base', () => {
    const result = cli(repo, 'check', '--spec', 'apis/users/openapi.yaml', '--consumer', 'apps/web', '--base', 'main');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain("error response-property-removed apis/users/openapi.yaml → apps/web");
    expect(result.stdout).toContain('used by apps/web/src/profile.ts:6:34');
  });

  it('check passes (exit 0) a consumer that reads only fields that remain', () => {
    expect(cli(repo, 'check', '--spec', 'apis/users/openapi.yaml', '--consumer', 'apps/admin', '--base', 'main').code).toBe(0);
  });

  it('check writes a JSON report with --format json', () => {
    const report = JSON.parse(cli(repo, 'check', '--spec', 'apis/users/openapi.yaml', '--consumer', 'apps/web', '--format', 'json').stdout);
    expect(report.findings.map((finding: { ruleId: string; property: string }) => `${finding.ruleId} ${finding.property}`)).toEqual([
      'consumer-unknown-response-property lastLogin',
      'consumer-unknown-response-property email',
    ]);
  });

  it('check reports a spec that no longer parses as bad input (exit 2), not as every call of a removed operation', () => {
    const spec = path.join(repo, 'apis/users/openapi.yaml');
    const text = fs.readFileSync(spec, 'utf8');
    try {
      fs.writeFileSync(spec, 'openapi: 3.0.3\ninfo:\n  title: a: b\n');
      const result = cli(repo, 'check', '--spec', 'apis/users/openapi.yaml', '--consumer', 'apps/web', '--base', 'main', '--format', 'json');
      expect(result.code).toBe(2);
      const report = JSON.parse(result.stdout);
      expect(report.problems.map((problem: { code: string; location: { line: number } }) => `${problem.code} ${problem.location.line}`)).toEqual(['spec-invalid-document 3']);
      expect(report.findings).toEqual([]);
    } finally {
      fs.writeFileSync(spec, text);
    }
  });

  it('check does not read a source file git ignores (Nx does not hash it); scan lists what it left out', () => {
    const ignoreFile = path.join(repo, '.gitignore');
    const original = fs.readFileSync(ignoreFile, 'utf8');
    try {
      fs.writeFileSync(ignoreFile, `${original}apps/web/src/profile.ts\n`);
      const report = JSON.parse(cli(repo, 'check', '--spec', 'apis/users/openapi.yaml', '--consumer', 'apps/web', '--format', 'json').stdout);
      expect(report.findings).toEqual([]);
      // Not in the check's report: what is ignored differs between machines (build output, say), the report must not.
      expect(JSON.stringify(report)).not.toContain('ignored');
      expect(JSON.parse(cli(repo, 'scan', 'apps/web').stdout).ignored).toEqual(['apps/web/src/profile.ts']);
    } finally {
      fs.writeFileSync(ignoreFile, original);
    }
  });

  it('check does not take a new spec for a moved one because it shares an operation (a health check) with a deleted spec', () => {
    const work = fs.mkdtempSync(path.join(os.tmpdir(), 'contract-graph-cli-new-spec-'));
    const run = (...args: string[]) => execFileSync('git', args, { cwd: work, env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } });
    const api = (title: string, paths: string[]) => `openapi: 3.0.3\ninfo: { title: ${title}, version: 1.0.0 }\npaths:\n${paths.map((item) => `  ${item}:\n    get: { responses: { '200': { description: ok } } }\n`).join('')}`;
    try {
      fs.mkdirSync(path.join(work, 'apis/users'), { recursive: true });
      fs.mkdirSync(path.join(work, 'apps/web'), { recursive: true });
      fs.writeFileSync(path.join(work, 'apis/users/openapi.yaml'), api('Users', ['/health', '/users', '/users/{id}', '/users/{id}/plan']));
      fs.writeFileSync(path.join(work, 'apps/web/a.ts'), "export const ok = () => fetch('/health');\n");
      run('init', '-q', '-b', 'main');
      run('add', '-A');
      run('commit', '-q', '-m', 'base');
      run('checkout', '-q', '-b', 'change');
      run('rm', '-q', 'apis/users/openapi.yaml');
      fs.mkdirSync(path.join(work, 'apis/orders'), { recursive: true });
      fs.writeFileSync(path.join(work, 'apis/orders/openapi.yaml'), api('Orders', ['/health', '/orders', '/orders/{id}']));
      const report = JSON.parse(cli(work, 'check', '--spec', 'apis/orders/openapi.yaml', '--consumer', 'apps/web', '--base', 'main', '--format', 'json').stdout);
      expect(report.notes.filter((note: string) => note.includes('at the base'))).toEqual([]);
      expect(report.findings).toEqual([]);
    } finally {
      fs.rmSync(work, { recursive: true, force: true });
    }
  });

  it('scan --spec with a spec that cannot be read says so and exits 2, instead of listing every call as matching nothing', () => {
    const result = cli(repo, 'scan', 'apps/web', '--explain', '--spec', 'apis/users/openapi.yml');
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout).problems.map((problem: { code: string; message: string }) => `${problem.code}: ${problem.message}`)).toEqual(['spec-missing: apis/users/openapi.yml does not exist']);
  });

  it('check finds a break in a spec renamed in the same change (git rename detection), and says what it compared with', () => {
    const renamed = fs.mkdtempSync(path.join(os.tmpdir(), 'contract-graph-cli-rename-'));
    const run = (...args: string[]) => execFileSync('git', args, { cwd: renamed, env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } });
    try {
      fs.cpSync(path.join(example, 'workspace'), renamed, { recursive: true });
      run('init', '-q', '-b', 'main');
      run('add', '-A');
      run('commit', '-q', '-m', 'base');
      run('checkout', '-q', '-b', 'change');
      run('mv', 'apis/users/openapi.yaml', 'apis/users/openapi.yml');
      fs.cpSync(path.join(example, 'change/apis/users/openapi.yaml'), path.join(renamed, 'apis/users/openapi.yml'));
      run('commit', '-q', '-am', 'rename and break');
      const result = cli(renamed, 'check', '--spec', 'apis/users/openapi.yml', '--consumer', 'apps/web', '--base', 'main', '--format', 'json');
      expect(result.code).toBe(1);
      const report = JSON.parse(result.stdout);
      expect(report.findings.map((finding: { ruleId: string; property: string }) => `${finding.ruleId} ${finding.property}`)).toEqual(['response-property-removed lastLogin', 'response-property-removed email']);
      expect(report.notes).toContain('apis/users/openapi.yml was apis/users/openapi.yaml at the base: compared with that.');
      // Moved again with a plain `mv`, nothing staged: the same verdict (Nx does not hash git's index, so it must not matter).
      fs.mkdirSync(path.join(renamed, 'services/users'), { recursive: true });
      fs.renameSync(path.join(renamed, 'apis/users/openapi.yml'), path.join(renamed, 'services/users/openapi.yml'));
      const moved = JSON.parse(cli(renamed, 'check', '--spec', 'services/users/openapi.yml', '--consumer', 'apps/web', '--base', 'main', '--format', 'json').stdout);
      expect(moved.findings.map((finding: { ruleId: string; property: string }) => `${finding.ruleId} ${finding.property}`)).toEqual(['response-property-removed lastLogin', 'response-property-removed email']);
      expect(moved.notes).toContain('services/users/openapi.yml was apis/users/openapi.yaml at the base: compared with that.');
    } finally {
      fs.rmSync(renamed, { recursive: true, force: true });
    }
  });

  it('scan --explain names the operations a call fits equally well, and the near miss of one that fits none', () => {
    const files = { spec: path.join(repo, 'apis/items/openapi.yaml'), app: path.join(repo, 'apps/items/src/client.ts') };
    try {
      fs.mkdirSync(path.dirname(files.spec), { recursive: true });
      fs.mkdirSync(path.dirname(files.app), { recursive: true });
      const route = (item: string) => `  ${item}:\n    get: { responses: { '200': { description: ok } } }\n`;
      fs.writeFileSync(files.spec, `openapi: 3.0.3\ninfo: { title: items, version: 1.0.0 }\nservers: [{ url: /api }]\npaths:\n${route('/teams/{team}/items/{id}')}${route('/projects/{project}/items/{id}')}`);
      fs.writeFileSync(files.app, 'export const item = (id: string) => fetch(`${process.env.API}/items/${id}`);\nexport const typo = () => fetch(`/api/teams/t/itmes`);\n');
      const result = cli(repo, 'scan', 'apps/items', '--explain', '--spec', 'apis/items/openapi.yaml');
      expect(result.code).toBe(0);
      expect(JSON.parse(result.stdout).explain.map((entry: { reason: string; message: string }) => `${entry.reason}: ${entry.message}`)).toEqual([
        'ambiguous-operation: GET {}/items/{}: fits GET /api/projects/{project}/items/{id}, GET /api/teams/{team}/items/{id} equally well, so it is not checked',
        'no-operation: GET /api/teams/t/itmes: no operation has this path (nearest: GET /api/teams/{team}/items/{id})',
      ]);
    } finally {
      fs.rmSync(path.join(repo, 'apis/items'), { recursive: true, force: true });
      fs.rmSync(path.join(repo, 'apps/items'), { recursive: true, force: true });
    }
  });

  it('refuses a consumer folder that only holds projects (exit 2), instead of passing with nothing checked', () => {
    for (const args of [['check', '--spec', 'apis/users/openapi.yaml', '--consumer', 'apps', '--base', 'main'], ['scan', 'apps']]) {
      const result = cli(repo, ...args);
      expect(result.code).toBe(2);
      expect(result.stderr).toContain('error: apps holds no source files of its own, only projects (apps/admin, apps/billing, apps/web)');
    }
  });

  it('exits 2 with a fix hint when the base does not exist', () => {
    const result = cli(repo, 'check', '--spec', 'apis/users/openapi.yaml', '--consumer', 'apps/web', '--base', 'origin/nope');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain("error: The base revision 'origin/nope' does not exist in this repository");
    expect(result.stderr).toContain('hint: Fetch the base first');
  });

  it('exits 2 on wrong usage, with the usage text', () => {
    const result = cli(repo, 'check', '--consumer', 'apps/web');
    expect(result.code).toBe(2);
    expect(result.stderr).toContain('Usage: contract-graph <command>');
  });

  it('diff runs the breaking-change rules and lists the changed operations (exit 1 on an error)', () => {
    fs.cpSync(path.join(example, 'workspace/apis/users/openapi.yaml'), path.join(repo, 'old.yaml'));
    const result = cli(repo, 'diff', 'old.yaml', 'apis/users/openapi.yaml');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('error response-property-removed apis/users/openapi.yaml\n');
    expect(result.stdout).toContain("GET /api/users/{id}: response property 'lastLogin' was removed");
    expect(result.stdout).toContain('was at old.yaml:56:9 (#/components/schemas/User/properties/lastLogin) in the base version');
    expect(result.stdout).toContain('  changed GET /api/users/{id}');
    expect(cli(repo, 'diff', 'old.yaml', 'old.yaml')).toMatchObject({ code: 0 });
  });

  it('diff names a spec outside the current folder as outside it (and how to fix that), not as missing', () => {
    const apis = path.join(repo, 'apis');
    const result = cli(apis, 'diff', '../old.yaml', 'users/openapi.yaml', '--format', 'json');
    expect(result.code).toBe(2);
    expect(JSON.parse(result.stdout).problems).toEqual([
      expect.objectContaining({ code: 'spec-outside-workspace', message: '../old.yaml is outside the current folder; specs (and the documents their $refs point to) are read inside it only', hint: expect.stringContaining('Run contract-graph from a folder that holds both specs') }),
    ]);
    expect(cli(apis, 'diff', path.join(repo, 'old.yaml'), 'users/openapi.yaml', '--format', 'json').stdout).toContain('"code": "spec-outside-workspace"');
  });

  it("diff asks openapi-diff about changed bodies; --no-second-opinion or the spec's secondOpinion: false turn it off", () => {
    const old = fs.readFileSync(path.join(repo, 'old.yaml'), 'utf8');
    fs.writeFileSync(path.join(repo, 'closed.yaml'), old.replace('    User:\n      type: object\n', '    User:\n      type: object\n      additionalProperties: false\n'));
    const flagged = cli(repo, 'diff', 'closed.yaml', 'old.yaml');
    expect(flagged.code).toBe(1);
    expect(flagged.stdout).toContain('error body-change-flagged-by-openapi-diff old.yaml\n');
    expect(flagged.stdout).toContain('GET /api/users/{id}: the 200 response body (application/json) can return values it could not return before, says openapi-diff');
    expect(cli(repo, 'diff', 'closed.yaml', 'old.yaml', '--no-second-opinion')).toMatchObject({ code: 0 });
    fs.writeFileSync(path.join(repo, 'quiet.yaml'), old.replace('info:\n', 'x-contract-graph:\n  secondOpinion: false\ninfo:\n'));
    expect(cli(repo, 'diff', 'closed.yaml', 'quiet.yaml')).toMatchObject({ code: 0 });
  });

  it('diff prints any format; an allow-list entry accepts a finding, and what matches nothing is stale', () => {
    fs.writeFileSync(
      path.join(repo, 'allow.yaml'),
      [
        'allow:',
        '  - rule: response-property-removed',
        '    operation: GET /api/users/{id}',
        '    property: lastLogin',
        '    reason: the dashboard stops reading it in PLAT-12',
        '    expires: 2099-01-01',
        '  - rule: response-property-removed',
        '    operation: GET /api/users/{id}',
        '    property: email',
        '    reason: the dashboard moves to emailAddress',
        '    expires: 2099-01-01',
        '  - rule: endpoint-removed',
        '    operation: GET /api/users/{id}',
        '    reason: nothing',
        '    expires: 2099-01-01',
      ].join('\n'),
    );
    const result = cli(repo, 'diff', 'old.yaml', 'apis/users/openapi.yaml', '--allow-list', 'allow.yaml', '--format', 'json');
    expect(result.code).toBe(0);
    const report = JSON.parse(result.stdout);
    expect(report.findings).toEqual([]);
    expect(report.allowed.map((finding: { property: string }) => finding.property)).toEqual(['email', 'lastLogin']);
    expect(report.staleAllowListEntries).toEqual([expect.objectContaining({ rule: 'endpoint-removed', location: { file: 'allow.yaml', line: 12, column: 5 } })]);
  });

  it('an expired allow-list entry fails with exit 2 and says so', () => {
    fs.writeFileSync(path.join(repo, 'expired.yaml'), 'allow:\n  - rule: endpoint-removed\n    operation: GET /api/users/{id}\n    reason: gone\n    expires: 2020-01-01\n');
    const result = cli(repo, 'diff', 'old.yaml', 'old.yaml', '--allow-list', 'expired.yaml');
    expect(result.code).toBe(2);
    expect(result.stdout).toContain('error allow-list-entry-expired');
    expect(result.stdout).toContain('The allow-list entry endpoint-removed GET /api/users/{id} expired on 2020-01-01 (reason: gone)');
  });

  it('writes several formats at once, each to its own file, and prints stylish', () => {
    const result = cli(repo, 'check', '--spec', 'apis/users/openapi.yaml', '--consumer', 'apps/web', '--base', 'main', '--format', 'sarif', '--format', 'junit', '--format', 'markdown', '--format', 'json', '--format', 'github', '--output-dir', 'out');
    expect(result.code).toBe(1);
    expect(result.stdout).toContain('error response-property-removed');
    expect(fs.readdirSync(path.join(repo, 'out')).sort()).toEqual(['contract-check.github.txt', 'contract-check.json', 'contract-check.junit.xml', 'contract-check.md', 'contract-check.sarif']);
    expect(JSON.parse(fs.readFileSync(path.join(repo, 'out/contract-check.sarif'), 'utf8')).version).toBe('2.1.0');
  });

  it('refuses several formats without --output-dir, an unknown format or --fail-on value (exit 2)', () => {
    expect(cli(repo, 'diff', 'old.yaml', 'old.yaml', '--format', 'json', '--format', 'sarif')).toMatchObject({ code: 2, stderr: expect.stringContaining('several --format values need --output-dir') });
    expect(cli(repo, 'diff', 'old.yaml', 'old.yaml', '--format', 'xml')).toMatchObject({ code: 2, stderr: expect.stringContaining("unknown format 'xml'") });
    expect(cli(repo, 'diff', 'old.yaml', 'old.yaml', '--fail-on', 'info')).toMatchObject({ code: 2, stderr: expect.stringContaining("--fail-on must be error or warning, not 'info'") });
  });

  it('--fail-on warning fails on warnings', () => {
    const widened = fs.readFileSync(path.join(repo, 'old.yaml'), 'utf8').replace(/info:\n  title: ([^\n]*)\n  version: [^\n]*/, 'info:\n  title: $1\n  version: 9.9.9');
    fs.writeFileSync(path.join(repo, 'deprecated.yaml'), widened.replace(/(\n    get:\n)/, '$1      deprecated: true\n'));
    const lenient = cli(repo, 'diff', 'old.yaml', 'deprecated.yaml', '--format', 'json');
    const report = JSON.parse(lenient.stdout);
    expect(report.summary.errors).toBe(0);
    expect(report.summary.warnings).toBeGreaterThan(0);
    expect(lenient.code).toBe(0);
    expect(cli(repo, 'diff', 'old.yaml', 'deprecated.yaml', '--fail-on', 'warning').code).toBe(1);
  });
});
