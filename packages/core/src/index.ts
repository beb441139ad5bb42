/** Public API of @contract-graph/core. */
export * from './model';
export { parseSpecDocument, type ParsedDocument } from './spec/parse-document';
export { loadSpec, type LoadedSpec, type ReadFile, type SpecNode, type SpecVersion } from './spec/load-spec';
export { listOperations, operationKey, type Operation } from './spec/operations';
export { resolveCall, type CallResolution } from './spec/match-call';
export { flattenSchema, lookupField, successResponseSchemas, type FieldLookup } from './spec/schema-fields';
export { encodePointer, decodePointer } from './spec/json-pointer';
export { fingerprintOperation } from './spec/fingerprint';
export { extractUsage, extractUsageFromSource, analyzeFile, linkProject, type ExplainedUsage, type FileAnalysis } from './usage/extract-usage';
export { readUsageManifest, USAGE_MANIFEST_FILES, type UsageManifest } from './usage/manifest';
export type { PrefixRewrite } from './usage/link';
export { scanProjectUsage, type ProjectUsage, type ScanOptions } from './workspace/scan-consumer';
export { checkConsumer, type SpecVersions, type IndexedSpec } from './check/check-consumer';
export type { Finding, ConsumerLocation, AllowedBy } from './check/finding';
export { RULES } from './rules/registry';
export type { Rule, Severity, Direction } from './rules/rule';
export { BaseRevisionError, chooseBaseCommit, isGitRepository, mergeBase, resolveBaseCommit, readFileAtRevision, type BaseChoice } from './git/git';
export { formatStylish } from './report/format-stylish';
export { formatJson } from './report/format-json';
export { formatJunit } from './report/format-junit';
export { formatSarif, SARIF_FINGERPRINT_KEY } from './report/format-sarif';
export { formatGithub } from './report/format-github';
export { formatMarkdown } from './report/format-markdown';
export { formatReport, isReportFormat, REPORT_FORMATS, REPORT_FILE_NAMES, type ReportFormat } from './report/formats';
export { EXIT_CODES, FAIL_ON_VALUES, exitCodeOf, summarize, type ContractReport, type SpecSummary, type FailOn, type Outcome, type ReportSummary, type StaleAllowListEntry } from './report/summary';
export {
  readAllowList,
  parseAllowList,
  allowListFromOptions,
  mergeAllowLists,
  applyAllowList,
  isExpired,
  DEFAULT_ALLOW_LIST_FILES,
  type AllowList,
  type AllowListEntry,
} from './allow-list/allow-list';
export { runContractCheck, indexSpec, changedOperations, type ContractCheckOptions, type SpecRef } from './workspace/contract-check';
export { summarizeSpec, type SpecSummary as CachedSpecSummary, type SpecSummaryCache } from './workspace/spec-summary';
export { discoverConsumers, type ConsumedSpec, type WorkspaceContracts } from './workspace/discover-consumers';
export { listSourceFiles, isConsumerSourceFile, findUsageManifest } from './workspace/source-files';
export { createMemoryUsageCache, usageCacheKey, type UsageCache, type FileUsage } from './workspace/usage-cache';
export {
  buildFingerprintFile,
  fingerprintFieldPath,
  fingerprintFileOwner,
  deletedSpecsOfFingerprintFiles,
  operationKeysAtCommit,
  fingerprintFilePath,
  renderFingerprintFile,
  serializeFingerprintFile,
  type FingerprintFile,
} from './contracts/fingerprint-file';
export { diffSpecs, type FieldLoop, type SpecChange, type SpecDiff, type DiffOptions } from './diff/diff-specs';
export { DIFF_RULES } from './rules/registry';
