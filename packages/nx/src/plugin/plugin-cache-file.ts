import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CachedSpecSummary, ConsumerUsage, SpecSummaryCache, UsageCache } from '@contract-graph/core';
import { dataDirectoryOf } from './nx-internals';

/**
 * The plugin's cache, persisted in Nx's workspace-data directory: per-file usage (keyed by content
 * hash) and per-spec summaries (checked against the hashes of the spec's documents). Graph
 * construction and `nx sync` then re-analyse only what changed. Entries not used in a run are
 * dropped when it is saved, so the file never grows beyond the workspace.
 */
export interface PluginCache {
  usage: UsageCache;
  specs: SpecSummaryCache;
  /**
   * Writes the cache. Graph construction sees the whole workspace and prunes what it did not use;
   * a task sees one project and keeps the other entries (`prune: false`).
   */
  save(options?: { prune?: boolean }): void;
}

interface CacheFile {
  version: number;
  usage: Record<string, ConsumerUsage>;
  specs: Record<string, CachedSpecSummary>;
}

const CACHE_FILE = 'contract-graph-cache.json';
/** Bump when the shape of cached data changes. */
const CACHE_VERSION = 1;

/**
 * Opens the cache of a workspace; a missing or corrupt file gives an empty cache. A workspace root
 * that does not exist on disk (a generator's virtual tree in tests) gets a cache kept in memory
 * only, so nothing is ever written outside the workspace.
 */
export function openPluginCache(workspaceRoot: string): PluginCache {
  const persistent = fs.existsSync(workspaceRoot);
  const file = path.join(dataDirectoryOf(workspaceRoot), CACHE_FILE);
  const previous = persistent ? readCacheFile(file) : { version: CACHE_VERSION, usage: {}, specs: {} };
  const used: CacheFile = { version: CACHE_VERSION, usage: {}, specs: {} };
  let changed = false;
  const section = <K extends 'usage' | 'specs'>(name: K) => ({
    get(key: string): CacheFile[K][string] | undefined {
      const hit = Object.prototype.hasOwnProperty.call(previous[name], key) ? previous[name][key] : undefined;
      if (hit) used[name][key] = hit;
      return hit as CacheFile[K][string] | undefined;
    },
    set(key: string, value: CacheFile[K][string]): void {
      used[name][key] = value;
      changed = true;
    },
  });
  return {
    usage: section('usage'),
    specs: section('specs'),
    save({ prune = true } = {}) {
      const sameEntries = (name: 'usage' | 'specs') => Object.keys(used[name]).length === Object.keys(previous[name]).length;
      if (!persistent || (!changed && (!prune || (sameEntries('usage') && sameEntries('specs'))))) return;
      const content: CacheFile = prune
        ? used
        : { version: CACHE_VERSION, usage: { ...previous.usage, ...used.usage }, specs: { ...previous.specs, ...used.specs } };
      writeAtomically(file, JSON.stringify(content));
    },
  };
}

/** Tasks run in parallel processes: a reader must never see a half-written file. */
export function writeAtomically(file: string, text: string): void {
  const temporary = `${file}.${process.pid}.tmp`;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(temporary, text);
    fs.renameSync(temporary, file);
  } catch {
    // The cache is an optimisation; failing to write it must not fail the command.
    fs.rmSync(temporary, { force: true });
  }
}

function readCacheFile(file: string): CacheFile {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as CacheFile;
    if (parsed.version === CACHE_VERSION && parsed.usage && parsed.specs) return parsed;
  } catch {
    // No cache yet, or a corrupt one.
  }
  return { version: CACHE_VERSION, usage: {}, specs: {} };
}
