import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ConsumerUsage, InputProblem, UnresolvedCall } from '../model';
import { analyzeFile, linkProject, type FileAnalysis } from '../usage/extract-usage';
import { readUsageManifest } from '../usage/manifest';
import { findUsageManifest, listSourceFiles } from './source-files';
import { usageCacheKey, type UsageCache } from './usage-cache';

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

/**
 * Scans a project's TS/JS sources for HTTP calls, following wrappers and clients across the
 * project's modules, plus the calls its declared-usage manifest lists. Each file's summary comes
 * from `cache` when its content is unchanged; linking the summaries is redone on every scan.
 */
export function scanProjectUsage(workspaceRoot: string, projectRoot: string, cache?: UsageCache, options: ScanOptions = {}): ProjectUsage {
  const files = listSourceFiles(workspaceRoot, projectRoot);
  const analyses: FileAnalysis[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = fs.readFileSync(path.join(workspaceRoot, file), 'utf8');
    } catch {
      continue;
    }
    const key = usageCacheKey(file, text);
    const cached = cache?.get(key);
    if (cached) {
      analyses.push({ summary: cached.summary, problems: cached.problems });
      continue;
    }
    const analysis = analyzeFile(file, text);
    cache?.set(key, { calls: [], problems: analysis.problems, ...(analysis.summary ? { summary: analysis.summary } : {}) });
    analyses.push(analysis);
  }
  const manifest = readManifest(workspaceRoot, projectRoot);
  const linked = linkProject(analyses, { projectRoot, rewrites: manifest?.prefixes });
  const problems: InputProblem[] = [...linked.problems, ...(manifest?.problems ?? [])];
  const usage: ProjectUsage = { calls: [...linked.calls, ...(manifest?.calls ?? [])], problems, files: files.length };
  if (options.explain) usage.explain = linked.unresolved;
  return usage;
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
