import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chooseBaseCommit, readFileAtRevision, readFilesAtRevision } from './git';

describe('chooseBaseCommit', () => {
  let repo: string;
  let plain: string;

  beforeAll(() => {
    repo = fs.mkdtempSync(path.join(os.tmpdir(), 'contract-graph-git-'));
    plain = fs.mkdtempSync(path.join(os.tmpdir(), 'contract-graph-nogit-'));
    const env = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' };
    execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: repo, env });
    fs.writeFileSync(path.join(repo, 'a.txt'), 'a');
    execFileSync('git', ['add', '-A'], { cwd: repo, env });
    execFileSync('git', ['commit', '-q', '-m', 'base'], { cwd: repo, env });
  });
  afterAll(() => [repo, plain].forEach((dir) => fs.rmSync(dir, { recursive: true, force: true })));

  it('resolves an existing base to its merge-base commit', () => {
    const head = execFileSync('git', ['rev-parse', 'HEAD'], { cwd: repo, encoding: 'utf8' }).trim();
    expect(chooseBaseCommit(repo, { revision: 'main', explicit: true })).toEqual({ commit: head });
  });

  it('fails on an explicit base that does not exist, saying how to fix it', () => {
    expect(chooseBaseCommit(repo, { revision: 'origin/nope', explicit: true })).toEqual({
      error: "The base revision 'origin/nope' does not exist in this repository",
      hint: expect.stringContaining('git fetch origin origin/nope'),
    });
  });

  it('only turns the diff off for a default base that does not exist, or outside git', () => {
    expect(chooseBaseCommit(repo, { revision: 'develop', explicit: false })).toEqual({
      note: "The base revision 'develop' does not exist in this repository; checking the current specs only (set NX_BASE to diff against a base).",
    });
    expect(chooseBaseCommit(plain, { revision: 'main', explicit: true })).toEqual({});
  });
});

describe('readFilesAtRevision', () => {
  let repo: string;

  beforeAll(() => {
    repo = fs.mkdtempSync(path.join(os.tmpdir(), 'contract-graph-git-'));
    const env = { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' };
    execFileSync('git', ['init', '-q', '-b', 'main'], { cwd: repo, env });
    fs.mkdirSync(path.join(repo, 'ws/apis'), { recursive: true });
    fs.writeFileSync(path.join(repo, 'ws/apis/openapi.yaml'), 'info:\n  title: Café ☕\n');
    fs.writeFileSync(path.join(repo, 'ws/apis/with space.yaml'), '');
    fs.writeFileSync(path.join(repo, 'ws/a.txt'), 'a');
    execFileSync('git', ['add', '-A'], { cwd: repo, env });
    execFileSync('git', ['commit', '-q', '-m', 'base'], { cwd: repo, env });
    fs.writeFileSync(path.join(repo, 'ws/a.txt'), 'changed in the working tree');
  });
  afterAll(() => fs.rmSync(repo, { recursive: true, force: true }));

  it('reads many files of a commit in one call, relative to a workspace inside the repository, as `git show` does', () => {
    const cwd = path.join(repo, 'ws');
    const files = ['./apis/openapi.yaml', './a.txt', './apis/missing.yaml', './apis', './apis/with space.yaml', './apis/new\nline.yaml'];
    const read = readFilesAtRevision(cwd, 'main', files);
    expect([...read.keys()].sort()).toEqual([...files].sort());
    expect(read.get('./apis/openapi.yaml')).toBe('info:\n  title: Café ☕\n');
    expect(read.get('./a.txt')).toBe('a');
    expect(read.get('./apis/with space.yaml')).toBe('');
    expect(read.get('./apis/missing.yaml')).toBeUndefined();
    expect(read.get('./apis')).toBeUndefined();
    expect(read.get('./apis/new\nline.yaml')).toBeUndefined();
    for (const file of ['./apis/openapi.yaml', './a.txt', './apis/missing.yaml']) expect(read.get(file)).toBe(readFileAtRevision(cwd, 'main', file));
  });
});
