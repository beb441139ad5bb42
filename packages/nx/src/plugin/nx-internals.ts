/**
 * The only file that reaches into Nx's unstable internals, so an Nx upgrade that moves them breaks
 * one place. Both are loaded from their own modules, and lazily: the `@nx/devkit/internal` barrel
 * would load most of Nx into every task process (~0.5 s) for two functions.
 */
import type * as CacheDirectory from 'nx/src/utils/cache-directory';
import type * as WorkspaceContext from 'nx/src/utils/workspace-context';

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
