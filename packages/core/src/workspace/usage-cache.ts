import { createHash } from 'node:crypto';
import type { ConsumerUsage } from '../model';
import type { FileSummary } from '../usage/summary';

/**
 * One file's cached analysis. `calls` stays empty: calls depend on the files a file imports, so
 * they are made by linking the summaries of the whole project on every scan (which is cheap).
 */
export interface FileUsage extends ConsumerUsage {
  summary?: FileSummary;
}

/** Where per-file usage results are kept between runs; the key is a content hash. */
export interface UsageCache {
  get(key: string): FileUsage | undefined;
  set(key: string, usage: FileUsage): void;
}

/** Bump when extraction changes what it returns, so old cache entries are never reused. */
const EXTRACTOR_VERSION = '2';

/** The cache key of one file: its path (it is in every location) and its content. */
export function usageCacheKey(file: string, text: string): string {
  return createHash('sha256').update(`${EXTRACTOR_VERSION}\u0000${file}\u0000${text}`).digest('hex');
}

/** An in-memory cache, e.g. for one CLI run. */
export function createMemoryUsageCache(): UsageCache {
  const entries = new Map<string, FileUsage>();
  return { get: (key) => entries.get(key), set: (key, usage) => void entries.set(key, usage) };
}
