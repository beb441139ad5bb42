import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chooseBaseCommit } from './git';

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
