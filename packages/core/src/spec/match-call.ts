import type { Operation } from './operations';
import { compareText } from '../compare-text';

/** What matching needs of an operation; full `Operation`s and cached summaries both have it. */
export type MatchableOperation = Pick<Operation, 'method' | 'path'>;

/** What a call's method and URL template resolve to in a set of operations. */
export type CallResolution<T extends MatchableOperation = Operation> =
  | { kind: 'matched'; operation: T }
  /** The path exists, but not with this method. */
  | { kind: 'method-not-found'; candidates: T[] }
  /** No path matches, but the call clearly aims at this API (it shares a path prefix): `nearest` is the best guess. */
  | { kind: 'path-not-found'; nearest: T }
  | { kind: 'unrelated' };

/** Placeholder for a value the analyzer could not know; it never equals a literal path segment. */
const UNKNOWN = '\u0000';

/**
 * Resolves a call to one operation. Parameter names are ignored (`{id}` ≡ `{userId}`), literal
 * segments win over parameters (`/users/me` before `/users/{id}`), and a leading `{}` (an unknown
 * base URL) matches any prefix.
 */
export function resolveCall<T extends MatchableOperation>(method: string, urlTemplate: string, operations: readonly T[]): CallResolution<T> {
  const call = callSegments(urlTemplate);
  const pathMatches = operations
    .map((operation) => ({ operation, score: matchScore(call, operationSegments(operation)) }))
    .filter((match): match is { operation: T; score: number } => match.score !== undefined);
  const upperMethod = method.toUpperCase();
  const sameMethod = pathMatches.filter((match) => match.operation.method === upperMethod);
  if (sameMethod.length > 0) {
    const best = [...sameMethod].sort((a, b) => b.score - a.score || compareText(a.operation.path, b.operation.path))[0];
    return { kind: 'matched', operation: best.operation };
  }
  if (pathMatches.length > 0) {
    const candidates = pathMatches.map((match) => match.operation).sort((a, b) => compareText(a.path, b.path) || compareText(a.method, b.method));
    return { kind: 'method-not-found', candidates };
  }
  const nearest = nearestOperation(call, upperMethod, operations);
  return nearest ? { kind: 'path-not-found', nearest } : { kind: 'unrelated' };
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
const segmentsOfOperation = new WeakMap<MatchableOperation, string[]>();

function operationSegments(operation: MatchableOperation): string[] {
  let segments = segmentsOfOperation.get(operation);
  if (!segments) {
    segments = pathSegments(operation.path);
    segmentsOfOperation.set(operation, segments);
  }
  return segments;
}

/** The number of literal segments matched, or `undefined` when the paths do not match. */
function matchScore(call: CallSegments, operationSegments: string[]): number | undefined {
  const offset = operationSegments.length - call.segments.length;
  if (offset < 0 || (!call.anchoredAtEnd && offset !== 0)) return undefined;
  let score = 0;
  for (let index = 0; index < call.segments.length; index++) {
    const pattern = operationSegments[index + offset];
    if (!segmentPattern(pattern).test(call.segments[index])) return undefined;
    if (!pattern.includes('{')) score += 1;
  }
  return score;
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
 * (one for one-segment paths) with it: enough to say "this call is for this API, and it is wrong".
 */
function nearestOperation<T extends MatchableOperation>(call: CallSegments, method: string, operations: readonly T[]): T | undefined {
  if (call.anchoredAtEnd) return undefined;
  let best: { operation: T; shared: number; distance: number } | undefined;
  for (const operation of operations) {
    const segments = operationSegments(operation);
    const shared = sharedPrefixLength(call.segments, segments);
    if (shared < Math.min(2, segments.length, call.segments.length) || shared === 0) continue;
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
