import * as path from 'node:path';
import { mappedPaths, type PathMapping } from './tsconfig-paths';

/** Relative modules and the source-root aliases: written to name a file of the project itself. */
export function isLocalModule(module: string): boolean {
  return /^(\.\.?(\/|$)|[@~]\/|\$lib(\/|$))/.test(module);
}

const EXTENSIONS = ['.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs', '.mts', '.cts', '.vue', '.svelte'];

/**
 * Resolves import specifiers among the files being linked (a project's own, and the workspace
 * libraries it imports): relative paths (`./x`, `../x`, folder `index` files, with or without an
 * extension, `.js` naming a `.ts` file),
 * specifiers mapped by tsconfig `paths` (`@acme/api-client` → `libs/api-client/src/index.ts`), and
 * otherwise the usual source-root aliases `@/x` and `~/x` (tried under `<projectRoot>/src`, then the
 * root) and SvelteKit's `$lib/x` (`<projectRoot>/src/lib/x`).
 */
export function createModuleResolver(files: Iterable<string>, projectRoot = '.', mappings: readonly PathMapping[] = []): (from: string, module: string) => string | undefined {
  const known = new Set(files);
  const root = projectRoot === '.' || projectRoot === '' ? '' : projectRoot.replace(/\/+$/, '');
  const memo = new Map<string, string | undefined>();
  // Nested maps, not a joined key: the linker asks this for every call through an import.
  const byImporter = new Map<string, Map<string, string | undefined>>();
  return (from, module) => {
    let resolved = byImporter.get(from);
    if (!resolved) byImporter.set(from, (resolved = new Map()));
    if (resolved.has(module)) return resolved.get(module);
    const found = resolve(from, module);
    resolved.set(module, found);
    return found;
  };

  function resolve(from: string, module: string): string | undefined {
    let bases: string[];
    const mapped = module.startsWith('.') ? [] : mappedPaths(mappings, module);
    if (mapped.length > 0) {
      bases = mapped;
    } else if (module.startsWith('@/') || module.startsWith('~/')) {
      const rest = module.slice(2);
      bases = [path.posix.join(root, 'src', rest), path.posix.join(root, rest)];
    } else if (module === '$lib' || module.startsWith('$lib/')) {
      // SvelteKit's default alias.
      bases = [path.posix.join(root, 'src/lib', module.slice(4))];
    } else if (module.startsWith('.')) {
      bases = [path.posix.join(path.posix.dirname(from), module)];
    } else {
      return undefined;
    }
    const key = bases.join('\u0000');
    if (memo.has(key)) return memo.get(key);
    let found: string | undefined;
    for (const base of bases) if ((found = lookup(known, base)) !== undefined) break;
    memo.set(key, found);
    return found;
  }
}

export function lookup(known: ReadonlySet<string>, base: string): string | undefined {
  if (known.has(base)) return base;
  const withoutJs = base.replace(/\.(m|c)?jsx?$/, '');
  for (const stem of withoutJs === base ? [base] : [withoutJs, base]) {
    for (const extension of EXTENSIONS) if (known.has(stem + extension)) return stem + extension;
  }
  for (const extension of EXTENSIONS) if (known.has(`${base}/index${extension}`)) return `${base}/index${extension}`;
  return undefined;
}
