import { execFileSync, spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

/**
 * Guarantees that need a real process: the compiled CLI (`packages/core/dist/cli/bin.js`, built by
 * `npx tsc -b packages/core`) run on the story example laid out in a temp git repository, base
 * committed, the backend change applied on top.
 */
const repoRoot = path.resolve(__dirname, '../../..');
const bin = path.join(repoRoot, 'packages/core/dist/cli/bin.js');
const story = path.join(repoRoot, 'examples/story');

jest.setTimeout(60_000);

/** A V8 stack frame: `at fn (/abs/file.js:1:2)` or `at /abs/file.js:1:2` or `at node:internal/...`. */
const STACK_FRAME = /^\s+at (?:.+ \()?(?:\/|node:|[A-Z]:\\).+:\d+:\d+\)?$/m;

function layOutStory(parent: string, name: string): string {
  const workspace = path.join(parent, name);
  fs.cpSync(path.join(story, 'workspace'), workspace, { recursive: true });
  const git = (...args: string[]) => execFileSync('git', args, { cwd: workspace, stdio: 'ignore', env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t', GIT_AUTHOR_DATE: '2026-01-01T00:00:00Z', GIT_COMMITTER_DATE: '2026-01-01T00:00:00Z' } });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'base');
  fs.cpSync(path.join(story, 'change'), workspace, { recursive: true });
  return workspace;
}

/** Every file under `root` (dot folders such as `.git` included) with a hash of its content. */
function snapshot(root: string): Map<string, string> {
  const files = new Map<string, string>();
  const walk = (dir: string) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else files.set(path.relative(root, full), entry.isSymbolicLink() ? `link:${fs.readlinkSync(full)}` : createHash('sha1').update(fs.readFileSync(full)).digest('hex'));
    }
  };
  walk(root);
  return files;
}

describe('guarantees of the CLI', () => {
  let temp: string;
  let home: string;
  const run = (workspace: string, args: string[], env: Record<string, string> = {}) => {
    const result = spawnSync(process.execPath, [bin, ...args], {
      cwd: workspace,
      encoding: 'buffer',
      // A fresh HOME and TMPDIR: anything written there would be a write outside the declared outputs.
      env: { PATH: process.env.PATH, HOME: home, TMPDIR: path.join(home, 'tmp'), NX_BASE: '', ...env },
    });
    return { code: result.status, stdout: result.stdout, stderr: result.stderr.toString('utf8') };
  };
  const check = (workspace: string) => run(workspace, ['check', '--spec', 'apis/users/openapi.yaml', '--consumer', 'apps/web', '--base', 'main', '--format', 'json']);

  beforeAll(() => {
    expect(fs.existsSync(bin)).toBe(true);
    temp = fs.realpathSync(fs.mkdtempSync(path.join(os.tmpdir(), 'contract-graph-guarantees-')));
    home = path.join(temp, 'home');
    fs.mkdirSync(path.join(home, 'tmp'), { recursive: true });
  });
  afterAll(() => fs.rmSync(temp, { recursive: true, force: true }));

  it('gives byte-identical JSON reports across runs, processes and workspace locations, with no absolute path or timestamp in them', () => {
    const first = layOutStory(temp, 'one');
    const second = layOutStory(path.join(temp, 'elsewhere', 'deeper'), 'two');
    const runs = [check(first), check(first), check(second)];
    for (const result of runs) {
      expect(result.stderr).toBe('');
      expect(result.code).toBe(1);
    }
    expect(runs[1].stdout.equals(runs[0].stdout)).toBe(true);
    expect(runs[2].stdout.equals(runs[0].stdout)).toBe(true);
    const text = runs[0].stdout.toString('utf8');
    expect(text).toContain('response-property-removed');
    expect(text).not.toContain(temp);
    expect(text).not.toMatch(/\d{4}-\d{2}-\d{2}T\d{2}:\d{2}/);
  });

  it('writes nothing: not in the workspace (git metadata included), not in HOME, not in TMPDIR', () => {
    const workspace = layOutStory(temp, 'untouched');
    const before = snapshot(workspace);
    const homeBefore = snapshot(home);
    for (const args of [
      ['check', '--spec', 'apis/users/openapi.yaml', '--consumer', 'apps/web', '--base', 'main', '--format', 'json'],
      ['check', '--spec', 'apis/users/openapi.yaml', '--consumer', 'apps/admin'],
      ['scan', 'apps/web', '--explain', '--spec', 'apis/users/openapi.yaml'],
      ['diff', 'apis/users/openapi.yaml', 'apis/users/openapi.yaml'],
    ]) {
      const result = run(workspace, args);
      expect(result.stderr).not.toMatch(STACK_FRAME);
    }
    expect(snapshot(workspace)).toEqual(before);
    expect(snapshot(home)).toEqual(homeBefore);
  });

  it("gives the same bytes whatever the machine's locale: reports and fingerprint files sort by code unit", () => {
    const workspace = path.join(temp, 'locales');
    const spec = (paths: string[]) => `openapi: 3.0.3\ninfo: { title: T, version: 1.0.0 }\npaths:\n${paths.map((name) => `  ${name}:\n    get:\n      responses:\n        '200': { description: ok }\n`).join('')}`;
    // Danish sorts "aa" after "z"; English ignores case first. Code units: "/Zulu" < "/aardvarks" < "/zebras".
    fs.mkdirSync(workspace, { recursive: true });
    fs.writeFileSync(path.join(workspace, 'base.yaml'), spec(['/zebras', '/aardvarks', '/Zulu']));
    fs.writeFileSync(path.join(workspace, 'head.yaml'), spec([]));
    const diff = (locale: string) => run(workspace, ['diff', 'base.yaml', 'head.yaml', '--no-second-opinion', '--format', 'json'], { LANG: locale, LC_ALL: locale });
    const fingerprint = (locale: string) =>
      execFileSync(process.execPath, ['-e', `const core = require(${JSON.stringify(path.join(repoRoot, 'packages/core/dist'))}); const fs = require('node:fs'); const spec = core.indexSpec('base.yaml', (file) => fs.readFileSync(file, 'utf8')); process.stdout.write(core.serializeFingerprintFile(core.buildFingerprintFile('base.yaml', spec)));`], { cwd: workspace, env: { PATH: process.env.PATH, LANG: locale, LC_ALL: locale } });
    const reports = ['en_US.UTF-8', 'da_DK.UTF-8', 'C'].map((locale) => diff(locale).stdout);
    expect(reports[1].equals(reports[0])).toBe(true);
    expect(reports[2].equals(reports[0])).toBe(true);
    const operations = [...reports[0].toString('utf8').matchAll(/GET (\/[A-Za-z]+)/g)].map((match) => match[1]);
    expect([...new Set(operations)]).toEqual(['/Zulu', '/aardvarks', '/zebras']);
    const files = ['en_US.UTF-8', 'da_DK.UTF-8'].map(fingerprint);
    expect(files[1].equals(files[0])).toBe(true);
    expect([...files[0].toString('utf8').matchAll(/"GET (\/[A-Za-z]+)/g)].map((match) => match[1])).toEqual(['/Zulu', '/aardvarks', '/zebras']);
  });

  it('never prints a stack trace on bad input: a spec that is not YAML and a consumer folder that does not exist', () => {
    const workspace = layOutStory(temp, 'bad');
    fs.writeFileSync(path.join(workspace, 'apis/users/openapi.yaml'), 'openapi: 3.0.3\ninfo:\n  title: a: b\n');
    const result = check(workspace);
    expect([1, 2]).toContain(result.code);
    const text = result.stdout.toString('utf8');
    expect(text).toContain('spec-invalid-document');
    expect(`${text}${result.stderr}`).not.toMatch(STACK_FRAME);
    const missing = run(workspace, ['check', '--spec', 'apis/users/openapi.yaml', '--consumer', 'apps/nothing-here']);
    expect(`${missing.stdout.toString('utf8')}${missing.stderr}`).not.toMatch(STACK_FRAME);
  });
});

describe('the fuzzer', () => {
  it('runs a short seeded round over loader, diff, usage, check and reports without a failure', () => {
    const out = fs.mkdtempSync(path.join(os.tmpdir(), 'contract-graph-fuzz-out-'));
    try {
      const result = spawnSync(process.execPath, [path.join(repoRoot, 'tools/fuzz/run-fuzz.js'), '--seed', '7', '--cases', '150', '--seconds', '900', '--budget-ms', '60000', '--out', out], { encoding: 'utf8' });
      expect(result.stdout).toContain('seed 7: cases tried 150, failures 0');
      expect(result.status).toBe(0);
    } finally {
      fs.rmSync(out, { recursive: true, force: true });
    }
    // Generous limits: only a crash, a wrong result or a case that hangs for a minute fails; the fuzzer's own speed budget is for local runs.
  }, 900_000);
});
