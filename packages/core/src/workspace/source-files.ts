import * as fs from 'node:fs';
import * as path from 'node:path';
import { SOURCE_EXTENSIONS, USAGE_MANIFEST_FILES } from './consumer-files';
import { isRacy, statKey, type DirectoryListing, type UsageCache } from './usage-cache';

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
 * With a cache, a directory whose stat record is unchanged is not read again (see `statKey`).
 */
export function listSourceFiles(workspaceRoot: string, projectRoot: string, cache?: UsageCache): string[] {
  const files: string[] = [];
  const now = Date.now();
  const walk = (relativeDir: string, isProjectRoot: boolean) => {
    const listing = cache ? cachedListing(workspaceRoot, relativeDir, cache, now) : readListing(path.join(workspaceRoot, relativeDir));
    if (!listing || (!isProjectRoot && listing.isProject)) return;
    const prefix = relativeDir === '' ? '' : `${relativeDir}/`;
    for (const name of listing.files) files.push(prefix + name);
    for (const name of listing.directories) walk(prefix + name, false);
  };
  walk(projectRoot === '.' ? '' : projectRoot.replace(/\/+$/, ''), true);
  return files.sort();
}

function cachedListing(workspaceRoot: string, relativeDir: string, cache: UsageCache, now: number): DirectoryListing | undefined {
  const absolute = path.join(workspaceRoot, relativeDir);
  let stat: fs.Stats | undefined;
  try {
    stat = fs.statSync(absolute, { throwIfNoEntry: false });
  } catch {
    return undefined;
  }
  if (!stat?.isDirectory()) return undefined;
  const key = statKey('dir', relativeDir, stat);
  const known = cache.get(key)?.listing;
  if (known) return known;
  const listing = readListing(absolute);
  // An entry added in the current timestamp tick could leave the directory's stat unchanged: no record.
  if (listing && !isRacy(stat, now)) cache.set(key, { calls: [], problems: [], listing });
  return listing;
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
      else if (isConsumerSourceFile(entry.name)) listing.files.push(entry.name);
    }
  }
  listing.files.sort();
  listing.directories.sort();
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
