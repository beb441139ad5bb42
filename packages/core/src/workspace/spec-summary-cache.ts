import { createHash } from 'node:crypto';
import type { ReadFile } from '../spec/load-spec';

export { fingerprintFileOwner } from '../contracts/fingerprint-path';

/**
 * The cache side of spec summaries, kept apart from the code that makes them: it imports nothing
 * heavy, so a caller whose specs are all unchanged (the sync generator before every task run)
 * answers without loading the parser.
 */

/** The little that graph construction and `nx sync` need of a spec, cheap to keep between runs. */
export interface SpecSummary {
  /** Every document of the spec that could be read, with the sha256 of its content. */
  documents: Record<string, string>;
  /** The files its `$ref`s point to that did not exist, sorted; left out when there are none. */
  unreadable?: string[];
  /** The spec loaded without problems. */
  valid: boolean;
  /**
   * With their operationIds (graph construction resolves calls of generated clients by them) and
   * their paths in the spec (which tell the server's base path, for matching calls).
   */
  operations: Array<{ method: string; path: string; specPath: string; key: string; operationId?: string }>;
  /** The fingerprint file's path and exact text, once asked for (valid specs only). */
  fingerprint?: { file: string; text: string };
}

/** Where spec summaries are kept between runs, keyed by spec file. */
export interface SpecSummaryCache {
  get(specFile: string): SpecSummary | undefined;
  set(specFile: string, summary: SpecSummary): void;
}

/** The sha256 of a document's text, as summaries record it. */
export function documentHash(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * The cached summary of a spec when every document it was made from still has the same content,
 * and every file its `$ref`s pointed to in vain still does not exist (creating one changes the spec
 * while all its other files stay the same); with `withFingerprint`, also only when it holds the
 * fingerprint file text. Otherwise undefined. Any other change of the set of documents changes a
 * document that refers to them.
 */
export function currentSpecSummary(specFile: string, readFile: ReadFile, cache: SpecSummaryCache | undefined, withFingerprint = false): SpecSummary | undefined {
  const cached = cache?.get(specFile);
  if (!cached || (withFingerprint && !cached.fingerprint && cached.valid)) return undefined;
  const unchanged = Object.entries(cached.documents).every(([file, hash]) => {
    const text = readFile(file);
    return text !== undefined && documentHash(text) === hash;
  });
  const stillMissing = (cached.unreadable ?? []).every((file) => readFile(file) === undefined);
  return unchanged && stillMissing ? cached : undefined;
}

/**
 * The committed fingerprint file is the one `nx sync` would write (a summary without fingerprint
 * text, of a spec with problems, has none to write). Graph construction and the sync generator
 * both ask this.
 */
export function isFingerprintInSync(summary: SpecSummary, readFile: ReadFile): boolean {
  return summary.fingerprint === undefined || readFile(summary.fingerprint.file) === summary.fingerprint.text;
}
