import type { CallSite, ConsumerUsage, FieldUse } from '../model';
import {
  consumerUnknownOperation,
  consumerUnknownResponseProperty,
  endpointRemoved,
  responsePropertyRemoved,
  responsePropertyTypeChanged,
} from '../rules/registry';
import type { LoadedSpec } from '../spec/load-spec';
import { editDistance, resolveCall } from '../spec/match-call';
import type { Operation } from '../spec/operations';
import { fieldSegments, joinFieldSegments, lookupField, propertyNamesAt, successResponseSchemas } from '../spec/schema-fields';
import { createFinding, mergeFindings, type ConsumerLocation, type Finding } from './finding';

/** A spec as the check sees it: its current version and, when there is one, its base version. */
export interface SpecVersions {
  name: string;
  file: string;
  head: IndexedSpec;
  base?: IndexedSpec;
}

export interface IndexedSpec {
  spec: LoadedSpec;
  operations: Operation[];
}

/** What one consumer's calls mean against the specs it uses. */
export interface ConsumerCheck {
  findings: Finding[];
  /** Calls that resolved to an operation, as `spec → operation keys` (for the graph and reports). */
  resolvedCalls: Array<{ call: CallSite; spec: string; operation: Operation }>;
}

/**
 * Checks a consumer's usage against the specs: calls to operations and reads of response fields
 * that do not exist now are errors; when the base version had them, the finding names the change
 * (removed, renamed, retyped) and where the spec had it.
 */
export function checkConsumer(consumer: string, usage: ConsumerUsage, specs: readonly SpecVersions[]): ConsumerCheck {
  const findings: Finding[] = [];
  const resolvedCalls: ConsumerCheck['resolvedCalls'] = [];
  for (const call of usage.calls) {
    const at: ConsumerLocation = { project: consumer, ...call.location };
    const matched = findOperation(call, specs, 'head');
    if (matched) {
      resolvedCalls.push({ call, spec: matched.versions.name, operation: matched.operation });
      for (const field of call.responseFields) {
        const finding = checkResponseField(consumer, field, matched.versions, matched.operation);
        if (finding) findings.push(finding);
      }
      continue;
    }
    const removed = findOperation(call, specs, 'base');
    if (removed) {
      findings.push(
        createFinding({
          rule: endpointRemoved,
          args: { operation: describe(removed.operation), consumer },
          spec: removed.versions.name,
          specFile: removed.versions.file,
          operation: describe(removed.operation),
          baseLocation: removed.operation.location,
          consumer: at,
        }),
      );
      continue;
    }
    const unknown = unknownOperationFinding(consumer, call, at, specs);
    if (unknown) findings.push(unknown);
  }
  return { findings: mergeFindings(findings), resolvedCalls };
}

function findOperation(call: CallSite, specs: readonly SpecVersions[], side: 'head' | 'base') {
  for (const versions of specs) {
    const indexed = versions[side];
    if (!indexed) continue;
    const resolution = resolveCall(call.method, call.urlTemplate, indexed.operations);
    if (resolution.kind === 'matched') return { versions, operation: resolution.operation };
  }
  return undefined;
}

function unknownOperationFinding(consumer: string, call: CallSite, at: ConsumerLocation, specs: readonly SpecVersions[]): Finding | undefined {
  const callText = `${call.method} ${call.urlTemplate}`;
  for (const versions of specs) {
    const resolution = resolveCall(call.method, call.urlTemplate, versions.head.operations);
    if (resolution.kind === 'unrelated' || resolution.kind === 'matched') continue;
    const nearest = resolution.kind === 'path-not-found' ? resolution.nearest : resolution.candidates[0];
    const suggestion = describe(nearest);
    return createFinding({
      rule: consumerUnknownOperation,
      args: { call: callText, consumer, suggestion },
      spec: versions.name,
      specFile: versions.file,
      operation: callText,
      specLocation: nearest.location,
      consumer: at,
    });
  }
  return undefined;
}

function checkResponseField(consumer: string, field: FieldUse, versions: SpecVersions, operation: Operation): Finding | undefined {
  const head = versions.head.spec;
  const lookup = lookupField(head, successResponseSchemas(head, operation), field.path);
  const at: ConsumerLocation = { project: consumer, ...field.location };
  const common = { spec: versions.name, specFile: versions.file, operation: describe(operation), consumer: at };
  const baseOperation = versions.base?.operations.find((candidate) => candidate.key === operation.key);
  const base = versions.base?.spec;
  if (lookup.kind === 'open') return undefined;
  if (lookup.kind === 'found') {
    if (!base || !baseOperation) return undefined;
    const before = lookupField(base, successResponseSchemas(base, baseOperation), field.path);
    if (before.kind !== 'found' || before.types.length === 0 || lookup.types.length === 0) return undefined;
    if (before.types.join('|') === lookup.types.join('|')) return undefined;
    return createFinding({
      rule: responsePropertyTypeChanged,
      args: { operation: describe(operation), property: field.path, consumer, from: before.types.join(' | '), to: lookup.types.join(' | ') },
      ...common,
      property: field.path,
      specLocation: lookup.location,
      baseLocation: before.location,
    });
  }
  const property = lookup.missingPath;
  const before = base && baseOperation ? lookupField(base, successResponseSchemas(base, baseOperation), property) : undefined;
  if (before?.kind === 'found') {
    const baseSiblings = propertyNamesAt(base as LoadedSpec, successResponseSchemas(base as LoadedSpec, baseOperation as Operation), parentPath(property));
    const renamedTo = renameCandidate(lastSegment(property), lookup.siblings.filter((name) => !baseSiblings.includes(name)));
    return createFinding({
      rule: responsePropertyRemoved,
      args: { operation: describe(operation), property, consumer, renamedTo },
      ...common,
      property,
      specLocation: lookup.location,
      baseLocation: before.location,
    });
  }
  return createFinding({
    rule: consumerUnknownResponseProperty,
    args: { operation: describe(operation), property, consumer, known: lookup.siblings },
    ...common,
    property,
    specLocation: lookup.location,
  });
}

/** A new property whose name looks like the old one (`email` → `emailAddress`), if exactly one does. */
export function renameCandidate(removed: string, added: readonly string[]): string | undefined {
  const lower = removed.toLowerCase();
  const similar = added.filter((name) => {
    const candidate = name.toLowerCase();
    return candidate.includes(lower) || lower.includes(candidate) || editDistance(candidate, lower) <= 2;
  });
  return similar.length === 1 ? similar[0] : undefined;
}

function lastSegment(path: string): string {
  const segments = fieldSegments(path).filter((segment) => segment !== '[]');
  return segments[segments.length - 1] ?? path;
}

function parentPath(path: string): string {
  const segments = fieldSegments(path);
  return joinFieldSegments(segments.slice(0, -1));
}

/** `GET /api/users/{id}` */
export function describe(operation: Operation): string {
  return `${operation.method} ${operation.path}`;
}
