import { createHash } from 'node:crypto';
import type { ConsumerUsage } from '../model';

/** Where per-file usage results are kept between runs; the key is a content hash. */
export interface UsageCache {
  get(key: string): ConsumerUsage | undefined;
  set(key: string, usage: ConsumerUsage): void;
}

/** Bump when extraction changes what it returns, so old cache entries are never reused. */
const EXTRACTOR_VERSION = '1';

/** The cache key of one file: its path (it is in every location) and its content. */
export function usageCacheKey(file: string, text: string): string {
  return createHash('sha256').update(`${EXTRACTOR_VERSION}\u0000${file}\u0000${text}`).digest('hex');
}

/** An in-memory cache, e.g. for one CLI run. */
export function createMemoryUsageCache(): UsageCache {
  const entries = new Map<string, ConsumerUsage>();
  return { get: (key) => entries.get(key), set: (key, usage) => void entries.set(key, usage) };
}
