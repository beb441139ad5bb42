import { hash } from 'node:crypto';
import type { ConsumerUsage, UnresolvedCall } from '../model';
import type { FileSummary } from '../usage/summary';

/**
 * One entry of the usage cache. Four kinds share the one key space (each key says which it is):
 * - a file's analysis, keyed by its content (`usageCacheKey`): `summary` and `problems`;
 * - a folder's record (`folderKey`): its listing and the stat records of its files (`FolderRecord`),
 *   so an unchanged folder is not read again and an unchanged file is not even read;
 * - a linked group of files (`linkCacheKey`): its `calls` and `unresolved` call sites;
 * - a project's link groups (`linkCacheKey` of its root and path mappings): `groups`, and in
 *   `importLines` the files and imports they were computed from (see `groupsOf` in scan-consumer).
 * `calls` and `problems` are empty where they do not apply.
 */
export interface FileUsage extends ConsumerUsage {
  summary?: FileSummary;
  folder?: FolderRecord;
  unresolved?: UnresolvedCall[];
  groups?: CachedLinkGroup[];
  importLines?: string[];
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
  /** Names of the subdirectories the walk enters, in the order of the paths below them (by `name/`). */
  directories: string[];
  /** Which of `.gitignore` / `.nxignore` it holds (their patterns apply below it; they are read on every walk). */
  ignoreFiles?: string[];
}

/** Where per-file usage results are kept between runs. */
export interface UsageCache {
  get(key: string): FileUsage | undefined;
  set(key: string, usage: FileUsage): void;
}

/** Bump when extraction or linking changes what it returns, so old cache entries are never reused. */
const EXTRACTOR_VERSION = '12';

/** The cache key of one file's analysis: its path (it is in every location) and its content. */
export function usageCacheKey(file: string, text: string): string {
  return digest(`${EXTRACTOR_VERSION}\u0000${file}\u0000${text}`);
}

/** What a stat record needs of `fs.Stats`. */
export interface FileStat {
  size: number;
  mtimeMs: number;
  ctimeMs: number;
  ino: number;
  dev: number;
}

/**
 * What a stat record compares: size, mtime, ctime, inode, device. Size and mtime alone are not
 * enough: tools that restore files (git checkout of an older commit, tar, rsync -t) may keep or
 * reset mtime, so the change time (set by the kernel on every write, never by tools) and the inode
 * (new when git replaces a file) are part of it. Numbers, not a key string: a rescan compares one
 * per file and folder, and formatting them costs more than the comparison.
 */
export type StatFingerprint = [size: number, mtimeMs: number, ctimeMs: number, ino: number, dev: number];

export function fingerprintOf(stat: FileStat): StatFingerprint {
  return [stat.size, stat.mtimeMs, stat.ctimeMs, stat.ino, stat.dev];
}

export function matchesFingerprint(fingerprint: readonly number[] | undefined, stat: FileStat): boolean {
  return (
    fingerprint !== undefined &&
    fingerprint[0] === stat.size &&
    fingerprint[1] === stat.mtimeMs &&
    fingerprint[2] === stat.ctimeMs &&
    fingerprint[3] === stat.ino &&
    fingerprint[4] === stat.dev
  );
}

/**
 * What the last scan saw of a folder. One record per folder, holding its files' records too, so a
 * rescan looks up one entry per folder and none per file. Records are only trusted for entries
 * last changed well before the scan that wrote them (see `isRacy`), so an edit in the same
 * timestamp tick as a scan cannot go unseen.
 */
export interface FolderRecord {
  /** The folder's fingerprint when `listing` was read; absent when it was racy then, so the listing is read again. */
  listedAt?: StatFingerprint;
  listing: DirectoryListing;
  /** By file name: the file's fingerprint and content key (`usageCacheKey`) when it was last read; racy files have none. */
  files: Record<string, FileRecord>;
}

export interface FileRecord {
  stat: StatFingerprint;
  contentKey: string;
  /** An Angular component's `templateUrl` files (workspace-relative) and their fingerprints: part of its content key, so of its record. */
  templates?: Array<[file: string, stat: StatFingerprint]>;
}

/** The cache key of a folder's record (workspace-relative path, '' for the workspace root). */
export function folderKey(relativeDir: string): string {
  return `${EXTRACTOR_VERSION}:folder:${relativeDir}`;
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
  // The one-shot form: a scan hashes every file and every link group, and a `Hash` object per key costs more than hashing a small file.
  return hash('sha256', text, 'hex');
}

/** An in-memory cache, e.g. for one CLI run. */
export function createMemoryUsageCache(): UsageCache {
  const entries = new Map<string, FileUsage>();
  return { get: (key) => entries.get(key), set: (key, usage) => void entries.set(key, usage) };
}
