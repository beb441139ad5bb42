/**
 * Which files a consumer's usage scan reads, in one place: the scanner lists and reads by these, and
 * a build tool hashes them (the Nx plugin's task inputs), so the two cannot drift apart. No imports:
 * graph construction loads this without the engine.
 */

/** Extensions of consumer source files (of `.vue` and `.svelte` components, their `<script>` blocks are read). */
export const SOURCE_EXTENSIONS = ['.ts', '.tsx', '.js', '.jsx', '.mjs', '.cjs', '.mts', '.cts', '.vue', '.svelte'];

/** Every consumer source file below a folder. */
export const SOURCE_GLOB = `**/*.{${SOURCE_EXTENSIONS.map((extension) => extension.slice(1)).join(',')}}`;

/** Angular component templates (`templateUrl`): read with the component that names them, so hashed with the sources. */
export const TEMPLATE_GLOB = '**/*.html';

/** File names of the declared-usage manifest, looked up in the consumer project's root, in this order. */
export const USAGE_MANIFEST_FILES = ['contract-graph.usage.json', 'contract-graph.usage.yaml', 'contract-graph.usage.yml'];

/** The workspace-level configs whose `paths` map library imports when the project's own tsconfig has none. */
export const WORKSPACE_TSCONFIG_FILES = ['tsconfig.base.json', 'tsconfig.json'];

/** Globs of what a consumer's scan reads: relative to its project root, and relative to the workspace root. */
export function consumerScanGlobs(libraries: readonly string[] = []): { project: string[]; workspace: string[] } {
  const manifest = `contract-graph.usage.{${USAGE_MANIFEST_FILES.map((file) => file.split('.').pop()).join(',')}}`;
  return {
    // The project's tsconfig (and what it extends beside it) maps its library imports.
    project: [SOURCE_GLOB, TEMPLATE_GLOB, manifest, 'tsconfig*.json'],
    workspace: [...WORKSPACE_TSCONFIG_FILES, ...libraries.flatMap((root) => [`${root}/${SOURCE_GLOB}`, `${root}/${TEMPLATE_GLOB}`])],
  };
}
