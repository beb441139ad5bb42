import * as path from 'node:path';
import type { InputProblem } from '../model';
import { WORKSPACE_TSCONFIG_FILES } from '../workspace/consumer-files';

/** One `compilerOptions.paths` entry, its targets made workspace-relative (`libs/api-client/src/index.ts`, `libs/*`). */
export interface PathMapping {
  pattern: string;
  targets: string[];
}

export interface PathMappings {
  mappings: PathMapping[];
  /** The tsconfig file the mappings come from, workspace-relative. */
  source?: string;
  problems: InputProblem[];
}

/** Reads a workspace-relative file; `undefined` when it does not exist. */
export type ReadFile = (file: string) => string | undefined;

const MAX_EXTENDS = 8;

/**
 * The tsconfig `paths` a project's imports resolve through: those of `<project>/tsconfig.json` and
 * the configs it extends (relative `extends` only), else of the workspace's `tsconfig.base.json`
 * (where Nx keeps the library mappings), else of its `tsconfig.json`. Targets are relative to
 * `baseUrl` when one is set, else to the config that declares `paths`, as TypeScript does; a
 * target outside the workspace is dropped. A config that is not valid JSON(C) is reported.
 */
export function readPathMappings(projectRoot: string, read: ReadFile): PathMappings {
  const problems: InputProblem[] = [];
  const project = projectRoot === '.' || projectRoot === '' ? undefined : `${projectRoot.replace(/\/+$/, '')}/tsconfig.json`;
  for (const file of [project, ...WORKSPACE_TSCONFIG_FILES]) {
    if (file === undefined) continue;
    const found = pathsOf(file, read, problems);
    if (found) return { ...found, problems };
  }
  return { mappings: [], problems };
}

interface ConfigOptions {
  paths?: { value: Record<string, unknown>; file: string };
  baseUrl?: { value: string; file: string };
}

function pathsOf(file: string, read: ReadFile, problems: InputProblem[]): { mappings: PathMapping[]; source: string } | undefined {
  const options: ConfigOptions = {};
  collectOptions(file, read, problems, options, 0);
  if (!options.paths && !options.baseUrl) return undefined;
  const declaring = (options.paths ?? options.baseUrl) as { file: string };
  const base = options.baseUrl ? path.posix.join(path.posix.dirname(options.baseUrl.file), options.baseUrl.value) : path.posix.dirname(declaring.file);
  const mappings: PathMapping[] = [];
  // With `baseUrl`, a bare specifier no `paths` entry maps is looked up below it (`src/services` → `<baseUrl>/src/services`).
  const entries = [...Object.entries(options.paths?.value ?? {}), ...(options.baseUrl && !options.paths?.value['*'] ? [['*', ['*']] as const] : [])];
  for (const [pattern, targets] of entries) {
    if (!Array.isArray(targets)) continue;
    const inside = targets.flatMap((target) => {
      if (typeof target !== 'string') return [];
      const joined = path.posix.normalize(path.posix.join(base, target));
      return joined.startsWith('../') || joined === '..' || path.posix.isAbsolute(joined) ? [] : [joined];
    });
    if (inside.length > 0) mappings.push({ pattern, targets: inside });
  }
  return { mappings, source: declaring.file };
}

/** Fills `paths` and `baseUrl` from `file`, then from what it extends (the nearest declaration wins). */
function collectOptions(file: string, read: ReadFile, problems: InputProblem[], options: ConfigOptions, depth: number): void {
  if (depth > MAX_EXTENDS) return;
  const text = read(file);
  if (text === undefined) return;
  let config: { extends?: unknown; compilerOptions?: { paths?: unknown; baseUrl?: unknown } };
  try {
    config = JSON.parse(withoutJsonComments(text)) as typeof config;
  } catch (error) {
    problems.push({
      code: 'consumer-tsconfig-invalid',
      message: `${file} is not valid JSON: ${error instanceof Error ? error.message : String(error)}`,
      location: { file, line: 1, column: 1 },
      hint: 'Fix the file; until then imports mapped by its `paths` are not followed.',
    });
    return;
  }
  const compilerOptions = config?.compilerOptions;
  if (!options.paths && compilerOptions?.paths && typeof compilerOptions.paths === 'object') options.paths = { value: compilerOptions.paths as Record<string, unknown>, file };
  if (!options.baseUrl && typeof compilerOptions?.baseUrl === 'string') options.baseUrl = { value: compilerOptions.baseUrl, file };
  const parents = typeof config?.extends === 'string' ? [config.extends] : Array.isArray(config?.extends) ? config.extends : [];
  // In an `extends` list, later configs override earlier ones: look at them first.
  for (const parent of [...parents].reverse()) {
    if (typeof parent !== 'string' || !parent.startsWith('.')) continue;
    const target = path.posix.normalize(path.posix.join(path.posix.dirname(file), parent.endsWith('.json') ? parent : `${parent}.json`));
    if (!target.startsWith('../')) collectOptions(target, read, problems, options, depth + 1);
  }
}

/**
 * Workspace-relative file paths an import specifier may name through the mappings, best first: an
 * exact pattern, else the wildcard pattern with the longest prefix (TypeScript's rule).
 */
export function mappedPaths(mappings: readonly PathMapping[], specifier: string): string[] {
  // TypeScript maps only bare specifiers: `./`, `../x` are files beside the importer, never `baseUrl/*`.
  if (/^\.\.?(\/|$)/.test(specifier)) return [];
  let best: { mapping: PathMapping; star: string; prefix: number } | undefined;
  for (const mapping of mappings) {
    const star = mapping.pattern.indexOf('*');
    if (star < 0) {
      if (mapping.pattern === specifier) return mapping.targets;
      continue;
    }
    const prefix = mapping.pattern.slice(0, star);
    const suffix = mapping.pattern.slice(star + 1);
    if (specifier.length < prefix.length + suffix.length || !specifier.startsWith(prefix) || !specifier.endsWith(suffix)) continue;
    if (!best || prefix.length > best.prefix) best = { mapping, star: specifier.slice(prefix.length, specifier.length - suffix.length), prefix: prefix.length };
  }
  return best ? best.mapping.targets.map((target) => path.posix.normalize(target.replace('*', best.star))).filter((target) => !target.startsWith('../')) : [];
}

/** tsconfig files are JSON with comments and trailing commas; strips both, leaving strings alone. */
export function withoutJsonComments(text: string): string {
  return withoutTrailingCommas(scanJson(text, (index) => {
    if (text[index] === '/' && text[index + 1] === '/') {
      const end = text.indexOf('\n', index);
      return { skip: (end < 0 ? text.length : end) - index, replacement: '' };
    }
    if (text[index] === '/' && text[index + 1] === '*') {
      const end = text.indexOf('*/', index + 2);
      const comment = text.slice(index, end < 0 ? text.length : end + 2);
      // Newlines kept, so JSON.parse positions still point at the right line.
      return { skip: comment.length, replacement: comment.replace(/[^\n]/g, ' ') };
    }
    return undefined;
  }));
}

function withoutTrailingCommas(text: string): string {
  return scanJson(text, (index) => (text[index] === ',' && /^\s*[}\]]/.test(text.slice(index + 1, index + 200)) ? { skip: 1, replacement: '' } : undefined));
}

/** Copies `text`, letting `edit` replace what starts at an index outside string literals. */
function scanJson(text: string, edit: (index: number) => { skip: number; replacement: string } | undefined): string {
  let out = '';
  for (let index = 0; index < text.length; ) {
    if (text[index] === '"') {
      let end = index + 1;
      while (end < text.length && text[end] !== '"') end += text[end] === '\\' ? 2 : 1;
      out += text.slice(index, end + 1);
      index = end + 1;
      continue;
    }
    const change = edit(index);
    if (change) {
      out += change.replacement;
      index += change.skip;
    } else {
      out += text[index++];
    }
  }
  return out;
}
