import { execFileSync } from 'node:child_process';

/** A git revision that could not be used as a base, with what to do about it. */
export class BaseRevisionError extends Error {
  constructor(
    message: string,
    readonly hint: string,
  ) {
    super(message);
    this.name = 'BaseRevisionError';
  }
}

function git(cwd: string, args: string[]): string {
  return execFileSync('git', args, { cwd, encoding: 'utf8', stdio: ['ignore', 'pipe', 'pipe'], maxBuffer: 256 * 1024 * 1024 });
}

/** True when `cwd` is inside a git work tree. */
export function isGitRepository(cwd: string): boolean {
  try {
    return git(cwd, ['rev-parse', '--is-inside-work-tree']).trim() === 'true';
  } catch {
    return false;
  }
}

/**
 * The commit to diff against: the merge-base of `head` with `base`, as `nx affected` computes it.
 * Throws a BaseRevisionError that says how to fix a missing ref or a shallow clone.
 */
export function resolveBaseCommit(cwd: string, base: string, head = 'HEAD'): string {
  const commitOf = (revision: string): string | undefined => {
    try {
      return git(cwd, ['rev-parse', '--verify', '--quiet', `${revision}^{commit}`]).trim();
    } catch {
      return undefined;
    }
  };
  const shallow = isShallow(cwd);
  const fetchHint = `Fetch the base first, e.g. \`git fetch origin ${base}\`${shallow ? ' (this clone is shallow: in GitHub Actions use `actions/checkout` with `fetch-depth: 0`)' : ''}, or pass another base (NX_BASE / --base).`;
  const baseCommit = commitOf(base);
  if (!baseCommit) throw new BaseRevisionError(`The base revision '${base}' does not exist in this repository`, fetchHint);
  const headCommit = commitOf(head);
  if (!headCommit) throw new BaseRevisionError(`The head revision '${head}' does not exist in this repository`, 'Pass an existing head (NX_HEAD / --head).');
  try {
    return git(cwd, ['merge-base', baseCommit, headCommit]).trim();
  } catch {
    throw new BaseRevisionError(`'${base}' and '${head}' have no common ancestor${shallow ? ' in this shallow clone' : ''}`, fetchHint);
  }
}

function isShallow(cwd: string): boolean {
  try {
    return git(cwd, ['rev-parse', '--is-shallow-repository']).trim() === 'true';
  } catch {
    return false;
  }
}

/** The content of a workspace-relative file at `revision`, `undefined` when it did not exist there. */
export function readFileAtRevision(cwd: string, revision: string, relativePath: string): string | undefined {
  try {
    return git(cwd, ['show', `${revision}:${relativePath}`]);
  } catch {
    return undefined;
  }
}

/** The workspace root's path inside the git repository ('' when they are the same). */
export function gitPrefix(cwd: string): string {
  return git(cwd, ['rev-parse', '--show-prefix']).trim();
}
