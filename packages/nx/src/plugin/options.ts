/** Plugin options, set in nx.json `plugins[]` next to `"plugin": "@contract-graph/nx"`. */
export interface ContractGraphPluginOptions {
  /** Name of the inferred target. Default `contract-check`. */
  targetName?: string;
  /** Globs (workspace-relative) of the OpenAPI / Swagger files that become contract nodes. */
  specs?: string[];
  /** Globs excluded from `specs`. */
  exclude?: string[];
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
  };
}
