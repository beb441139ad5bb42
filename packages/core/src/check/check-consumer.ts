import type { CallSite, ConsumerUsage, FieldUse, InputProblem } from '../model';
import { diffSpecs, type SpecDiff } from '../diff/diff-specs';
import { renameCandidate } from '../diff/rename';
import { consumerUnknownOperation } from '../rules/consumer-unknown-operation';
import { consumerUnknownResponseProperty } from '../rules/consumer-unknown-response-property';
import { endpointRemoved } from '../rules/endpoint-removed';
import { responsePropertyRemoved } from '../rules/response-property-removed';
import type { LoadedSpec } from '../spec/load-spec';
import { resolveCallInSpecs, type NearMiss } from '../spec/match-call';
import { describeOperation, type Operation } from '../spec/operations';
import { fieldSegments, ITEMS, joinFieldSegments } from '../spec/field-path';
import { lookupField, propertyNamesAt, successResponseSchemas } from '../spec/schema-fields';
import { specCheckOptions } from './spec-options';
import { createChangeFinding, createFinding, mergeFindings, type ConsumerLocation, type Finding } from './finding';
import { usesOfChange, type ResolvedCall } from './verdict';

export { renameCandidate };

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
  /** Comparisons of called operations that ran out of budget (`diff-budget-exceeded`). */
  problems: InputProblem[];
  /** What the diffs of the called operations did not cover (bodies openapi-diff did not double-check). */
  notes: string[];
}

export interface CheckConsumerOptions {
  /** The diff of each spec's base and head, when the caller has it already (keyed by spec file). */
  diffs?: Map<string, SpecDiff>;
  /** Passed to `diffSpecs`: the date sunset dates are compared with. */
  now?: Date;
  /** `false`: no openapi-diff second opinion on the called operations' bodies (specs can also turn it off). */
  secondOpinion?: boolean;
}

/**
 * Checks a consumer's usage against the specs: calls to operations and reads of response fields
 * that do not exist now are errors; every change since the base that the consumer uses (a call,
 * a field read or sent) is reported with the consumer's locations, at the rule's severity.
 */
export function checkConsumer(consumer: string, usage: ConsumerUsage, specs: readonly SpecVersions[], options: CheckConsumerOptions = {}): ConsumerCheck {
  const findings: Finding[] = [];
  const problems: InputProblem[] = [];
  const notes: string[] = [];
  const resolvedCalls: ConsumerCheck['resolvedCalls'] = [];
  const callsBySpec = new Map<SpecVersions, ResolvedCall[]>();
  const addCall = (versions: SpecVersions, call: CallSite, operation: Operation) => {
    const list = callsBySpec.get(versions) ?? [];
    list.push({ call, operationKey: operation.key });
    callsBySpec.set(versions, list);
  };
  for (const call of usage.calls) {
    const at: ConsumerLocation = { project: consumer, ...call.location };
    const head = resolveCallInSpecs(call.method, call.urlTemplate, specs, (versions) => versions.head.operations);
    if (head.kind === 'matched') {
      const before = lostTarget(call, head.spec, head.operation, specs);
      if (before) {
        // The operation it called is gone and the URL now happens to fit another one: the break is the removal.
        addCall(before.spec, call, before.operation);
        continue;
      }
      resolvedCalls.push({ call, spec: head.spec.name, operation: head.operation });
      addCall(head.spec, call, head.operation);
      continue;
    }
    if (head.kind === 'ambiguous') {
      // Checking its fields against either operation would report errors the code does not have, or miss real ones.
      notes.push(ambiguousCallNote(consumer, call, head.candidates));
      continue;
    }
    const removed = resolveCallInSpecs(call.method, call.urlTemplate, specs, (versions) => versions.base?.operations);
    if (removed.kind === 'matched') {
      addCall(removed.spec, call, removed.operation);
      continue;
    }
    const unknown = unknownOperationFinding(consumer, call, at, head.nearMisses);
    if (unknown) findings.push(unknown);
  }

  for (const [versions, calls] of callsBySpec) {
    const given = options.diffs?.get(versions.file);
    const diff = versions.base ? (given ?? diffCalledOperations({ ...versions, base: versions.base }, calls, options)) : undefined;
    if (diff && !given) notes.push(...diff.notes);
    const explained = new Set<string>();
    if (diff && diff.problems.length > 0) {
      const called = new Set(calls.map((entry) => operationOf(versions, entry)).flatMap((found) => (found?.side === 'head' ? [locationKey(found.operation.location)] : [])));
      problems.push(...diff.problems.filter((problem) => called.has(locationKey(problem.location))));
    }
    for (const change of diff?.changes ?? []) {
      const uses = usesOfChange(change, calls);
      if (uses.length === 0) continue;
      if (change.usage === 'read' && change.property) for (const use of uses) explained.add(`${use.file}:${use.line}:${use.column}`);
      if (change.usage === 'call' && change.direction === 'operation') explained.add(change.operationKey);
      const used = change.whenUsed ? { ...change, ...change.whenUsed } : change;
      findings.push(
        createChangeFinding({
          change: used,
          spec: versions.name,
          specFile: versions.file,
          severity: used.severity,
          consumer,
          consumers: uses.map((use) => ({ project: consumer, ...use })),
        }),
      );
    }
    for (const { call, operation } of calls.map((entry) => ({ call: entry.call, operation: operationOf(versions, entry) }))) {
      if (!operation) continue;
      if (operation.side === 'base') {
        if (explained.has(operation.operation.key)) continue;
        findings.push(removedOperationFinding(consumer, call, versions, operation.operation));
        continue;
      }
      for (const field of call.responseFields) {
        if (explained.has(`${field.location.file}:${field.location.line}:${field.location.column}`)) continue;
        const finding = checkResponseField(consumer, field, versions, operation.operation);
        if (finding) findings.push(finding);
      }
    }
  }
  return { findings: mergeFindings(findings), resolvedCalls, problems, notes: [...new Set(notes)].sort() };
}

/** The diff of a consumed spec, with openapi-diff asked only about the operations this consumer calls. */
function diffCalledOperations(versions: SpecVersions & { base: IndexedSpec }, calls: readonly ResolvedCall[], options: CheckConsumerOptions): SpecDiff {
  const secondOpinion = options.secondOpinion !== false && specCheckOptions(versions.head.spec).secondOpinion;
  return diffSpecs(versions.base, versions.head, { now: options.now, ...(secondOpinion ? { secondOpinion: { operations: new Set(calls.map((call) => call.operationKey)) } } : {}) });
}

function locationKey(location: { file: string; line: number; column: number }): string {
  return `${location.file}:${location.line}:${location.column}`;
}

function operationOf(versions: SpecVersions, entry: ResolvedCall): { side: 'head' | 'base'; operation: Operation } | undefined {
  const head = versions.head.operations.find((operation) => operation.key === entry.operationKey);
  if (head) return { side: 'head', operation: head };
  const base = versions.base?.operations.find((operation) => operation.key === entry.operationKey);
  return base ? { side: 'base', operation: base } : undefined;
}

/** A call to an operation that only the base has, when no rule explained its removal (it was deprecated and past its sunset, say): it still cannot work. */
function removedOperationFinding(consumer: string, call: CallSite, versions: SpecVersions, operation: Operation): Finding {
  const name = describeOperation(operation);
  return createChangeFinding({
    change: {
      ruleId: endpointRemoved.id,
      severity: endpointRemoved.severity,
      direction: endpointRemoved.direction,
      category: 'breaking',
      usage: 'call',
      operation: name,
      operationKey: operation.key,
      message: endpointRemoved.message({ operation: name }),
      hint: endpointRemoved.hint({ operation: name }),
      detail: JSON.stringify({ operation: name }),
      baseLocation: operation.location,
    },
    spec: versions.name,
    specFile: versions.file,
    severity: 'error',
    consumer,
    consumers: [{ project: consumer, ...call.location }],
  });
}

/**
 * The operation a call resolved to at the base when that operation no longer exists and the call
 * now fits another one: `{}/users/{}` called `GET /users/{id}`; with it removed it fits
 * `GET /orgs/{org}/users/{id}`, which the code was never written against.
 */
function lostTarget(call: CallSite, headSpec: SpecVersions, headOperation: Operation, specs: readonly SpecVersions[]): { spec: SpecVersions; operation: Operation } | undefined {
  if (!specs.some((versions) => versions.base)) return undefined;
  const base = resolveCallInSpecs(call.method, call.urlTemplate, specs, (versions) => versions.base?.operations);
  if (base.kind !== 'matched' || (base.spec === headSpec && base.operation.key === headOperation.key)) return undefined;
  const stillThere = base.spec.head.operations.some((operation) => operation.key === base.operation.key);
  return stillThere ? undefined : { spec: base.spec, operation: base.operation };
}

/** A call that several operations fit equally well: it is not checked, and the report says so. */
export function ambiguousCallNote(consumer: string, call: CallSite, candidates: ReadonlyArray<{ operation: Operation }>): string {
  const where = `${call.location.file}:${call.location.line}:${call.location.column}`;
  const operations = candidates.map(({ operation }) => describeOperation(operation)).join(', ');
  return `${consumer}: ${call.method} ${call.urlTemplate} (${where}) fits ${operations} equally well, so it is not checked; write more of its path (or declare it in the usage manifest) to say which`;
}

function unknownOperationFinding(consumer: string, call: CallSite, at: ConsumerLocation, nearMisses: ReadonlyArray<{ spec: SpecVersions; resolution: NearMiss }>): Finding | undefined {
  const first = nearMisses[0];
  if (!first) return undefined;
  const { spec: versions, resolution } = first;
  const callText = `${call.method} ${call.urlTemplate}`;
  const nearest = resolution.kind === 'path-not-found' ? resolution.nearest : resolution.candidates[0];
  return createFinding({
    rule: consumerUnknownOperation,
    args: { call: callText, consumer, suggestion: describeOperation(nearest) },
    spec: versions.name,
    specFile: versions.file,
    operation: callText,
    specLocation: nearest.location,
    consumer: at,
  });
}

function checkResponseField(consumer: string, field: FieldUse, versions: SpecVersions, operation: Operation): Finding | undefined {
  const head = versions.head.spec;
  const lookup = lookupField(head, successResponseSchemas(head, operation), field.path);
  if (lookup.kind !== 'missing') return undefined;
  const at: ConsumerLocation = { project: consumer, ...field.location };
  const common = { spec: versions.name, specFile: versions.file, operation: describeOperation(operation), consumer: at };
  const baseOperation = versions.base?.operations.find((candidate) => candidate.key === operation.key);
  const base = versions.base?.spec;
  const property = lookup.missingPath;
  const before = base && baseOperation ? lookupField(base, successResponseSchemas(base, baseOperation), property) : undefined;
  if (before?.kind === 'found') {
    // The diff did not see this removal (the field moved between alternatives, say): report it from the read.
    const baseSiblings = propertyNamesAt(base as LoadedSpec, successResponseSchemas(base as LoadedSpec, baseOperation as Operation), parentPath(property));
    const renamedTo = renameCandidate(lastSegment(property), lookup.siblings.filter((name) => !baseSiblings.includes(name)));
    const args = { operation: describeOperation(operation), property, ...(renamedTo ? { renamedTo } : {}) };
    return createChangeFinding({
      change: {
        ruleId: responsePropertyRemoved.id,
        severity: responsePropertyRemoved.severity,
        direction: responsePropertyRemoved.direction,
        category: 'breaking',
        usage: 'read',
        operation: describeOperation(operation),
        operationKey: operation.key,
        property,
        message: responsePropertyRemoved.message(args),
        hint: responsePropertyRemoved.hint(args),
        detail: JSON.stringify(args),
        specLocation: lookup.location,
        baseLocation: before.location,
      },
      spec: versions.name,
      specFile: versions.file,
      severity: 'error',
      consumer,
      consumers: [at],
    });
  }
  return createFinding({
    rule: consumerUnknownResponseProperty,
    args: { operation: describeOperation(operation), property, consumer, known: lookup.siblings },
    ...common,
    property,
    specLocation: lookup.location,
  });
}

function lastSegment(path: string): string {
  const segments = fieldSegments(path).filter((segment) => segment !== ITEMS);
  return segments[segments.length - 1] ?? path;
}

function parentPath(path: string): string {
  const segments = fieldSegments(path);
  return joinFieldSegments(segments.slice(0, -1));
}

