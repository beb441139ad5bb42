import { fingerprintFileOwner } from '../contracts/fingerprint-file';
import type { CallSite, InputProblem } from '../model';
import { resolveCallInSpecs } from '../spec/match-call';
import { workingTreeReader, type SpecRef } from './contract-check';
import { scanProjectUsage } from './scan-consumer';
import { summarizeSpec, type SpecSummary, type SpecSummaryCache } from './spec-summary';
import { isFingerprintInSync } from './spec-summary-cache';
import type { UsageCache } from './usage-cache';
import { compareText } from '../compare-text';

/** A project that calls a spec's operations, and which ones (operation keys, sorted). */
export interface ConsumedSpec {
  spec: SpecRef;
  operations: string[];
}

/** What graph construction needs to know about a workspace's specs and their consumers. */
export interface WorkspaceContracts {
  /**
   * Per spec file: every document it is made of, and the files its `$ref`s point to that do not
   * exist yet (for hashing inputs: creating one changes the spec), its operation count, and
   * whether its committed fingerprint file is what `nx sync` would write (false when stale or missing).
   */
  /** `fingerprintOwner`: the spec beside it that owns the fingerprint file they would share (see `fingerprintFileOwner`); this one has none. */
  specs: Map<string, { documents: string[]; operations: number; fingerprintInSync: boolean; fingerprintOwner?: string }>;
  /** Per project root: the specs its code calls. */
  consumers: Map<string, ConsumedSpec[]>;
  /** Per consumer root: the workspace libraries (tsconfig `paths`) whose code its calls were found through, sorted. */
  libraries: Map<string, string[]>;
}

/**
 * Finds which projects call which specs. A call counts for a spec when it resolves to one of its
 * operations, and also when it clearly aims at the spec but matches nothing (a typo in the path):
 * that consumer must be checked, or the typo would go unnoticed. With `baseOperations` (per spec,
 * the operation keys it had at the base of the change: `operationKeysAtCommit`), a call also
 * counts for the operation it fitted there, when the spec's operations changed since.
 */
export function discoverConsumers(
  workspaceRoot: string,
  specs: readonly SpecRef[],
  projectRoots: readonly string[],
  cache?: UsageCache,
  specCache?: SpecSummaryCache,
  deletedSpecs: ReadonlyMap<string, readonly string[]> = new Map(),
  baseOperations: ReadonlyMap<string, readonly string[]> = new Map(),
): WorkspaceContracts {
  const read = workingTreeReader(workspaceRoot);
  // With fingerprints: whether each spec's committed file is current is part of the answer (cached with the summary).
  const indexed = specs.map((ref) => {
    const deleted = deletedSpecs.get(ref.file);
    return { ref, summary: deleted ? deletedSpecSummary(deleted) : summarizeSpec(ref.file, read, specCache, true) };
  });
  // Specs whose operations differ from those at the base of the change, as they were there.
  const atBase = indexed.flatMap(({ ref, summary }) => {
    const keys = baseOperations.get(ref.file);
    return keys && !sameKeys(keys, summary.operations.map((operation) => operation.key)) ? [{ ref, summary: deletedSpecSummary(keys) }] : [];
  });
  const consumers = new Map<string, ConsumedSpec[]>();
  const libraries = new Map<string, string[]>();
  for (const projectRoot of [...projectRoots].sort()) {
    // A project calling an API only through a generated client is found by its operationIds (ids
    // that name one operation of the specs it could consume; the scan ignores the others). Specs
    // inside the project count too: a frontend keeps a copy of the API it calls (to generate its
    // client from), and that copy is the contract its calls are checked against. (No edge to
    // itself: create-dependencies skips a project's own specs.) They come last: where another
    // spec defines the same operation, a call of it is a call of the other API (an upstream the
    // project serves again, say), whatever the folders' names.
    const candidates = [...indexed.filter(({ ref }) => !isInside(ref.file, projectRoot)), ...indexed.filter(({ ref }) => isInside(ref.file, projectRoot))];
    const baseCandidates = [...atBase.filter(({ ref }) => !isInside(ref.file, projectRoot)), ...atBase.filter(({ ref }) => isInside(ref.file, projectRoot))];
    const operations = candidates.flatMap(({ summary }) => summary.operations);
    const usage = scanProjectUsage(workspaceRoot, projectRoot, cache, { operations });
    const used = new Map<string, { spec: SpecRef; operations: Set<string> }>();
    for (const call of usage.calls) {
      const atHead = specsCalled(call, candidates);
      // What the call fitted at the base counts where it fits nothing now, or in the spec it fits now
      // (another operation of it); not where its operation moved to another spec, which it now calls.
      const fitting = new Set(atHead.filter(({ operationKeys }) => operationKeys.length > 0).map(({ spec }) => spec.file));
      const atBase = calledAtBase(call, baseCandidates).filter(({ spec }) => fitting.size === 0 || fitting.has(spec.file));
      for (const { spec, operationKeys } of [...atHead, ...atBase]) {
        const entry = used.get(spec.file) ?? { spec, operations: new Set<string>() };
        for (const key of operationKeys) entry.operations.add(key);
        used.set(spec.file, entry);
      }
    }
    for (const spec of specsOfUnreadableUsage(workspaceRoot, usage.problems, candidates)) {
      if (!used.has(spec.file)) used.set(spec.file, { spec, operations: new Set<string>() });
    }
    if (used.size === 0) continue;
    if (usage.libraries.length > 0) libraries.set(projectRoot, usage.libraries);
    consumers.set(
      projectRoot,
      [...used.values()]
        .map(({ spec, operations }) => ({ spec, operations: [...operations].sort() }))
        .sort((a, b) => compareText(a.spec.file, b.spec.file)),
    );
  }
  const specFiles = indexed.map(({ ref }) => ref.file);
  const specSummaries = new Map(
    indexed.map(({ ref, summary }) => {
      const owner = fingerprintFileOwner(ref.file, specFiles);
      // A deleted spec's fingerprint file is all that is left of it: nothing to keep in sync.
      if (deletedSpecs.has(ref.file)) return [ref.file, { documents: [], operations: summary.operations.length, fingerprintInSync: true }];
      const documents = [...Object.keys(summary.documents), ...(summary.unreadable ?? [])].sort();
      // A spec without a fingerprint file of its own has nothing to keep in sync.
      if (owner !== ref.file) return [ref.file, { documents, operations: summary.operations.length, fingerprintInSync: true, fingerprintOwner: owner }];
      return [ref.file, { documents, operations: summary.operations.length, fingerprintInSync: isFingerprintInSync(summary, read) }];
    }),
  );
  return { specs: specSummaries, consumers, libraries };
}

/**
 * The specs a call makes its project a consumer of, and of which operations: the spec of the
 * operation that fits it best (as the check resolves it, so edges and verdicts agree); every
 * operation that fits equally well when several do (the check leaves such a call unchecked, and
 * must rerun when one of them changes or goes, which settles it); with none, every spec it is a
 * near miss of (its consumer must be checked, or the typo would go unnoticed).
 */
function specsCalled(call: CallSite, candidates: ReadonlyArray<{ ref: SpecRef; summary: SpecSummary }>): Array<{ spec: SpecRef; operationKeys: string[] }> {
  const resolution = resolveCallInSpecs(call.method, call.urlTemplate, candidates, ({ summary }) => summary.operations);
  if (resolution.kind === 'matched') return [{ spec: resolution.spec.ref, operationKeys: [resolution.operation.key] }];
  if (resolution.kind === 'ambiguous') return resolution.candidates.map(({ spec, operation }) => ({ spec: spec.ref, operationKeys: [operation.key] }));
  return resolution.nearMisses.map(({ spec }) => ({ spec: spec.ref, operationKeys: [] }));
}

/**
 * The operations a call fits in the specs as they were at the base of the change (only those it
 * fits there: no near misses). A change that removes or moves every operation a project calls (a
 * new server base path, a path renamed, the `paths` block broken) leaves no operation the call
 * fits now: without this, the project would stop being a consumer in the very change that breaks it.
 */
function calledAtBase(call: CallSite, candidates: ReadonlyArray<{ ref: SpecRef; summary: SpecSummary }>): Array<{ spec: SpecRef; operationKeys: string[] }> {
  if (candidates.length === 0) return [];
  const resolution = resolveCallInSpecs(call.method, call.urlTemplate, candidates, ({ summary }) => summary.operations);
  if (resolution.kind === 'matched') return [{ spec: resolution.spec.ref, operationKeys: [resolution.operation.key] }];
  return resolution.kind === 'ambiguous' ? resolution.candidates.map(({ spec, operation }) => ({ spec: spec.ref, operationKeys: [operation.key] })) : [];
}

/** Problems that hide a project's calls: a source file or the usage manifest that cannot be read. */
const UNREADABLE_USAGE = new Set(['consumer-parse-error', 'consumer-too-deep', 'consumer-not-text', 'consumer-analysis-failed', 'usage-manifest-invalid']);

/**
 * The specs a project may call from where its calls cannot be read: a file that does not parse or a
 * manifest with a syntax error. Its check must run (and report the problem at its line), or the
 * calls in it would silently go unchecked. Counted when the unreadable text names one of the
 * spec's paths: its first literal segment (`/users` of `/api/users/{id}`), or `METHOD /path` in a manifest.
 */
function specsOfUnreadableUsage(workspaceRoot: string, problems: readonly InputProblem[], candidates: ReadonlyArray<{ ref: SpecRef; summary: SpecSummary }>): SpecRef[] {
  const files = [...new Set(problems.filter((problem) => UNREADABLE_USAGE.has(problem.code) && problem.location).map((problem) => problem.location?.file as string))];
  if (files.length === 0) return [];
  const read = workingTreeReader(workspaceRoot);
  const texts = files.map((file) => read(file) ?? '');
  return candidates.filter(({ summary }) => summary.operations.some((operation) => texts.some((text) => namesPath(text, operation.specPath)))).map(({ ref }) => ref);
}

/** The text holds `/segment` for the first literal segment of a spec path (`/users` for `/users/{id}`), not as part of a longer word. */
function namesPath(text: string, specPath: string): boolean {
  const segment = specPath.split('/').find((part) => part !== '' && !part.includes('{'));
  if (!segment) return false;
  const escaped = segment.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  return new RegExp(`/${escaped}(?![\\w-])`).test(text);
}

function sameKeys(a: readonly string[], b: readonly string[]): boolean {
  if (a.length !== b.length) return false;
  const known = new Set(a);
  return b.every((key) => known.has(key));
}

/**
 * What is known of a spec deleted while its fingerprint file stayed: the operations it had, by
 * their keys (`GET /api/users/{}`). Enough to find the projects that still call them, whose checks
 * then diff the spec at the base against nothing (every called operation removed).
 */
function deletedSpecSummary(operationKeys: readonly string[]): SpecSummary {
  const operations = operationKeys.flatMap((key) => {
    const space = key.indexOf(' ');
    // The server base path is not recorded: the whole path stands for the path as written.
    return space > 0 ? [{ method: key.slice(0, space), path: key.slice(space + 1), specPath: key.slice(space + 1), key }] : [];
  });
  return { documents: {}, valid: false, operations };
}

function isInside(file: string, root: string): boolean {
  return root === '.' || root === '' || file.startsWith(`${root}/`);
}
