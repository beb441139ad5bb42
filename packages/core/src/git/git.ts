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
 * The merge-base of `head` with `base`, as `nx affected` computes it, in one git call; undefined
 * when it cannot be computed. (`^{commit}` keeps a revision from ever being read as an option.)
 */
export function mergeBase(cwd: string, base: string, head = 'HEAD'): string | undefined {
  try {
    return git(cwd, ['merge-base', `${base}^{commit}`, `${head}^{commit}`]).trim();
  } catch {
    return undefined;
  }
}

/**
 * The commit to diff against: the merge-base of `head` with `base`, as `nx affected` computes it.
 * Throws a BaseRevisionError that says how to fix a missing ref or a shallow clone.
 */
export function resolveBaseCommit(cwd: string, base: string, head = 'HEAD'): string {
  return mergeBase(cwd, base, head) ?? throwWhyNoMergeBase(cwd, base, head);
}

/** Works out why there is no merge-base (run only then: it costs several git calls). */
function throwWhyNoMergeBase(cwd: string, base: string, head: string): never {
  const commitOf = (revision: string): string | undefined => {
    try {
      return git(cwd, ['rev-parse', '--verify', '--quiet', `${revision}^{commit}`]).trim();
    } catch {
      return undefined;
    }
  };
  const shallow = isShallow(cwd);
  const fetchHint = `Fetch the base first, e.g. \`git fetch origin ${base}\`${shallow ? ' (this clone is shallow: in GitHub Actions use `actions/checkout` with `fetch-depth: 0`)' : ''}, or pass another base (NX_BASE / --base).`;
  if (!commitOf(base)) throw new BaseRevisionError(`The base revision '${base}' does not exist in this repository`, fetchHint);
  if (!commitOf(head)) throw new BaseRevisionError(`The head revision '${head}' does not exist in this repository`, 'Pass an existing head (NX_HEAD / --head).');
  throw new BaseRevisionError(`'${base}' and '${head}' have no common ancestor${shallow ? ' in this shallow clone' : ''}`, fetchHint);
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

/**
 * The contents of workspace-relative files at `revision`, in one git call (`undefined` for a file
 * that did not exist there). Reading a spec's documents one `git show` at a time cost a process each.
 */
export function readFilesAtRevision(cwd: string, revision: string, relativePaths: readonly string[]): Map<string, string | undefined> {
  const files = new Map<string, string | undefined>();
  // The batch protocol is line-based: a path with a line break is read on its own.
  const batched = relativePaths.filter((file) => !/[\r\n]/.test(file));
  for (const file of relativePaths) if (!batched.includes(file)) files.set(file, readFileAtRevision(cwd, revision, file));
  if (batched.length === 0) return files;
  let output: Buffer;
  try {
    output = execFileSync('git', ['cat-file', '--batch'], { cwd, input: batched.map((file) => `${revision}:${file}\n`).join(''), stdio: ['pipe', 'pipe', 'pipe'], maxBuffer: 1024 * 1024 * 1024 });
  } catch {
    for (const file of batched) files.set(file, readFileAtRevision(cwd, revision, file));
    return files;
  }
  // Each answer is `<oid> <type> <size>\n<content>\n`, or `<object name> missing\n`.
  let offset = 0;
  for (const file of batched) {
    const lineEnd = output.indexOf(10, offset);
    const header = output.subarray(offset, lineEnd).toString('utf8').split(' ');
    offset = lineEnd + 1;
    const size = Number(header[2]);
    if (header.length !== 3 || !Number.isInteger(size)) {
      files.set(file, undefined);
      continue;
    }
    files.set(file, header[1] === 'blob' ? output.subarray(offset, offset + size).toString('utf8') : undefined);
    offset += size + 1;
  }
  return files;
}

/**
 * The workspace-relative files that existed at `revision` and are gone from the working tree now
 * (deleted or moved away, staged or not), sorted. Unlike git's rename detection this does not
 * depend on whether the new path was added to the index yet: Nx does not hash the index, so a
 * verdict must not depend on it.
 */
export function deletedSince(cwd: string, revision: string): string[] {
  let output: string;
  try {
    // -z: paths are not quoted; --relative: paths relative to the workspace root, and only below it.
    output = git(cwd, ['diff', '--name-only', '-z', '--no-renames', '--diff-filter=D', '--relative', revision]);
  } catch {
    return [];
  }
  return output.split('\0').filter((file) => file !== '').sort();
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
  // One git call in the usual case: every contract-check task runs this.
  const commit = mergeBase(cwd, base.revision, head);
  if (commit) return { commit };
  if (!isGitRepository(cwd)) return {};
  try {
    return throwWhyNoMergeBase(cwd, base.revision, head);
  } catch (error) {
    if (!(error instanceof BaseRevisionError)) throw error;
    if (base.explicit) return { error: error.message, hint: error.hint };
    return { note: `${error.message}; checking the current specs only (set NX_BASE to diff against a base).` };
  }
}
