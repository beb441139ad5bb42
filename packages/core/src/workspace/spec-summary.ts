import { renderIndexedFingerprintFile } from '../contracts/fingerprint-file';
import { indexSpec } from '../spec/index-spec';
import type { ReadFile } from '../spec/load-spec';
import { currentSpecSummary, documentHash, type SpecSummary, type SpecSummaryCache } from './spec-summary-cache';

export type { SpecSummary, SpecSummaryCache } from './spec-summary-cache';

/**
 * Summarises a spec, from the cache when none of its documents changed. With `withFingerprint`,
 * the fingerprint file text is computed too (and cached), which costs a walk of every operation.
 */
export function summarizeSpec(specFile: string, readFile: ReadFile, cache?: SpecSummaryCache, withFingerprint = false): SpecSummary {
  const cached = currentSpecSummary(specFile, readFile, cache, withFingerprint);
  if (cached) return cached;
  const indexed = indexSpec(specFile, readFile);
  const fingerprint = withFingerprint ? renderIndexedFingerprintFile(specFile, indexed) : undefined;
  const valid = indexed.spec.root !== undefined && indexed.spec.problems.length === 0;
  const documents: Record<string, string> = {};
  for (const file of indexed.spec.documents) documents[file] = documentHash(readFile(file) ?? '');
  const summary: SpecSummary = {
    documents,
    ...(indexed.spec.unreadable.length > 0 ? { unreadable: indexed.spec.unreadable } : {}),
    valid,
    operations: indexed.operations.map(({ method, path, specPath, key, operationId }) => ({ method, path, specPath, key, ...(operationId ? { operationId } : {}) })),
    ...(fingerprint ? { fingerprint } : {}),
  };
  cache?.set(specFile, summary);
  return summary;
}
