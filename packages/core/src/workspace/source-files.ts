import * as fs from 'node:fs';
import * as path from 'node:path';
import { USAGE_MANIFEST_FILES } from '../usage/manifest';

const SOURCE_EXTENSIONS = new Set(['.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs', '.mts', '.cts']);
const SKIPPED_DIRECTORIES = new Set(['node_modules', 'dist', 'build', 'coverage', 'out', 'tmp']);
const PROJECT_FILES = ['project.json', 'package.json'];

/** True for a consumer source file: TS/JS, not a declaration file, not a test. */
export function isConsumerSourceFile(file: string): boolean {
  const extension = path.extname(file);
  if (!SOURCE_EXTENSIONS.has(extension) || /\.d\.[cm]?ts$/.test(file)) return false;
  // Tests stub HTTP; a stub is not a call the product makes.
  return !/\.(spec|test)\.[cm]?[jt]sx?$/.test(file) && !file.split('/').includes('__tests__');
}

/**
 * Lists a project's consumer source files (workspace-relative, sorted). Nested projects, hidden
 * and build folders are skipped; symbolic links are never followed, so link loops cannot hang it.
 */
export function listSourceFiles(workspaceRoot: string, projectRoot: string): string[] {
  const files: string[] = [];
  const walk = (relativeDir: string, isProjectRoot: boolean) => {
    const absolute = path.join(workspaceRoot, relativeDir);
    let entries: fs.Dirent[];
    try {
      entries = fs.readdirSync(absolute, { withFileTypes: true });
    } catch {
      return;
    }
    if (!isProjectRoot && entries.some((entry) => entry.isFile() && PROJECT_FILES.includes(entry.name))) return;
    for (const entry of entries) {
      const relative = relativeDir === '' || relativeDir === '.' ? entry.name : `${relativeDir}/${entry.name}`;
      if (entry.isDirectory()) {
        if (!entry.name.startsWith('.') && !SKIPPED_DIRECTORIES.has(entry.name)) walk(relative, false);
      } else if (entry.isFile() && isConsumerSourceFile(relative)) {
        files.push(relative);
      }
    }
  };
  walk(projectRoot === '.' ? '' : projectRoot, true);
  return files.sort();
}

/** The project's declared-usage manifest (`contract-graph.usage.json` / `.yaml` / `.yml`), workspace-relative, if it has one. */
export function findUsageManifest(workspaceRoot: string, projectRoot: string): string | undefined {
  for (const name of USAGE_MANIFEST_FILES) {
    const file = projectRoot === '.' || projectRoot === '' ? name : `${projectRoot}/${name}`;
    if (fs.existsSync(path.join(workspaceRoot, file))) return file;
  }
  return undefined;
}
