import { minimatch } from 'minimatch';

/** Plugin options, set in nx.json `plugins[]` next to `"plugin": "@contract-graph/nx"`. */
export interface ContractGraphPluginOptions {
  /** Name of the inferred target. Default `contract-check`. */
  targetName?: string;
  /** Globs (workspace-relative) of the OpenAPI / Swagger files that become contract nodes. */
  specs?: string[];
  /** Globs excluded from `specs`. */
  exclude?: string[];
  /**
   * Whether consumers get a graph edge to the specs they call (default true). The edge shows in
   * `nx graph` and makes targets with `^` inputs (lint, test) of consumers see spec edits; turn it
   * off to keep spec edits out of those targets. `contract-check` selection does not depend on it.
   */
  consumerEdges?: boolean;
}

export type NormalizedOptions = Required<ContractGraphPluginOptions>;

export const DEFAULT_SPEC_GLOBS = ['**/openapi.{yaml,yml,json}', '**/swagger.{yaml,yml,json}'];
const DEFAULT_EXCLUDES = ['**/node_modules/**', '**/dist/**', '**/.nx/**'];

/** Fills in defaults once, so the rest of the plugin never checks for `undefined`. */
export function normalizeOptions(options: ContractGraphPluginOptions | undefined): NormalizedOptions {
  return {
    targetName: options?.targetName ?? 'contract-check',
    specs: options?.specs ?? DEFAULT_SPEC_GLOBS,
    exclude: [...DEFAULT_EXCLUDES, ...(options?.exclude ?? [])],
    consumerEdges: options?.consumerEdges ?? true,
  };
}

/** True when a workspace-relative file is a spec under these options. */
export function isSpecFile(file: string, options: NormalizedOptions): boolean {
  return options.specs.some((glob) => minimatch(file, glob)) && !options.exclude.some((glob) => minimatch(file, glob));
}

export const PLUGIN_NAME = '@contract-graph/nx';

/** The options of this plugin's entry in nx.json, if it is registered. */
export function registeredOptions(plugins: ReadonlyArray<string | { plugin: string; options?: unknown }> | undefined): ContractGraphPluginOptions | undefined {
  for (const entry of plugins ?? []) {
    if (entry === PLUGIN_NAME) return {};
    if (typeof entry === 'object' && entry.plugin === PLUGIN_NAME) return (entry.options ?? {}) as ContractGraphPluginOptions;
  }
  return undefined;
}
