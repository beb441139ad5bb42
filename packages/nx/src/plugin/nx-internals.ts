/**
 * The only file that imports Nx's unstable internals (`@nx/devkit/internal`), so an Nx upgrade that
 * moves them breaks one place.
 */
import { hashWithWorkspaceContext, workspaceDataDirectory } from '@nx/devkit/internal';
import { workspaceDataDirectoryForWorkspace } from 'nx/src/utils/cache-directory';

/** Nx's workspace-data directory of a workspace root (where plugins keep their caches). */
export function dataDirectoryOf(workspaceRoot: string): string {
  return workspaceDataDirectoryForWorkspace(workspaceRoot) ?? workspaceDataDirectory;
}

/** A hash of every workspace file matching `globs`, from the file hashes Nx already computed. */
export function hashWorkspaceFiles(workspaceRoot: string, globs: string[]): Promise<string> {
  return hashWithWorkspaceContext(workspaceRoot, globs);
}
