import * as path from 'node:path';
import { compareText } from '../compare-text';

// Where fingerprint files live, apart from how they are computed: the sync generator answers from
// its cache with this alone, without loading the engine.

/** `apis/users/openapi.yaml` → `apis/users/openapi.contract.json`. */
export function fingerprintFilePath(specFile: string): string {
  const extension = path.posix.extname(specFile);
  return `${specFile.slice(0, specFile.length - extension.length)}.contract.json`;
}

/**
 * The spec that owns `specFile`'s fingerprint file among `specFiles`: itself, or a spec beside it
 * with the same name and another extension (`openapi.json` next to `openapi.yaml`) that sorts
 * first. Two specs cannot share one file (each would call the other's version stale forever); the
 * one that does not own it goes without (its consumers hash its documents), with a note saying why.
 */
export function fingerprintFileOwner(specFile: string, specFiles: readonly string[]): string {
  const file = fingerprintFilePath(specFile);
  return [specFile, ...specFiles].filter((other) => fingerprintFilePath(other) === file).sort(compareText)[0];
}

/** The operation key a fingerprint file's key stands for (undoing `fingerprintFieldKey`). */
export function operationKeyOfFingerprintKey(key: string): string {
  return key.replace(/%2E/g, '.').replace(/%25/g, '%');
}
