import { createHash } from 'node:crypto';
import { renderIndexedFingerprintFile } from '../contracts/fingerprint-file';
import { indexSpec } from '../spec/index-spec';
import type { ReadFile } from '../spec/load-spec';

/** The little that graph construction and `nx sync` need of a spec, cheap to keep between runs. */
export interface SpecSummary {
  /** Every document of the spec that could be read, with the sha256 of its content. */
  documents: Record<string, string>;
  /** The spec loaded without problems. */
  valid: boolean;
  operations: Array<{ method: string; path: string; key: string }>;
  /** The fingerprint file's path and exact text, once asked for (valid specs only). */
  fingerprint?: { file: string; text: string };
}

/** Where spec summaries are kept between runs, keyed by spec file. */
export interface SpecSummaryCache {
  get(specFile: string): SpecSummary | undefined;
  set(specFile: string, summary: SpecSummary): void;
}

function sha256(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/** True when every document the summary was made from still has the same content. */
function isCurrent(summary: SpecSummary, readFile: ReadFile): boolean {
  return Object.entries(summary.documents).every(([file, hash]) => {
    const text = readFile(file);
    return text !== undefined && sha256(text) === hash;
  });
}

/**
 * Summarises a spec, from the cache when none of its documents changed. With `withFingerprint`,
 * the fingerprint file text is computed too (and cached), which costs a walk of every operation.
 * A cached summary is only reused when every document is unchanged; a spec whose set of documents
 * changes (a new `$ref` file) changes the entry file too, so that case is covered.
 */
export function summarizeSpec(specFile: string, readFile: ReadFile, cache?: SpecSummaryCache, withFingerprint = false): SpecSummary {
  const cached = cache?.get(specFile);
  if (cached && isCurrent(cached, readFile) && (!withFingerprint || cached.fingerprint || !cached.valid)) return cached;
  const indexed = indexSpec(specFile, readFile);
  const fingerprint = withFingerprint ? renderIndexedFingerprintFile(specFile, indexed) : undefined;
  const valid = indexed.spec.root !== undefined && indexed.spec.problems.length === 0;
  const documents: Record<string, string> = {};
  for (const file of indexed.spec.documents) documents[file] = sha256(readFile(file) ?? '');
  const summary: SpecSummary = {
    documents,
    valid,
    operations: indexed.operations.map(({ method, path, key }) => ({ method, path, key })),
    ...(fingerprint ? { fingerprint } : {}),
  };
  cache?.set(specFile, summary);
  return summary;
}
