import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ConsumerUsage } from '../model';
import { extractUsageFromSource } from '../usage/extract-usage';
import { listSourceFiles } from './source-files';
import { usageCacheKey, type UsageCache } from './usage-cache';

/** The usage found in a project's sources, with the number of files read. */
export interface ProjectUsage extends ConsumerUsage {
  files: number;
}

/** Scans a project's TS/JS sources for HTTP calls; unchanged files come from `cache`. */
export function scanProjectUsage(workspaceRoot: string, projectRoot: string, cache?: UsageCache): ProjectUsage {
  const files = listSourceFiles(workspaceRoot, projectRoot);
  const perFile: ConsumerUsage[] = [];
  for (const file of files) {
    let text: string;
    try {
      text = fs.readFileSync(path.join(workspaceRoot, file), 'utf8');
    } catch {
      continue;
    }
    if (!mayCallHttp(text)) continue;
    const key = usageCacheKey(file, text);
    const cached = cache?.get(key);
    const usage = cached ?? extractUsageFromSource(file, text);
    if (!cached) cache?.set(key, usage);
    perFile.push(usage);
  }
  // Files are sorted and each file's result is sorted, so the concatenation is sorted too.
  const merged: ConsumerUsage = { calls: [], problems: [] };
  for (const usage of perFile) {
    merged.calls.push(...usage.calls);
    merged.problems.push(...usage.problems);
  }
  return { ...merged, files: files.length };
}

/** A cheap pre-filter: a file that never names a client cannot call one. */
function mayCallHttp(text: string): boolean {
  return /fetch|axios|\.(get|post|put|patch|delete|request)\s*[<(]/.test(text);
}
