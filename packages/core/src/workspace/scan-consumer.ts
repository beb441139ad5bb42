import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CallSite, ConsumerUsage, InputProblem, UnresolvedCall } from '../model';
import { analyzeFile, linkProject, sortCalls, sortProblems, sortUnresolved, type FileAnalysis, type LinkProjectOptions } from '../usage/extract-usage';
import { importedModules, linkGroups } from '../usage/link-groups';
import { readUsageManifest } from '../usage/manifest';
import { createModuleResolver } from '../usage/resolve-module';
import type { FileSummary } from '../usage/summary';
import { findUsageManifest, listSourceFiles } from './source-files';
import { digest, isRacy, linkCacheKey, statKey, usageCacheKey, type CachedLinkGroup, type UsageCache } from './usage-cache';

/** The usage found in a project's sources, with the number of files read. */
export interface ProjectUsage extends ConsumerUsage {
  files: number;
  /** With `explain`: call sites seen but not resolved to a call, and why. */
  explain?: UnresolvedCall[];
}

export interface ScanOptions {
  /** List the call sites that could not be resolved (`contract-graph scan --explain`). */
  explain?: boolean;
}

/** A file's analysis and the content key it is cached under. */
interface LoadedFile extends FileAnalysis {
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
  const files = listSourceFiles(workspaceRoot, projectRoot, cache);
  const now = Date.now();
  const loaded: LoadedFile[] = [];
  for (const file of files) {
    const analysis = loadFile(workspaceRoot, file, cache, now);
    if (analysis) loaded.push(analysis);
  }
  const manifest = readManifest(workspaceRoot, projectRoot);
  const linked = linkFiles(loaded, projectRoot, manifest?.prefixes, cache);
  const problems: InputProblem[] = [...sortProblems(loaded.flatMap((file) => file.problems)), ...(manifest?.problems ?? [])];
  const usage: ProjectUsage = { calls: [...linked.calls, ...(manifest?.calls ?? [])], problems, files: files.length };
  if (options.explain) usage.explain = linked.unresolved;
  return usage;
}

/** One file's analysis: from its stat record, else from its content key, else by analysing it. */
function loadFile(workspaceRoot: string, file: string, cache: UsageCache | undefined, now: number): LoadedFile | undefined {
  const absolute = path.join(workspaceRoot, file);
  let stat: fs.Stats | undefined;
  let text: string;
  try {
    stat = fs.statSync(absolute, { throwIfNoEntry: false });
    if (!stat) return undefined;
    const contentKey = cache?.get(statKey('file', file, stat))?.contentKey;
    const known = contentKey === undefined ? undefined : cache?.get(contentKey);
    if (contentKey !== undefined && known) return { contentKey, summary: known.summary, problems: known.problems };
    text = fs.readFileSync(absolute, 'utf8');
  } catch {
    return undefined;
  }
  const contentKey = usageCacheKey(file, text);
  let analysis: FileAnalysis | undefined = cache?.get(contentKey);
  if (!analysis) {
    analysis = analyzeFile(file, text);
    cache?.set(contentKey, { calls: [], problems: analysis.problems, ...(analysis.summary ? { summary: analysis.summary } : {}) });
  }
  // A file modified in the current timestamp tick could change again unseen by its stat: no record.
  if (cache && !isRacy(stat, now)) cache.set(statKey('file', file, stat), { calls: [], problems: [], contentKey });
  return { contentKey, summary: analysis.summary, problems: analysis.problems };
}

/** Links the files group by group (see `linkGroups`), reusing each group's result while its key is unchanged. */
function linkFiles(
  files: readonly LoadedFile[],
  projectRoot: string,
  rewrites: LinkProjectOptions['rewrites'],
  cache: UsageCache | undefined,
): { calls: CallSite[]; unresolved: UnresolvedCall[] } {
  const linkable = files.filter((file) => file.summary);
  const summaries = linkable.map((file) => file.summary as FileSummary);
  let resolver: ModuleResolver | undefined;
  const resolveModule: ModuleResolver = (from, module) => {
    resolver ??= createModuleResolver(
      summaries.map((summary) => summary.file),
      projectRoot,
    );
    return resolver(from, module);
  };
  const rewritesKey = JSON.stringify(rewrites ?? []);
  const calls: CallSite[] = [];
  const unresolved: UnresolvedCall[] = [];
  for (const group of groupsOf(summaries, projectRoot, resolveModule, cache)) {
    const key = linkCacheKey('group', [rewritesKey, group.resolution, ...group.members.map((index) => linkable[index].contentKey)]);
    let result = cache?.get(key);
    if (!result) {
      const linked = linkProject(
        group.members.map((index) => ({ summary: summaries[index], problems: [] })),
        { resolveModule, rewrites },
      );
      result = { calls: linked.calls, problems: [], unresolved: linked.unresolved };
      cache?.set(key, result);
    }
    calls.push(...result.calls);
    unresolved.push(...(result.unresolved ?? []));
  }
  return { calls: sortCalls(calls), unresolved: sortUnresolved(unresolved) };
}

type ModuleResolver = (from: string, module: string) => string | undefined;

/** The project's link groups; they depend only on its file list and each file's import specifiers, so they are cached by those. */
function groupsOf(summaries: readonly FileSummary[], projectRoot: string, resolveModule: ModuleResolver, cache: UsageCache | undefined): CachedLinkGroup[] {
  const key = cache && linkCacheKey('groups', [projectRoot, ...summaries.map((summary) => `${summary.file}\u0001${importedModules(summary).join('\u0001')}`)]);
  const known = key === undefined ? undefined : cache?.get(key)?.groups;
  if (known) return known;
  const groups = linkGroups(summaries, resolveModule).map((group) => ({ members: group.members, resolution: digest(group.resolution) }));
  if (key !== undefined) cache?.set(key, { calls: [], problems: [], groups });
  return groups;
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
