/**
 * The engine (`@contract-graph/core`), loaded only when something must be computed: its barrel
 * loads the spec parser and the rules (~0.2 s), which a command whose inputs are all unchanged
 * never needs. Its spec-summary cache module has no heavy imports, so it is loaded on its own.
 */
import type * as SpecSummaryCacheModule from '@contract-graph/core/dist/workspace/spec-summary-cache';
import type * as ConsumerFilesModule from '@contract-graph/core/dist/workspace/consumer-files';
import type * as GitModule from '@contract-graph/core/dist/git/git';

type Core = typeof import('@contract-graph/core');
let coreModule: Core | undefined;

/** The engine's package version (its package.json only): caches of what the engine computed are keyed by it. */
export function engineVersion(): string {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return (require('@contract-graph/core/package.json') as { version: string }).version;
}

/** The whole engine, loaded on first use. */
export function core(): Core {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  coreModule ??= require('@contract-graph/core') as Core;
  return coreModule;
}

/** Reading the spec-summary cache: loads a few hundred lines, not the engine. */
export function specSummaryCache(): typeof SpecSummaryCacheModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('@contract-graph/core/dist/workspace/spec-summary-cache') as typeof SpecSummaryCacheModule;
}

/** Which files a consumer's scan reads (for task inputs): a module without imports, not the engine. */
export function consumerFiles(): typeof ConsumerFilesModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('@contract-graph/core/dist/workspace/consumer-files') as typeof ConsumerFilesModule;
}

/** Git calls (the base commit, asked on every graph build): a module that loads only child_process, not the engine. */
export function git(): typeof GitModule {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  return require('@contract-graph/core/dist/git/git') as typeof GitModule;
}
