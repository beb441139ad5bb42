import type { IndexedSpec } from '../check/check-consumer';
import { loadSpec, type ReadFile } from './load-spec';
import { listOperations } from './operations';

/** Loads a spec and lists its operations; never throws (problems are in `spec.problems`). */
export function indexSpec(file: string, readFile: ReadFile): IndexedSpec {
  const spec = loadSpec(file, readFile);
  return { spec, operations: listOperations(spec) };
}
