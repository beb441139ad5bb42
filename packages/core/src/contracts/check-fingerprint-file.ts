import type { IndexedSpec } from '../check/check-consumer';
import type { InputProblem } from '../model';
import type { ReadFile } from '../spec/load-spec';
import { buildFingerprintFile, fingerprintFilePath, serializeFingerprintFile, type FingerprintFile } from './fingerprint-file';

/** What the committed fingerprint file says about the spec: current, stale, or absent. */
export type FingerprintStatus = { kind: 'current' } | { kind: 'missing'; file: string } | { kind: 'stale'; problem: InputProblem };

/**
 * Compares the committed fingerprint file with the spec. A stale file would let consumers replay
 * a cached pass after a breaking edit, so it is an error that says how to fix it.
 */
export function checkFingerprintFile(specFile: string, indexed: IndexedSpec, readFile: ReadFile): FingerprintStatus {
  const file = fingerprintFilePath(specFile);
  const committed = readFile(file);
  if (committed === undefined) return { kind: 'missing', file };
  const expected = buildFingerprintFile(specFile, indexed);
  if (committed === serializeFingerprintFile(expected)) return { kind: 'current' };
  const changed = changedKeys(parse(committed), expected);
  const detail = changed.length > 0 ? ` (${changed.slice(0, 5).join(', ')}${changed.length > 5 ? `, and ${changed.length - 5} more` : ''})` : '';
  return {
    kind: 'stale',
    problem: {
      code: 'contract-fingerprint-stale',
      message: `${file} is out of date with ${specFile}${detail}`,
      location: { file, line: 1, column: 1 },
      hint: `Run \`nx sync\` and commit ${file}: until then, consumers of the changed operations may replay cached results.`,
    },
  };
}

function parse(text: string): Partial<FingerprintFile> {
  try {
    return JSON.parse(text);
  } catch {
    return {};
  }
}

function changedKeys(committed: Partial<FingerprintFile>, expected: FingerprintFile): string[] {
  const before = committed.operations ?? {};
  const keys = new Set([...Object.keys(before), ...Object.keys(expected.operations)]);
  return [...keys].filter((key) => before[key] !== expected.operations[key]).sort().map((key) => decodeURIComponent(key));
}
