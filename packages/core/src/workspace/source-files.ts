// A plain require: a namespace import compiles to a getter per access, and a rescan makes thousands of stat calls.
import fs = require('node:fs');
import * as path from 'node:path';
import { SOURCE_EXTENSIONS, USAGE_MANIFEST_FILES } from './consumer-files';
import { IGNORE_FILES, IgnoreRules } from './ignore-rules';
import { fingerprintOf, folderKey, isRacy, matchesFingerprint, type DirectoryListing, type FileRecord, type FileStat, type FolderRecord, type UsageCache } from './usage-cache';

const SOURCE_EXTENSION_SET = new Set(SOURCE_EXTENSIONS);
const SKIPPED_DIRECTORIES = new Set(['node_modules', 'dist', 'build', 'coverage', 'out', 'tmp']);
/** Files that make a folder a project's root. */
export const PROJECT_FILES = ['project.json', 'package.json'];

/** True for a consumer source file: TS/JS, not a declaration file, not a test. */
export function isConsumerSourceFile(file: string): boolean {
  const extension = path.extname(file);
  if (!SOURCE_EXTENSION_SET.has(extension) || /\.d\.[cm]?ts$/.test(file)) return false;
  // Tests stub HTTP; a stub is not a call the product makes.
  return !/\.(spec|test)\.[cm]?[jt]sx?$/.test(file) && !file.split('/').includes('__tests__');
}

/**
 * Lists a project's consumer source files (workspace-relative, sorted). Nested projects, hidden
 * and build folders are skipped; symbolic links are never followed, so link loops cannot hang it.
 * With a cache, a directory whose stat record is unchanged is not read again (see `FolderRecord`).
 */
export function listSourceFiles(workspaceRoot: string, projectRoot: string, cache?: UsageCache): string[] {
  const walk = walkSourceFiles(workspaceRoot, projectRoot, cache);
  if (cache) saveFolderRecords(walk.folders, cache);
  return walk.files.map((listed) => listed.file);
}

/** A source file found by the walk, with the record of the folder it is in (see `recordFile`). */
export interface ListedFile {
  /** Workspace-relative path. */
  file: string;
  /** Its name in its folder. */
  name: string;
  folder: ListedFolder;
}

/** A folder the walk read or found unchanged, with its record as it will be saved. */
export interface ListedFolder {
  key: string;
  record: FolderRecord;
  /** The record differs from the cached one (or there is none): `saveFolderRecords` writes it. */
  changed: boolean;
}

/**
 * `listSourceFiles` keeping each file's folder record, so a scan can skip unchanged files and update
 * the records. Files and folders that `.gitignore` / `.nxignore` hide are not read (Nx does not hash
 * them: see `IgnoreRules`); they are listed in `ignored` (folders with a trailing `/`), so a report
 * can say what was left out.
 */
export function walkSourceFiles(workspaceRoot: string, projectRoot: string, cache?: UsageCache): { files: ListedFile[]; folders: ListedFolder[]; ignored: string[] } {
  const files: ListedFile[] = [];
  const folders: ListedFolder[] = [];
  const ignored: string[] = [];
  const now = Date.now();
  const base = folderPrefix(workspaceRoot);
  const walk = (relativeDir: string, key: string, isProjectRoot: boolean, inherited: IgnoreRules) => {
    const folder = listFolder(base, relativeDir, key, cache, now);
    if (!folder) return;
    // Recorded even when it is a nested project's root: the next scan then skips it without reading it.
    folders.push(folder);
    if (!isProjectRoot && folder.record.listing.isProject) return;
    const { listing } = folder.record;
    const paths = pathsOf(listing, relativeDir);
    const rules = listing.ignoreFiles ? inherited.with(base, relativeDir, listing.ignoreFiles) : inherited;
    const enter = (index: number) => {
      const directory = paths.directories[index];
      if (rules.ignores(directory, true)) ignored.push(`${directory}/`);
      else walk(directory, paths.keys[index], false, rules);
    };
    // Files and subtrees interleaved in path order (`a.ts` < `a/x.ts` < `a0.ts`), so the list comes out
    // sorted: a folder `d` comes before a file `f` exactly when `d/` < `f`, and then all of `d/…` does.
    let next = 0;
    for (let index = 0; index < listing.files.length; index++) {
      const name = listing.files[index];
      while (next < listing.directories.length && paths.subtreeOrder[next] < name) enter(next++);
      const file = paths.files[index];
      if (rules.ignores(file, false)) ignored.push(file);
      else files.push({ file, name, folder });
    }
    while (next < listing.directories.length) enter(next++);
  };
  // `./`, `a/./b`, `a/` (a tsconfig path, a command-line argument) name the same folder as `.`, `a/b`, `a`.
  const normal = path.posix.normalize(projectRoot).replace(/\/+$/, '');
  const root = normal === '.' ? '' : normal;
  walk(root, folderKey(root), true, IgnoreRules.above(base, root));
  return { files, folders, ignored: ignored.sort() };
}

/** The workspace paths a folder's listing names, with its subfolders' cache keys. */
interface FolderPaths {
  files: string[];
  directories: string[];
  keys: string[];
  /** `name/` of each subfolder: where its files fall among the folder's own (see the walk). */
  subtreeOrder: string[];
}

/**
 * Kept per listing, which an unchanged folder's record keeps from one scan to the next: a rescan
 * then builds no path strings, and the ones it passes on keep their computed hashes for the Maps
 * and Sets they are looked up in (with ~2,000 files, building and hashing them again was a tenth
 * of a rescan).
 */
const pathsOfListing = new WeakMap<DirectoryListing, FolderPaths>();

function pathsOf(listing: DirectoryListing, relativeDir: string): FolderPaths {
  let paths = pathsOfListing.get(listing);
  if (!paths) {
    const prefix = relativeDir === '' ? '' : `${relativeDir}/`;
    const directories = listing.directories.map((name) => prefix + name);
    paths = { files: listing.files.map((name) => prefix + name), directories, keys: directories.map(folderKey), subtreeOrder: listing.directories.map((name) => `${name}/`) };
    pathsOfListing.set(listing, paths);
  }
  return paths;
}

/** The content key a file had when its stat record was written, if the record still matches the file (and its templates, see `FileRecord`). */
export function recordedContentKey(base: string, listed: ListedFile, stat: FileStat): string | undefined {
  const record = listed.folder.record.files[listed.name];
  if (!record || !matchesFingerprint(record.stat, stat)) return undefined;
  for (const [template, fingerprint] of record.templates ?? []) {
    if (!matchesFingerprint(fingerprint, statOrUndefined(base + template) ?? NO_STAT)) return undefined;
  }
  return record.contentKey;
}

const NO_STAT: FileStat = { size: -1, mtimeMs: -1, ctimeMs: -1, ino: -1, dev: -1 };

function statOrUndefined(absolute: string): fs.Stats | undefined {
  try {
    return statOf(absolute);
  } catch {
    return undefined;
  }
}

/**
 * `fs.statSync` without throwing for a missing entry, keeping the last result alive. V8 collects
 * the hidden class of objects none of which survive a full garbage collection and deoptimizes the
 * code compiled for it; all of a scan's `Stats` die before the next scan, so after every major
 * collection a rescan ran its stat-handling code (the walk, the record checks, Node's own `Stats`
 * constructor) unoptimized, at about half speed. One survivor keeps the class and the code.
 */
export function statOf(absolute: string): fs.Stats | undefined {
  const stat = fs.statSync(absolute, { throwIfNoEntry: false });
  if (stat) survivors.stat = stat;
  return stat;
}

const survivors: { stat?: fs.Stats } = {};

/** Notes a file's content key under its current stat and its templates' (not for a file changed within the racy window: see `isRacy`). */
export function recordFile(listed: ListedFile, stat: FileStat, contentKey: string, templates: ReadonlyArray<[file: string, stat: FileStat]> = []): void {
  const folder = listed.folder;
  // Copied on first change: the cached record is never modified in place.
  if (!folder.changed) folder.record = { ...folder.record, files: { ...folder.record.files } };
  const record: FileRecord = { stat: fingerprintOf(stat), contentKey };
  if (templates.length > 0) record.templates = templates.map(([template, templateStat]) => [template, fingerprintOf(templateStat)]);
  folder.record.files[listed.name] = record;
  folder.changed = true;
}

/** Writes the folder records that changed and hold something a later scan can trust. */
export function saveFolderRecords(folders: readonly ListedFolder[], cache: UsageCache): void {
  for (const folder of folders) {
    if (!folder.changed) continue;
    folder.changed = false;
    const { record } = folder;
    if (record.listedAt || Object.keys(record.files).length > 0) cache.set(folder.key, { calls: [], problems: [], folder: record });
  }
}

/** `workspaceRoot` ready to prepend to a relative path: `path.join` per entry is a measurable part of a rescan, and the walk's paths are already normal. */
export function folderPrefix(workspaceRoot: string): string {
  const root = path.join(workspaceRoot, '.');
  return root.endsWith(path.sep) ? root : root + path.sep;
}

function listFolder(base: string, relativeDir: string, key: string, cache: UsageCache | undefined, now: number): ListedFolder | undefined {
  if (!cache) {
    const listing = readListing(base + relativeDir);
    return listing && { key, record: { listing, files: {} }, changed: false };
  }
  let stat: fs.Stats | undefined;
  try {
    stat = statOf(base + relativeDir);
  } catch {
    return undefined;
  }
  if (!stat?.isDirectory()) return undefined;
  const known = cache.get(key)?.folder;
  if (known && matchesFingerprint(known.listedAt, stat)) return { key, record: known, changed: false };
  const listing = readListing(base + relativeDir);
  if (!listing) return undefined;
  // An entry added in the current timestamp tick could leave the directory's stat unchanged: the listing is not trusted later.
  const record: FolderRecord = { listing, files: keptFileRecords(known, listing) };
  if (!isRacy(stat, now)) record.listedAt = fingerprintOf(stat);
  return { key, record, changed: true };
}

/** The file records of a folder's previous record for the files it still lists: a file's record depends on its own stat only. */
function keptFileRecords(previous: FolderRecord | undefined, listing: DirectoryListing): Record<string, FileRecord> {
  const kept: Record<string, FileRecord> = {};
  if (!previous) return kept;
  for (const name of listing.files) if (Object.prototype.hasOwnProperty.call(previous.files, name)) kept[name] = previous.files[name];
  return kept;
}

function readListing(absolute: string): DirectoryListing | undefined {
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(absolute, { withFileTypes: true });
  } catch {
    return undefined;
  }
  const listing: DirectoryListing = { isProject: false, files: [], directories: [] };
  for (const entry of entries) {
    if (entry.isDirectory()) {
      // Files under `__tests__/` are tests (see `isConsumerSourceFile`): the folder is not entered.
      if (!entry.name.startsWith('.') && !SKIPPED_DIRECTORIES.has(entry.name) && entry.name !== '__tests__') listing.directories.push(entry.name);
    } else if (entry.isFile()) {
      if (PROJECT_FILES.includes(entry.name)) listing.isProject = true;
      else if (IGNORE_FILES.includes(entry.name)) (listing.ignoreFiles ??= []).push(entry.name);
      else if (isConsumerSourceFile(entry.name)) listing.files.push(entry.name);
    }
  }
  listing.files.sort();
  listing.ignoreFiles?.sort();
  // In the order of the paths below them: `a-b/` before `a/`, as `-` sorts before `/`.
  listing.directories.sort((a, b) => (`${a}/` < `${b}/` ? -1 : 1));
  return listing;
}

/** The project's declared-usage manifest (`contract-graph.usage.json` / `.yaml` / `.yml`), workspace-relative, if it has one. */
export function findUsageManifest(workspaceRoot: string, projectRoot: string): string | undefined {
  for (const name of USAGE_MANIFEST_FILES) {
    const file = projectRoot === '.' || projectRoot === '' ? name : `${projectRoot}/${name}`;
    if (fs.existsSync(path.join(workspaceRoot, file))) return file;
  }
  return undefined;
}
