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

/** What to diff against: a commit, nothing (with a note saying why), or an error to report. */
export type BaseChoice = { commit?: string; note?: string } | { error: string; hint: string };

/**
 * Resolves a base revision the way `contract-check` uses it: an explicit base (option or NX_BASE)
 * that does not resolve is an error; a default one (nx.json `defaultBase`) only turns the diff off,
 * and so does a workspace that is not a git repository.
 */
export function chooseBaseCommit(cwd: string, base: { revision: string; explicit: boolean }, head = 'HEAD'): BaseChoice {
  if (!isGitRepository(cwd)) return {};
  try {
    return { commit: resolveBaseCommit(cwd, base.revision, head) };
  } catch (error) {
    if (!(error instanceof BaseRevisionError)) throw error;
    if (base.explicit) return { error: error.message, hint: error.hint };
    return { note: `${error.message}; checking the current specs only (set NX_BASE to diff against a base).` };
  }
}
