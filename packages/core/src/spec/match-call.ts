import type { Operation } from './operations';
import { compareText } from '../compare-text';

/**
 * What matching needs of an operation; full `Operation`s and cached summaries both have it. The
 * spec path tells how much of `path` is the server's base path.
 */
export type MatchableOperation = Pick<Operation, 'method' | 'path' | 'specPath'>;

/**
 * How well a call's path fits an operation's: more literal segments matched is better, then fewer
 * segments taken by the call's unknown base URL (`{}/users/{}` is `/api/users/{id}` with one
 * skipped, `/api/orgs/{org}/users/{id}` with three).
 */
export interface PathFit {
  literals: number;
  skipped: number;
}

/** What a call's method and URL template resolve to in a set of operations. */
export type CallResolution<T extends MatchableOperation = Operation> =
  | { kind: 'matched'; operation: T; fit: PathFit }
  /** Several operations fit equally well (sorted by path): the call cannot be checked against either. */
  | { kind: 'ambiguous'; candidates: T[]; fit: PathFit }
  /** The path exists, but not with this method. */
  | { kind: 'method-not-found'; candidates: T[] }
  /** No path matches, but the call clearly aims at this API (it shares a path prefix): `nearest` is the best guess. */
  | { kind: 'path-not-found'; nearest: T }
  | { kind: 'unrelated' };

/** A call that matches nothing, though it aims at the API: what `consumer-unknown-operation` reports. */
export type NearMiss<T extends MatchableOperation = Operation> = Extract<CallResolution<T>, { kind: 'method-not-found' | 'path-not-found' }>;

/** Placeholder for a value the analyzer could not know; it never equals a literal path segment. */
const UNKNOWN = '\u0000';

/**
 * Resolves a call to one operation. Parameter names are ignored (`{id}` ≡ `{userId}`), and a
 * leading `{}` (an unknown base URL) matches any prefix, as long as at least one literal segment
 * matches after it. The operation matching more literal segments wins (`/users/me` before
 * `/users/{id}`), then the one leaving the shortest prefix to the unknown base URL (see `PathFit`);
 * operations that still fit equally well make the call ambiguous.
 */
export function resolveCall<T extends MatchableOperation>(method: string, urlTemplate: string, operations: readonly T[]): CallResolution<T> {
  return resolveSegments(method, callSegments(urlTemplate), operations);
}

function resolveSegments<T extends MatchableOperation>(method: string, call: CallSegments, operations: readonly T[]): CallResolution<T> {
  const pathMatches = operations.flatMap((operation) => {
    const fit = pathFit(call, operationSegments(operation));
    return fit ? [{ operation, fit }] : [];
  });
  const upperMethod = method.toUpperCase();
  const sameMethod = pathMatches.filter((match) => match.operation.method === upperMethod);
  if (sameMethod.length > 0) {
    const fit = bestFit(sameMethod.map((match) => match.fit));
    const best = sameMethod.filter((match) => compareFit(match.fit, fit) === 0).map((match) => match.operation);
    return best.length === 1 ? { kind: 'matched', operation: best[0], fit } : { kind: 'ambiguous', candidates: best.sort(byPathThenMethod), fit };
  }
  if (pathMatches.length > 0) {
    return { kind: 'method-not-found', candidates: pathMatches.map((match) => match.operation).sort(byPathThenMethod) };
  }
  const nearest = nearestOperation(call, upperMethod, operations);
  return nearest ? { kind: 'path-not-found', nearest } : { kind: 'unrelated' };
}

/** Negative when `a` fits better than `b`, 0 when they fit equally well. */
function compareFit(a: PathFit, b: PathFit): number {
  return b.literals - a.literals || a.skipped - b.skipped;
}

function bestFit(fits: readonly PathFit[]): PathFit {
  return fits.reduce((best, next) => (compareFit(next, best) < 0 ? next : best));
}

function byPathThenMethod(a: MatchableOperation, b: MatchableOperation): number {
  return compareText(a.path, b.path) || compareText(a.method, b.method);
}

/** What a call resolves to across several specs. */
export type SpecsResolution<S, T extends MatchableOperation> =
  | { kind: 'matched'; spec: S; operation: T }
  /** Operations of one spec or of several fit equally well (in spec order, then by path). */
  | { kind: 'ambiguous'; candidates: Array<{ spec: S; operation: T }> }
  /** No spec has an operation that fits: the specs the call aims at nonetheless, in spec order. */
  | { kind: 'unmatched'; nearMisses: Array<{ spec: S; resolution: NearMiss<T> }> };

/**
 * Resolves a call against several specs: the operation that fits best in any of them, whatever the
 * order of the specs. An operation that two specs both define (one API in `openapi.yaml` and
 * `openapi.json`) is not ambiguous: the first spec has it. Specs without operations on this side
 * (`undefined`: a spec that has no base version) are skipped.
 */
export function resolveCallInSpecs<S, T extends MatchableOperation & { key: string }>(
  method: string,
  urlTemplate: string,
  specs: readonly S[],
  operationsOf: (spec: S) => readonly T[] | undefined,
): SpecsResolution<S, T> {
  const call = callSegments(urlTemplate);
  const resolutions = specs.flatMap((spec) => {
    const operations = operationsOf(spec);
    return operations ? [{ spec, resolution: resolveSegments(method, call, operations) }] : [];
  });
  const fitting = resolutions.flatMap(({ spec, resolution }) =>
    resolution.kind === 'matched' ? [{ spec, fit: resolution.fit, operations: [resolution.operation] }] : resolution.kind === 'ambiguous' ? [{ spec, fit: resolution.fit, operations: resolution.candidates }] : [],
  );
  if (fitting.length === 0) {
    return { kind: 'unmatched', nearMisses: resolutions.flatMap(({ spec, resolution }) => (resolution.kind === 'method-not-found' || resolution.kind === 'path-not-found' ? [{ spec, resolution }] : [])) };
  }
  const fit = bestFit(fitting.map((entry) => entry.fit));
  const candidates = firstPerKey(fitting.filter((entry) => compareFit(entry.fit, fit) === 0).flatMap(({ spec, operations }) => operations.map((operation) => ({ spec, operation }))));
  return candidates.length === 1 ? { kind: 'matched', ...candidates[0] } : { kind: 'ambiguous', candidates };
}

/** The first entry of each operation key, in order. */
function firstPerKey<E extends { operation: { key: string } }>(entries: readonly E[]): E[] {
  const seen = new Set<string>();
  return entries.filter(({ operation }) => {
    if (seen.has(operation.key)) return false;
    seen.add(operation.key);
    return true;
  });
}

interface CallSegments {
  /** The call began with an unknown prefix, so only the end of an operation path must match. */
  anchoredAtEnd: boolean;
  segments: string[];
}

function callSegments(urlTemplate: string): CallSegments {
  const segments = pathSegments(urlTemplate).map((segment) => segment.replace(/\{\}/g, UNKNOWN));
  const anchoredAtEnd = segments[0] === UNKNOWN;
  return { anchoredAtEnd, segments: anchoredAtEnd ? segments.slice(1) : segments };
}

function pathSegments(path: string): string[] {
  return path.split('/').filter((segment) => segment !== '');
}

/** Operations are matched against every call of every consumer: split their paths once. */
const segmentsOfOperation = new WeakMap<MatchableOperation, { segments: string[]; basePathLength: number }>();

function operationPath(operation: MatchableOperation): { segments: string[]; basePathLength: number } {
  let split = segmentsOfOperation.get(operation);
  if (!split) {
    const segments = pathSegments(operation.path);
    split = { segments, basePathLength: segments.length - pathSegments(operation.specPath).length };
    segmentsOfOperation.set(operation, split);
  }
  return split;
}

function operationSegments(operation: MatchableOperation): string[] {
  return operationPath(operation).segments;
}

/**
 * How well the call fits the operation's path, or `undefined` when they do not match. Behind an
 * unknown prefix, at least one literal segment must match: `{}/{}` says nothing of which API it calls.
 */
function pathFit(call: CallSegments, operationSegments: string[]): PathFit | undefined {
  const skipped = operationSegments.length - call.segments.length;
  if (skipped < 0 || (!call.anchoredAtEnd && skipped !== 0)) return undefined;
  let literals = 0;
  for (let index = 0; index < call.segments.length; index++) {
    const pattern = operationSegments[index + skipped];
    if (!segmentPattern(pattern).test(call.segments[index])) return undefined;
    if (!pattern.includes('{')) literals += 1;
  }
  if (call.anchoredAtEnd && literals === 0) return undefined;
  return { literals, skipped };
}

const patternCache = new Map<string, RegExp>();

function segmentPattern(segment: string): RegExp {
  let pattern = patternCache.get(segment);
  if (!pattern) {
    const source = segment
      .split(/\{[^}]*\}/)
      .map((literal) => literal.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'))
      .join('[^/]+');
    pattern = new RegExp(`^${source}$`);
    patternCache.set(segment, pattern);
  }
  return pattern;
}

/**
 * The operation a call most likely meant, when it shares at least its first two path segments
 * (one for one-segment paths) with it, and at least one beyond the server's base path: enough to
 * say "this call is for this API, and it is wrong". Sharing the base path alone is not enough:
 * other services are often served behind the same gateway prefix (`/api/v1/payments/...` next to
 * a spec served at `/api/v1`).
 */
function nearestOperation<T extends MatchableOperation>(call: CallSegments, method: string, operations: readonly T[]): T | undefined {
  if (call.anchoredAtEnd) return undefined;
  let best: { operation: T; shared: number; distance: number } | undefined;
  for (const operation of operations) {
    const { segments, basePathLength } = operationPath(operation);
    const shared = sharedPrefixLength(call.segments, segments);
    if (shared < Math.min(2, segments.length, call.segments.length) || shared === 0 || shared <= basePathLength) continue;
    const distance = editDistance(call.segments.join('/'), segments.join('/').replace(/\{[^}]*\}/g, UNKNOWN)) + (operation.method === method ? 0 : 1);
    if (!best || shared > best.shared || (shared === best.shared && distance < best.distance)) {
      best = { operation, shared, distance };
    }
  }
  return best?.operation;
}

function sharedPrefixLength(callSegmentList: string[], operationSegments: string[]): number {
  let shared = 0;
  while (
    shared < callSegmentList.length &&
    shared < operationSegments.length &&
    segmentPattern(operationSegments[shared]).test(callSegmentList[shared])
  ) {
    shared++;
  }
  return shared;
}

/** Levenshtein distance; inputs are short paths. */
export function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    }
    previous = current;
  }
  return previous[b.length];
}
