import { execFileSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { AllowList } from '../allow-list/allow-list';
import { renderFingerprintFile } from '../contracts/fingerprint-file';
import { runContractCheck, workingTreeReader } from '../workspace/contract-check';
import type { FailOn } from './summary';

const example = path.resolve(__dirname, '../../../../examples/story');

/** The story's example workspace in a temp git repository: the base commit on `main`, the backend change applied on top (uncommitted). */
export function createStoryRepo(prefix = 'contract-graph-report-'): { root: string; dispose(): void } {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  const git = (...args: string[]) =>
    execFileSync('git', args, { cwd: root, env: { ...process.env, GIT_AUTHOR_NAME: 't', GIT_AUTHOR_EMAIL: 't@t', GIT_COMMITTER_NAME: 't', GIT_COMMITTER_EMAIL: 't@t' } });
  fs.cpSync(path.join(example, 'workspace'), root, { recursive: true });
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'base');
  fs.cpSync(path.join(example, 'change'), root, { recursive: true });
  // What `nx sync` does after the change: the fingerprint file follows the spec.
  const rendered = renderFingerprintFile('apis/users/openapi.yaml', workingTreeReader(root));
  if (rendered) fs.writeFileSync(path.join(root, rendered.file), rendered.text);
  return { root, dispose: () => fs.rmSync(root, { recursive: true, force: true }) };
}

/** The check of a story project after the change, diffed against `main`. */
export function storyReport(root: string, project: 'web' | 'admin' | 'users-api', options: { failOn?: FailOn; allowList?: AllowList; now?: Date } = {}) {
  const spec = { name: 'users-api', file: 'apis/users/openapi.yaml' };
  const baseCommit = execFileSync('git', ['rev-parse', 'main'], { cwd: root, encoding: 'utf8' }).trim();
  return runContractCheck({
    workspaceRoot: root,
    project: project === 'users-api' ? { name: 'users-api', root: 'apis/users' } : { name: project, root: `apps/${project}` },
    ownedSpecs: project === 'users-api' ? [spec] : [],
    consumedSpecs: project === 'users-api' ? [] : [spec],
    baseCommit,
    now: options.now ?? new Date('2026-06-01T00:00:00Z'),
    ...(options.failOn ? { failOn: options.failOn } : {}),
    ...(options.allowList ? { allowList: options.allowList } : {}),
  });
}
