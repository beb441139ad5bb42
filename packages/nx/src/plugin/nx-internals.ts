/**
 * The only file that reaches into Nx's unstable internals, so an Nx upgrade that moves them breaks
 * one place. Each is loaded from its own module, and lazily: the `@nx/devkit/internal` barrel
 * would load most of Nx into every task process (~0.5 s) for two functions, and the `@nx/devkit`
 * barrel costs the sync generator ~0.15 s before every task run.
 */
import type * as CacheDirectory from 'nx/src/utils/cache-directory';
import type * as WorkspaceContext from 'nx/src/utils/workspace-context';
import type * as GeneratorGlob from 'nx/src/generators/utils/glob';
import type * as NxJsonInTree from 'nx/src/generators/utils/nx-json';
import type { NxJsonConfiguration, Tree } from '@nx/devkit';

/** Nx's workspace-data directory of a workspace root (where plugins keep their caches). */
export function dataDirectoryOf(workspaceRoot: string): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('nx/src/utils/cache-directory') as typeof CacheDirectory).workspaceDataDirectoryForWorkspace(workspaceRoot);
}

/** A hash of every workspace file matching `globs`, from the file hashes Nx already computed. */
export function hashWorkspaceFiles(workspaceRoot: string, globs: string[]): Promise<string> {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('nx/src/utils/workspace-context') as typeof WorkspaceContext).hashWithWorkspaceContext(workspaceRoot, globs);
}

/** Workspace files matching `patterns` as a generator's tree sees them (Nx's tree-aware glob, without the `@nx/devkit` barrel). */
export function globInTree(tree: Tree, patterns: string[]): string[] {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('nx/src/generators/utils/glob') as typeof GeneratorGlob).glob(tree, patterns);
}

/** nx.json as a generator's tree sees it (with `extends` applied). */
export function readNxJsonInTree(tree: Tree): NxJsonConfiguration | null {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('nx/src/generators/utils/nx-json') as typeof NxJsonInTree).readNxJson(tree);
}
