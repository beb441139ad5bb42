import type * as MinimatchModule from 'minimatch';
import type { FailOn, ReportFormat } from '@contract-graph/core';

/**
 * How `contract-check` reports and judges; set on the plugin (nx.json, for every project) or on a
 * target (its options win). The executor reads the plugin's values from nx.json.
 */
export interface ReportingOptions {
  /** Report formats written to `dist/contract-graph/<projectRoot>/contract-check.<ext>`; none by default (the verdict is printed). */
  formats?: ReportFormat[];
  /** The lowest severity that fails the check: `error` (default) or `warning`. */
  failOn?: FailOn;
  /** Workspace-relative allow-list file. Default: `contract-graph.allow.yaml` (or `.yml`, `.json`) when present. */
  allowList?: string;
  /** Allow-list entries written inline: `{ rule, operation, property?, consumer?, spec?, reason, expires }`. */
  allow?: unknown[];
  /** Published baselines of owned specs, diffed instead of the base commit: `{ "<spec file>": "<baseline file>" }` (workspace-relative). */
  baselines?: Record<string, string>;
}

/** Plugin options, set in nx.json `plugins[]` next to `"plugin": "@contract-graph/nx"`. */
export interface ContractGraphPluginOptions extends ReportingOptions {
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

export type NormalizedOptions = Required<Omit<ContractGraphPluginOptions, keyof ReportingOptions>>;

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

/**
 * A test of workspace-relative files: is this a spec under these options? The globs are compiled
 * once (compiling them per file cost the sync generator ~20 ms on every task run).
 */
export function specFileMatcher(options: NormalizedOptions): (file: string) => boolean {
  const { Minimatch } = loadMinimatch();
  const compile = (globs: readonly string[]) => globs.map((glob) => new Minimatch(glob));
  const specs = compile(options.specs);
  const excludes = compile(options.exclude);
  return (file) => specs.some((glob) => glob.match(file)) && !excludes.some((glob) => glob.match(file));
}

/**
 * minimatch, loaded when a glob is first matched: a command whose graph comes from the plugin's
 * cache matches none, and every Nx command loads the plugin (~5 ms saved each time).
 */
export function loadMinimatch(): typeof MinimatchModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('minimatch') as typeof MinimatchModule;
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
