// A plain require: a namespace import compiles to a getter per access, and a rescan makes thousands of stat calls.
import fs = require('node:fs');
import * as path from 'node:path';
import type { CallSite, ConsumerUsage, InputProblem, UnresolvedCall } from '../model';
import { analyzeFile, compareCalls, compareUnresolved, linkProject, sortCalls, sortProblems, sortUnresolved, type FileAnalysis, type LinkProjectOptions } from '../usage/extract-usage';
import { importedModules, linkGroups } from '../usage/link-groups';
import { readUsageManifest } from '../usage/manifest';
import { templateFilesOf } from '../usage/template-files';
import { angularUrlPrefix, type OperationRef } from '../usage/link';
import { createModuleResolver, lookup } from '../usage/resolve-module';
import { mappedPaths, readPathMappings, type PathMapping } from '../usage/tsconfig-paths';
import type { FileSummary } from '../usage/summary';
import { findUsageManifest, folderPrefix, PROJECT_FILES, recordedContentKey, recordFile, saveFolderRecords, statOf, walkSourceFiles, type ListedFile, type ListedFolder } from './source-files';
import { digest, isRacy, linkCacheKey, usageCacheKey, type CachedLinkGroup, type UsageCache } from './usage-cache';

/** The usage found in a project's sources, with the number of files read. */
export interface ProjectUsage extends ConsumerUsage {
  files: number;
  /** Roots of the workspace libraries whose files were read through tsconfig `paths`, sorted: the result depends on them too. */
  libraries: string[];
  /** With `explain`: call sites seen but not resolved to a call, and why. */
  explain?: UnresolvedCall[];
  /** Source files and folders (trailing `/`) that `.gitignore` / `.nxignore` hide, not read (Nx does not hash them), sorted. */
  ignored: string[];
}

export interface ScanOptions {
  /** List the call sites that could not be resolved (`contract-graph scan --explain`). */
  explain?: boolean;
  /**
   * The operations of the specs the project consumes: a call of a generated client's function
   * named after an operationId becomes a call of that operation (only ids naming one operation).
   */
  operations?: ReadonlyArray<{ operationId?: string; method: string; path: string }>;
}

/** A file's analysis and the content key it is cached under. */
interface LoadedFile extends FileAnalysis {
  file: string;
  contentKey: string;
}

/**
 * Scans a project's TS/JS sources for HTTP calls, following wrappers and clients across the
 * project's modules, plus the calls its declared-usage manifest lists. With a cache, a file whose
 * stat record is unchanged is not read at all, a file whose content is unchanged is not parsed,
 * and a group of files linked by imports is relinked only when one of its files (or how its
 * imports resolve) changed.
 */
export function scanProjectUsage(workspaceRoot: string, projectRoot: string, cache?: UsageCache, options: ScanOptions = {}): ProjectUsage {
  const walk = walkSourceFiles(workspaceRoot, projectRoot, cache);
  const files = walk.files.map((listed) => listed.file);
  const now = Date.now();
  const base = folderPrefix(workspaceRoot);
  const loaded: LoadedFile[] = [];
  for (const listed of walk.files) {
    const analysis = loadFile(base, listed, cache, now);
    if (analysis) loaded.push(analysis);
  }
  const paths = readPathMappings(projectRoot, (file) => readText(workspaceRoot, file));
  const folders = [...walk.folders];
  const ignored = [...walk.ignored];
  const libraries = loadLibraries(workspaceRoot, projectRoot, paths.mappings, loaded, { cache, now, folders, ignored });
  if (cache) saveFolderRecords(folders, cache);
  const manifest = readManifest(workspaceRoot, projectRoot);
  const own = new Set(files);
  const operations = unambiguousOperations(options.operations ?? []);
  const linked = linkFiles(loaded, { projectRoot, mappings: paths.mappings, rewrites: manifest?.prefixes, ownFiles: files, own, operations }, cache);
  const fileProblems: InputProblem[] = [];
  for (const file of loaded) if (file.problems.length > 0 && own.has(file.file)) fileProblems.push(...file.problems);
  const problems: InputProblem[] = [...sortProblems([...fileProblems, ...paths.problems]), ...(manifest?.problems ?? [])];
  const usage: ProjectUsage = { calls: [...linked.calls, ...(manifest?.calls ?? [])], problems, files: files.length, libraries, ignored: ignored.sort() };
  if (options.explain) usage.explain = [...linked.unresolved];
  return usage;
}

/**
 * Adds the files of the workspace libraries the project imports through tsconfig `paths`
 * (`@acme/api-client` → `libs/api-client/src/index.ts`), and of those they import in turn: each
 * library is the project (folder with a `project.json` or `package.json`) its mapped file is in,
 * listed like the project itself. Nothing outside the workspace is read. Returns the library roots, sorted.
 */
function loadLibraries(
  workspaceRoot: string,
  projectRoot: string,
  mappings: readonly PathMapping[],
  loaded: LoadedFile[],
  { cache, now, folders, ignored }: { cache: UsageCache | undefined; now: number; folders: ListedFolder[]; ignored: string[] },
): string[] {
  if (mappings.length === 0) return [];
  const own = projectRoot === '' ? '.' : projectRoot;
  const listed = new Set([own]);
  const known = new Set(loaded.map((file) => file.file));
  const base = folderPrefix(workspaceRoot);
  for (let index = 0; index < loaded.length; index++) {
    const summary = loaded[index].summary;
    for (const module of summary ? importedModules(summary) : []) {
      for (const target of mappedPaths(mappings, module)) {
        if (lookup(known, target) !== undefined) break;
        const library = projectFolderOf(workspaceRoot, target);
        if (library === undefined || listed.has(library)) continue;
        listed.add(library);
        const walk = walkSourceFiles(workspaceRoot, library, cache);
        folders.push(...walk.folders);
        ignored.push(...walk.ignored);
        for (const listed of walk.files) {
          if (known.has(listed.file)) continue;
          known.add(listed.file);
          const analysis = loadFile(base, listed, cache, now);
          if (analysis) loaded.push(analysis);
        }
      }
    }
  }
  return [...listed].filter((root) => root !== own).sort();
}

/** The nearest folder at or above `target` (a workspace-relative path, maybe without extension) holding a project file; never the workspace root. */
function projectFolderOf(workspaceRoot: string, target: string): string | undefined {
  for (let folder = path.posix.normalize(target).replace(/\/+$/, ''); folder !== '.' && folder !== '' && folder !== '/'; folder = path.posix.dirname(folder)) {
    if (PROJECT_FILES.some((name) => fs.existsSync(path.join(workspaceRoot, folder, name)))) return folder;
  }
  return undefined;
}

/** One file's analysis: from its stat record, else from its content key, else by analysing it. */
function loadFile(base: string, listed: ListedFile, cache: UsageCache | undefined, now: number): LoadedFile | undefined {
  const { file } = listed;
  const absolute = base + file;
  let stat: fs.Stats | undefined;
  let text: string;
  try {
    stat = statOf(absolute);
    if (!stat) return undefined;
    const contentKey = cache && recordedContentKey(base, listed, stat);
    const known = contentKey === undefined ? undefined : cache?.get(contentKey);
    if (contentKey !== undefined && known) return { file, contentKey, summary: known.summary, problems: known.problems };
    text = fs.readFileSync(absolute, 'utf8');
  } catch {
    return undefined;
  }
  const templateFiles = templateFilesOf(file, text);
  const templates = readTemplates(base, templateFiles);
  // The analysis of a component depends on its templates: so does its key (a missing one counts as empty).
  const contentKey = usageCacheKey(file, [text, ...templateFiles.flatMap((template) => [template, templates.get(template)?.text ?? ''])].join('\u0000'));
  let analysis: FileAnalysis | undefined = cache?.get(contentKey);
  if (!analysis) {
    analysis = analyzeFile(file, text, new Map([...templates].map(([template, read]) => [template, read.text])));
    cache?.set(contentKey, { calls: [], problems: analysis.problems, ...(analysis.summary ? { summary: analysis.summary } : {}) });
  }
  // A file modified in the current timestamp tick could change again unseen by its stat: no record.
  // A component's record holds its templates' stats too (they may change while its own stat does
  // not), so it needs them all read, none racy.
  const templateStats = [...templates.values()].map((read) => read.stat);
  if (cache && templateStats.length === templateFiles.length && ![stat, ...templateStats].some((entry) => isRacy(entry, now))) {
    recordFile(listed, stat, contentKey, templateFiles.map((template, index) => [template, templateStats[index]]));
  }
  return { file, contentKey, summary: analysis.summary, problems: analysis.problems };
}

/** The Angular templates (`templateUrl`) a component's source names, by path → text and the stat taken before reading it; a missing one is left out. */
function readTemplates(base: string, templateFiles: readonly string[]): Map<string, { text: string; stat: fs.Stats }> {
  const templates = new Map<string, { text: string; stat: fs.Stats }>();
  for (const template of templateFiles) {
    try {
      const stat = fs.statSync(base + template);
      templates.set(template, { text: fs.readFileSync(base + template, 'utf8'), stat });
    } catch {
      // Not there: the component's bindings are not read (a template that does not load is not this tool's to report).
    }
  }
  return templates;
}

/** Links the files group by group (see `linkGroups`), reusing each group's result while its key is unchanged. */
function linkFiles(
  files: readonly LoadedFile[],
  options: Required<Pick<LinkProjectOptions, 'projectRoot' | 'operations'>> &
    Pick<LinkProjectOptions, 'rewrites'> & { mappings: readonly PathMapping[]; ownFiles: readonly string[]; own: ReadonlySet<string> },
  cache: UsageCache | undefined,
): { calls: CallSite[]; unresolved: UnresolvedCall[] } {
  const { projectRoot, mappings, rewrites, ownFiles, own, operations } = options;
  const isOwnFile = (file: string) => own.has(file);
  const linkable = files.filter((file) => file.summary);
  const summaries = linkable.map((file) => file.summary as FileSummary);
  let resolver: ModuleResolver | undefined;
  const resolveModule: ModuleResolver = (from, module) => {
    resolver ??= createModuleResolver(
      summaries.map((summary) => summary.file),
      projectRoot,
      mappings,
    );
    return resolver(from, module);
  };
  // Hashed once per scan: with every spec's operationIds it is long, and each group's key would repeat it.
  // Interceptors apply to the whole project, while a group holds only the files connected by imports.
  const angularPrefix = angularUrlPrefix(summaries);
  const rewritesKey = digest(JSON.stringify([rewrites ?? [], [...operations], angularPrefix ?? null]));
  const groups = groupsOf(summaries, `${projectRoot}\u0001${JSON.stringify(mappings)}`, resolveModule, cache);
  const linkGroup = (group: CachedLinkGroup, contentKeys: string[]): LinkedGroup => {
    // Which members are the project's own decides what is reported (see `LinkOptions.isOwnFile`).
    const ownership = group.members.map((index) => (isOwnFile(linkable[index].file) ? '1' : '0')).join('');
    const key = linkCacheKey('group', [rewritesKey, ownership, group.resolution, ...contentKeys]);
    let result = cache?.get(key);
    if (!result) {
      const linked = linkProject(
        group.members.map((index) => ({ summary: summaries[index], problems: [] })),
        { resolveModule, rewrites, isOwnFile, operations, angularUrlPrefix: angularPrefix },
      );
      result = { calls: linked.calls, problems: [], unresolved: linked.unresolved };
      cache?.set(key, result);
    }
    return { contentKeys, calls: result.calls, unresolved: result.unresolved ?? [] };
  };
  // The last scan's links of the same grouping, if the rest of every group's key is unchanged too.
  const last = cache && linkedProjects.get(groups);
  const previous = last && last.rewritesKey === rewritesKey && sameLines(last.ownFiles, ownFiles) ? last : undefined;
  const linked = groups.map((group, index) => {
    const contentKeys = group.members.map((member) => linkable[member].contentKey);
    const known = previous?.groups[index];
    return known && sameLines(known.contentKeys, contentKeys) ? known : linkGroup(group, contentKeys);
  });
  const project: LinkedProject = previous ? relinked(previous, linked) : { rewritesKey, ownFiles, groups: linked, ...allSorted(linked) };
  if (cache) linkedProjects.set(groups, { ...project, rewritesKey, ownFiles });
  return { calls: project.calls, unresolved: project.unresolved };
}

/** One group's links, with the content keys of its members they were computed from. */
interface LinkedGroup {
  contentKeys: string[];
  calls: CallSite[];
  unresolved: UnresolvedCall[];
}

/** A project's links: by group, and all of them sorted. */
interface LinkedProject {
  rewritesKey: string;
  ownFiles: readonly string[];
  groups: LinkedGroup[];
  calls: CallSite[];
  unresolved: UnresolvedCall[];
}

/**
 * The last scan's links, by grouping (kept while the project's files and imports are, see
 * `groupsOf`): a rescan compares each group's content keys with those, relinks only the groups
 * that changed, and merges their calls into the sorted list instead of sorting all again.
 */
const linkedProjects = new WeakMap<CachedLinkGroup[], LinkedProject>();

function allSorted(groups: readonly LinkedGroup[]): Pick<LinkedProject, 'calls' | 'unresolved'> {
  return { calls: sortCalls(groups.flatMap((group) => group.calls)), unresolved: sortUnresolved(groups.flatMap((group) => group.unresolved)) };
}

/**
 * `previous` with the groups that changed replaced. Their calls are all in their own files, which
 * no other group holds, so they never tie with another group's: dropping the old ones and merging
 * the new ones in gives the list a full sort would.
 */
function relinked(previous: LinkedProject, groups: LinkedGroup[]): LinkedProject {
  const changed = groups.filter((group, index) => group !== previous.groups[index]);
  if (changed.length === 0) return previous;
  const stale = previous.groups.filter((group, index) => group !== groups[index]);
  const without = <T>(list: readonly T[], parts: (group: LinkedGroup) => readonly T[]) => {
    const dropped = new Set(stale.flatMap(parts));
    return dropped.size === 0 ? list : list.filter((item) => !dropped.has(item));
  };
  const fresh = allSorted(changed);
  return {
    ...previous,
    groups,
    calls: mergeSorted(without(previous.calls, (group) => group.calls), fresh.calls, compareCalls),
    unresolved: mergeSorted(without(previous.unresolved, (group) => group.unresolved), fresh.unresolved, compareUnresolved),
  };
}

/** Two sorted lists as one, the first's items first on ties. */
function mergeSorted<T>(first: readonly T[], second: readonly T[], compare: (a: T, b: T) => number): T[] {
  const merged: T[] = [];
  let index = 0;
  for (const item of second) {
    while (index < first.length && compare(first[index], item) <= 0) merged.push(first[index++]);
    merged.push(item);
  }
  while (index < first.length) merged.push(first[index++]);
  return merged;
}

type ModuleResolver = (from: string, module: string) => string | undefined;

/** operationId → operation, for the ids that name one operation (servers with several base paths make an id ambiguous). */
function unambiguousOperations(operations: NonNullable<ScanOptions['operations']>): Map<string, OperationRef> {
  const byId = new Map<string, Map<string, OperationRef>>();
  for (const { operationId, method, path: operationPath } of operations) {
    if (!operationId) continue;
    const found = byId.get(operationId) ?? new Map<string, OperationRef>();
    found.set(`${method} ${operationPath}`, { method, path: operationPath });
    byId.set(operationId, found);
  }
  const unique = new Map<string, OperationRef>();
  for (const id of [...byId.keys()].sort()) {
    const found = byId.get(id) as Map<string, OperationRef>;
    if (found.size === 1) unique.set(id, [...found.values()][0]);
  }
  // Generators name methods in lowerCamelCase (swagger-typescript-api: `GetArticle` → `getArticle`):
  // the lowered name stands for the id too, unless it is itself an id or lowers two of them.
  const lowered = new Map<string, string[]>();
  for (const id of unique.keys()) {
    const name = id.charAt(0).toLowerCase() + id.slice(1);
    if (name !== id) lowered.set(name, [...(lowered.get(name) ?? []), id]);
  }
  for (const [name, ids] of lowered) if (ids.length === 1 && !byId.has(name)) unique.set(name, unique.get(ids[0]) as OperationRef);
  return unique;
}

/**
 * The project's link groups. They depend only on its file list and each file's import specifiers
 * (one line per file), so they are kept with those lines, one entry per project: a rescan compares
 * the lines, mostly the very strings it compared last time, instead of hashing them all into a key.
 */
function groupsOf(summaries: readonly FileSummary[], resolutionKey: string, resolveModule: ModuleResolver, cache: UsageCache | undefined): CachedLinkGroup[] {
  const lines = summaries.map(importsLine);
  const key = cache && linkCacheKey('groups', [resolutionKey]);
  const known = key === undefined ? undefined : cache?.get(key);
  if (known?.groups && known.importLines && sameLines(known.importLines, lines)) return known.groups;
  const groups = linkGroups(summaries, resolveModule).map((group) => ({ members: group.members, resolution: digest(group.resolution) }));
  if (key !== undefined) cache?.set(key, { calls: [], problems: [], groups, importLines: lines });
  return groups;
}

function sameLines(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  for (let index = 0; index < a.length; index++) if (a[index] !== b[index]) return false;
  return true;
}

/** A file and the modules it imports, one line of the grouping's key; remembered per summary, since a rescan gets most summaries from the cache. */
const importsLines = new WeakMap<FileSummary, string>();
function importsLine(summary: FileSummary): string {
  let line = importsLines.get(summary);
  if (line === undefined) importsLines.set(summary, (line = `${summary.file}\u0001${importedModules(summary).join('\u0001')}`));
  return line;
}

function readText(workspaceRoot: string, file: string): string | undefined {
  try {
    return fs.readFileSync(path.join(workspaceRoot, file), 'utf8');
  } catch {
    return undefined;
  }
}

function readManifest(workspaceRoot: string, projectRoot: string) {
  const file = findUsageManifest(workspaceRoot, projectRoot);
  if (!file) return undefined;
  try {
    return readUsageManifest(file, fs.readFileSync(path.join(workspaceRoot, file), 'utf8'));
  } catch {
    return undefined;
  }
}
