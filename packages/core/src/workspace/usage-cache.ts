import { createHash } from 'node:crypto';
import type { ConsumerUsage, UnresolvedCall } from '../model';
import type { FileSummary } from '../usage/summary';

/**
 * One entry of the usage cache. Four kinds share the one key space (each key says which it is):
 * - a file's analysis, keyed by its content (`usageCacheKey`): `summary` and `problems`;
 * - a file's stat record (`statKey`): only `contentKey`, the content key of the file as it was
 *   when the record was written, so an unchanged file is not even read;
 * - a directory's stat record (`statKey`): its `listing`, so an unchanged directory is not read;
 * - a linked group of files (`linkCacheKey`): its `calls` and `unresolved` call sites;
 * - a project's link groups (`linkCacheKey` of its files and their imports): `groups`.
 * `calls` and `problems` are empty where they do not apply.
 */
export interface FileUsage extends ConsumerUsage {
  summary?: FileSummary;
  contentKey?: string;
  listing?: DirectoryListing;
  unresolved?: UnresolvedCall[];
  groups?: CachedLinkGroup[];
}

/** How a project's files split into link groups (`members`: indices into its sorted files), with a digest of each group's import resolution. */
export interface CachedLinkGroup {
  members: number[];
  resolution: string;
}

/** What the source-file walk needs of a directory. */
export interface DirectoryListing {
  /** A `project.json` or `package.json` is in it: a nested project's root. */
  isProject: boolean;
  /** Names of the consumer source files in it, sorted. */
  files: string[];
  /** Names of the subdirectories the walk enters, sorted. */
  directories: string[];
}

/** Where per-file usage results are kept between runs. */
export interface UsageCache {
  get(key: string): FileUsage | undefined;
  set(key: string, usage: FileUsage): void;
}

/** Bump when extraction or linking changes what it returns, so old cache entries are never reused. */
const EXTRACTOR_VERSION = '3';

/** The cache key of one file's analysis: its path (it is in every location) and its content. */
export function usageCacheKey(file: string, text: string): string {
  return digest(`${EXTRACTOR_VERSION}\u0000${file}\u0000${text}`);
}

/** What `fileStatKey` needs of `fs.Stats`. */
export interface FileStat {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
  dev: number;
}

/**
 * The cache key of a file's or directory's stat record. Size and mtime alone are not enough: tools
 * that restore files (git checkout of an older commit, tar, rsync -t) may keep or reset mtime, so
 * the change time (set by the kernel on every write, never by tools) and the inode (new when git
 * replaces a file) are part of the key. Records are only written for entries last changed well
 * before the scan (see `isRacy`), so an edit in the same timestamp tick as a scan cannot go unseen.
 * Not hashed: hashing every file's key would cost a rescan more than the lookup saves.
 */
export function statKey(kind: 'file' | 'dir', relative: string, stat: FileStat): string {
  return `${EXTRACTOR_VERSION}:${kind}:${stat.size}:${stat.mtimeMs}:${stat.ctimeMs}:${stat.ino}:${stat.dev}:${relative}`;
}

/**
 * Coarse file-system timestamps (2 s on FAT, 1 s on some network mounts) make a file changed now
 * look unchanged to a stat taken in the same tick; such files are re-read and hashed every time
 * until they are older than this ("racy git" in git's terms).
 */
const RACY_WINDOW_MS = 3000;

export function isRacy(stat: FileStat, now: number): boolean {
  return now - Math.max(stat.mtimeMs, stat.ctimeMs) < RACY_WINDOW_MS;
}

/** The cache key of a linked group of files or of a project's grouping: everything that result depends on. */
export function linkCacheKey(kind: 'group' | 'groups', parts: readonly string[]): string {
  return digest(`${EXTRACTOR_VERSION}\u0000${kind}\u0000${parts.join('\u0000')}`);
}

export function digest(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** An in-memory cache, e.g. for one CLI run. */
export function createMemoryUsageCache(): UsageCache {
  const entries = new Map<string, FileUsage>();
  return { get: (key) => entries.get(key), set: (key, usage) => void entries.set(key, usage) };
}
