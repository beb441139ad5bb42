import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CachedSpecSummary, FileUsage, SpecSummaryCache, UsageCache } from '@contract-graph/core';
import { engineVersion } from './engine';
import { dataDirectoryOf } from './nx-internals';

/**
 * The plugin's cache, persisted in Nx's workspace-data directory: per-file usage (keyed by content
 * hash) and per-spec summaries (checked against the hashes of the spec's documents). Graph
 * construction and `nx sync` then re-analyse only what changed. Entries not used in a run are
 * dropped when it is saved, so the files never grow beyond the workspace. The two parts are
 * separate files, each read on first use: the sync generator, which Nx runs before every task run
 * of a spec's check, reads the spec summaries only.
 */
export interface PluginCache {
  usage: UsageCache;
  specs: SpecSummaryCache;
  /**
   * Writes what changed. Graph construction sees the whole workspace and prunes what it did not
   * use; a task sees one project and keeps the other entries (`prune: false`). A part never read
   * nor written in this run is left as it is.
   */
  save(options?: { prune?: boolean }): void;
}

interface CacheFile<T> {
  version: string;
  entries: Record<string, T>;
}

const USAGE_FILE = 'contract-graph-usage.json';
const SPECS_FILE = 'contract-graph-specs.json';
/**
 * Bump the number when the shape of cached data changes. The engine's version is part of it: a spec
 * summary holds the fingerprint file text the engine renders, and graph construction compares it
 * with the committed file to decide whether the spec's check needs the sync generator, so an
 * engine upgrade that renders fingerprints differently must not be answered from the old text.
 */
const CACHE_VERSION = `7/${engineVersion()}`;

/**
 * Opens the cache of a workspace; a missing or corrupt file gives an empty cache. A workspace root
 * that does not exist on disk (a generator's virtual tree in tests) gets a cache kept in memory
 * only, so nothing is ever written outside the workspace.
 */
export function openPluginCache(workspaceRoot: string): PluginCache {
  const directory = fs.existsSync(workspaceRoot) ? dataDirectoryOf(workspaceRoot) : undefined;
  const usage = openCachePart<FileUsage>(directory && path.join(directory, USAGE_FILE));
  const specs = openCachePart<CachedSpecSummary>(directory && path.join(directory, SPECS_FILE));
  return {
    usage,
    specs,
    save(options) {
      usage.save(options);
      specs.save(options);
    },
  };
}

function openCachePart<T>(file: string | undefined) {
  let previous: Record<string, T> | undefined;
  const stored = () => (previous ??= file ? readCacheFile<T>(file) : {});
  const used: Record<string, T> = {};
  let changed = false;
  return {
    get(key: string): T | undefined {
      const hit = Object.prototype.hasOwnProperty.call(stored(), key) ? stored()[key] : undefined;
      if (hit) used[key] = hit;
      return hit;
    },
    set(key: string, value: T): void {
      used[key] = value;
      changed = true;
    },
    save({ prune = true }: { prune?: boolean } = {}): void {
      if (!file || (previous === undefined && !changed)) return;
      const unused = Object.keys(stored()).length !== Object.keys(used).length;
      if (!changed && !(prune && unused)) return;
      const entries = prune ? used : { ...stored(), ...used };
      writeAtomically(file, JSON.stringify({ version: CACHE_VERSION, entries } satisfies CacheFile<T>));
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

function readCacheFile<T>(file: string): Record<string, T> {
  try {
    const parsed = JSON.parse(fs.readFileSync(file, 'utf8')) as CacheFile<T>;
    if (parsed.version === CACHE_VERSION && parsed.entries && typeof parsed.entries === 'object') return parsed.entries;
  } catch {
    // No cache yet, or a corrupt one.
  }
  return {};
}
