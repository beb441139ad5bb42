import * as fs from 'node:fs';
import * as path from 'node:path';

/** The plugin's defaults (`@contract-graph/nx` options `specs` / `exclude`). */
export const DEFAULT_SPEC_GLOBS = ['**/openapi.{yaml,yml,json}', '**/swagger.{yaml,yml,json}'];
const DEFAULT_EXCLUDES = ['**/node_modules/**', '**/dist/**', '**/.nx/**'];
const SKIPPED_DIRECTORIES = new Set(['node_modules', 'dist', '.git', '.nx']);
const PLUGIN_NAME = '@contract-graph/nx';

/**
 * The workspace a test belongs to: the nearest folder above `from` with an nx.json or a
 * package.json that declares `workspaces`; else the git root; else `from` itself.
 */
export function findWorkspaceRoot(from: string): string {
  let gitRoot: string | undefined;
  for (let dir = path.resolve(from); ; dir = path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'nx.json')) || hasWorkspaces(path.join(dir, 'package.json'))) return dir;
    if (!gitRoot && fs.existsSync(path.join(dir, '.git'))) gitRoot = dir;
    if (path.dirname(dir) === dir) return gitRoot ?? path.resolve(from);
  }
}

function hasWorkspaces(packageJson: string): boolean {
  try {
    return JSON.parse(fs.readFileSync(packageJson, 'utf8')).workspaces !== undefined;
  } catch {
    return false;
  }
}

/** `specs` and `exclude` as the Nx plugin sees them: its nx.json options, else the defaults. */
export function specGlobsOf(workspaceRoot: string): { specs: string[]; exclude: string[] } {
  let options: { specs?: unknown; exclude?: unknown } = {};
  try {
    const nxJson = JSON.parse(fs.readFileSync(path.join(workspaceRoot, 'nx.json'), 'utf8'));
    for (const entry of Array.isArray(nxJson.plugins) ? nxJson.plugins : []) {
      if (typeof entry === 'object' && entry?.plugin === PLUGIN_NAME && typeof entry.options === 'object') options = entry.options ?? {};
    }
  } catch {
    // No nx.json (or not JSON): the plugin's defaults apply.
  }
  const strings = (value: unknown) => (Array.isArray(value) ? value.filter((item): item is string => typeof item === 'string') : undefined);
  return { specs: strings(options.specs) ?? DEFAULT_SPEC_GLOBS, exclude: [...DEFAULT_EXCLUDES, ...(strings(options.exclude) ?? [])] };
}

/** Workspace-relative spec files matching the globs (sorted); node_modules, dist and hidden folders are skipped. */
export function discoverSpecFiles(workspaceRoot: string, globs = specGlobsOf(workspaceRoot)): string[] {
  const include = globs.specs.map(globToRegExp);
  const exclude = globs.exclude.map(globToRegExp);
  const files: string[] = [];
  const walk = (relativeDir: string) => {
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(path.join(workspaceRoot, relativeDir), { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const relative = relativeDir === '' ? entry.name : `${relativeDir}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && !SKIPPED_DIRECTORIES.has(entry.name)) walk(relative);
      } else if (entry.isFile() && include.some((glob) => glob.test(relative)) && !exclude.some((glob) => glob.test(relative))) {
        files.push(relative);
      }
    }
  };
  walk('');
  return files.sort();
}

/** A glob (`**`, `*`, `?`, `{a,b}`) as a regular expression over `/`-separated relative paths. */
export function globToRegExp(glob: string): RegExp {
  let source = '';
  for (let index = 0; index < glob.length; index++) {
    const char = glob[index];
    if (glob.startsWith('**/', index)) {
      source += '(?:.*/)?';
      index += 2;
    } else if (glob.startsWith('/**', index) && index + 3 === glob.length) {
      source += '(?:/.*)?';
      index += 2;
    } else if (glob.startsWith('**', index)) {
      source += '.*';
      index += 1;
    } else if (char === '*') {
      source += '[^/]*';
    } else if (char === '?') {
      source += '[^/]';
    } else if (char === '{') {
      const end = glob.indexOf('}', index);
      if (end === -1) {
        source += '\\{';
        continue;
      }
      source += `(?:${glob.slice(index + 1, end).split(',').map((part) => part.replace(/[.+^$()|[\]\\]/g, '\\$&').replace(/\*/g, '[^/]*')).join('|')})`;
      index = end;
    } else {
      source += char.replace(/[.+^$()|[\]\\{}]/g, '\\$&');
    }
  }
  return new RegExp(`^${source}$`);
}
