import * as fs from 'node:fs';
import ignore, { type Ignore } from 'ignore';

/** The files whose patterns hide paths from Nx's file hashing, and so from the scan. */
export const IGNORE_FILES = ['.gitignore', '.nxignore'];

/** One folder's patterns, which apply to the paths below it. */
interface FolderRules {
  /** The folder, workspace-relative, with a trailing `/` (`''` for the workspace root). */
  prefix: string;
  rules: Ignore;
}

/**
 * The `.gitignore` / `.nxignore` patterns that apply inside a folder: those of the folder and of
 * every folder above it, up to the workspace root. Nx does not hash ignored files, so a result
 * read from them could be replayed from the cache after they change (or be computed from files
 * only one machine has, such as a generated client): the scan does not read them either.
 * Deeper files override higher ones, and a `!pattern` re-includes, as in git.
 */
export class IgnoreRules {
  private constructor(private readonly chain: readonly FolderRules[]) {}

  /** The rules of `folder`'s ancestors (not of `folder` itself: the walk adds those when it lists it). */
  static above(base: string, folder: string): IgnoreRules {
    const parts = folder === '' ? [] : folder.split('/');
    let rules = new IgnoreRules([]);
    for (let depth = 0; depth < parts.length; depth++) rules = rules.with(base, parts.slice(0, depth).join('/'), IGNORE_FILES);
    return rules;
  }

  /** These rules plus those of the ignore files named (of those in `folder`: a listing knows which it has). */
  with(base: string, folder: string, names: readonly string[]): IgnoreRules {
    const prefix = folder === '' ? '' : `${folder}/`;
    const texts = names.map((name) => readText(base + prefix + name)).filter((text): text is string => text !== undefined && text.trim() !== '');
    if (texts.length === 0) return this;
    return new IgnoreRules([...this.chain, { prefix, rules: ignore().add(texts.join('\n')) }]);
  }

  /** Whether a workspace-relative path (a folder when `isFolder`) is ignored. */
  ignores(path: string, isFolder: boolean): boolean {
    // Patterns apply inside the workspace only (a folder given as `../x` is outside every ignore file).
    if (this.chain.length === 0 || path.startsWith('../') || path.startsWith('/') || /^[A-Za-z]:/.test(path)) return false;
    let ignored = false;
    for (const { prefix, rules } of this.chain) {
      if (!path.startsWith(prefix)) continue;
      const result = rules.test(path.slice(prefix.length) + (isFolder ? '/' : ''));
      if (result.ignored) ignored = true;
      else if (result.unignored) ignored = false;
    }
    return ignored;
  }
}

function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}
