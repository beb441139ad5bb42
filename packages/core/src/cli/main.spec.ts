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

  it('diff lists the changed operations', () => {
    fs.cpSync(path.join(example, 'workspace/apis/users/openapi.yaml'), path.join(repo, 'old.yaml'));
    const result = cli(repo, 'diff', 'old.yaml', 'apis/users/openapi.yaml');
    expect(result.stdout).toBe('changed GET /api/users/{id}\n1 operation(s) changed\n');
  });
});
