import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ConsumerUsage, UsageCache } from '@contract-graph/core';
import { workspaceDataDirectoryForWorkspace } from 'nx/src/utils/cache-directory';

/**
 * A usage cache persisted in Nx's workspace-data directory, so graph construction re-analyses only
 * the files whose content changed. Entries not used in a run are dropped when it is saved.
 */
export interface PersistentUsageCache extends UsageCache {
  save(): void;
}

const CACHE_FILE = 'contract-graph-usage.json';

export function openUsageCache(workspaceRoot: string): PersistentUsageCache {
  const file = path.join(workspaceDataDirectoryForWorkspace(workspaceRoot), CACHE_FILE);
  let previous: Record<string, ConsumerUsage> = {};
  try {
    previous = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    // No cache yet, or a corrupt one: start empty.
  }
  const used = new Map<string, ConsumerUsage>();
  let changed = false;
  return {
    get(key) {
      const hit = Object.prototype.hasOwnProperty.call(previous, key) ? previous[key] : undefined;
      if (hit) used.set(key, hit);
      return hit;
    },
    set(key, usage) {
      used.set(key, usage);
      changed = true;
    },
    save() {
      if (!changed && used.size === Object.keys(previous).length) return;
      try {
        fs.mkdirSync(path.dirname(file), { recursive: true });
        fs.writeFileSync(file, JSON.stringify(Object.fromEntries([...used.entries()].sort(([a], [b]) => a.localeCompare(b)))));
      } catch {
        // The cache is an optimisation; failing to write it must not fail graph construction.
      }
    },
  };
}
