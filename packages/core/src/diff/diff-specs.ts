import type { IndexedSpec } from '../check/check-consumer';
import { compareText } from '../compare-text';
import type { InputProblem, SpecLocation } from '../model';
import { DIFF_RULES } from '../rules/registry';
import type { AnyDiffRule, Detection, Scope, UsageMatch } from '../rules/diff-rule';
import type { Category, Direction, Severity } from '../rules/rule';
import { childPath, fieldSegments, ITEMS, joinFieldSegments } from '../spec/field-path';
import { createNodeHasher } from '../spec/fingerprint';
import { createSameMeaning, type SameMeaning } from '../spec/same-meaning';
import { isObjectLike, sortProblems, type LoadedSpec, type SpecNode } from '../spec/load-spec';
import { operationParameters, operationRequestBody, operationResponses, operationSecurity, pathLevelParameters, swaggerMediaTypesOf } from '../spec/operation-parts';
import { describeOperation, listWebhooks, once, type Operation } from '../spec/operations';
import type { OperationSide, ScopeInputs, SchemaSubject } from './inputs';
import { matchAlternatives } from './match-alternatives';
import { pairParameters } from './pair-parameters';
import { createSchemaViews, type SchemaView } from './schema-view';
import { secondOpinion, type SecondOpinionOptions } from './second-opinion/second-opinion';

/** One change between two versions of a spec, as a rule words it; not yet matched to consumers. */
export interface SpecChange {
  ruleId: string;
  /** The rule's default severity. */
  severity: Severity;
  direction: Direction;
  category: Category;
  usage: UsageMatch;
  /** `GET /api/users/{id}` (head path when the operation still exists). */
  operation: string;
  /** `GET /api/users/{}` */
  operationKey: string;
  /** `user.lastLogin`, `items[].title`; '' or absent for the body or the operation itself. */
  property?: string;
  /** The response status the change concerns, for response changes. */
  status?: string;
  message: string;
  hint: string;
  /** The rule's arguments as stable JSON: tells apart two changes of one rule at one place (two keywords, say). */
  detail: string;
  specLocation?: SpecLocation;
  baseLocation?: SpecLocation;
  /**
   * Set when the change was lowered to info because the operation was `x-stability-level: draft`
   * or `alpha` at the base: the severity and message a consumer that uses it gets (the spec
   * promised it nothing, but its code breaks all the same).
   */
  whenUsed?: { severity: Severity; message: string };
  /**
   * Where the body the change was found in comes back to itself (a recursive schema), one list per
   * body (media type) it was found in, each sorted. The walk compares a schema pair once and stops
   * where it meets the pair again, so a change at `size` of a tree node is also a change at
   * `children[].size`, `children[].children[].size`, ... : `{ at: '', repeat: 'children[]' }`.
   * Absent when no such body is recursive.
   */
  loops?: FieldLoop[][];
}

/** Path `at` + `repeat` holds the same schemas (base and head) as path `at`. */
export interface FieldLoop {
  at: string;
  repeat: string;
}

export interface DiffOptions {
  /** The date sunset dates are compared with; defaults to now. */
  now?: Date;
  /** The rules to run; defaults to every diff rule of the registry. */
  rules?: readonly AnyDiffRule[];
  /**
   * Also ask openapi-diff about the bodies of changed operations (`body-change-flagged-by-openapi-diff`).
   * Off unless given: it costs a worker thread and ~100–300 ms per operation with changed bodies.
   */
  secondOpinion?: SecondOpinionOptions;
}

export interface SpecDiff {
  changes: SpecChange[];
  /** Keys of operations whose resolved fingerprint differs (present in both versions). */
  changedOperations: string[];
  addedOperations: string[];
  removedOperations: string[];
  /** Operations whose comparison ran out of budget (`diff-budget-exceeded`), sorted by location. */
  problems: InputProblem[];
  /** What the diff did not cover and why (bodies openapi-diff did not double-check), sorted. */
  notes: string[];
}

const MAX_WALK_DEPTH = 64;

/** The composition keywords whose members are compared pair by pair (`allOf` members are merged into the view). */
const ALTERNATIVES = ['oneOf', 'anyOf'] as const;

/**
 * How many schema pairs the comparison of one operation may visit. A schema reached along many
 * paths (a component used twice at every level, `oneOf` alternatives of `oneOf`s) is compared once
 * per path, because findings name the path; that count can grow exponentially. Real operations
 * need a few hundred steps. A count, not a clock, so every machine stops at the same place.
 */
export const MAX_DIFF_STEPS = 10_000;

/**
 * Compares two versions of a spec: only operations whose resolved fingerprint changed (or that
 * were removed) are compared, rule by rule. Never throws; unresolvable parts are skipped.
 */
export function diffSpecs(base: IndexedSpec, head: IndexedSpec, options: DiffOptions = {}): SpecDiff {
  const engine = new DiffEngine(base.spec, head.spec, options);
  const baseOps = new Map(base.operations.map((operation) => [operation.key, operation]));
  const headOps = new Map(head.operations.map((operation) => [operation.key, operation]));
  const result: SpecDiff = { changes: [], changedOperations: [], addedOperations: [], removedOperations: [], problems: [], notes: [] };
  for (const [key, after] of headOps) {
    const before = baseOps.get(key);
    if (!before) {
      result.addedOperations.push(key);
      continue;
    }
    if (engine.sameOperation(before, after)) continue;
    result.changedOperations.push(key);
    engine.compareOperation(before, after);
  }
  const findReplacement = replacementFinder(head.operations.filter((operation) => !baseOps.has(operation.key)));
  for (const [key, before] of baseOps) {
    if (headOps.has(key)) continue;
    result.removedOperations.push(key);
    engine.compareOperation(before, undefined, findReplacement(before));
  }
  const headWebhooks = new Map(listWebhooks(head.spec).map((webhook) => [webhook.key, webhook]));
  for (const before of listWebhooks(base.spec)) engine.compareWebhook(before, headWebhooks.get(before.key));
  result.problems = sortProblems(engine.problems);
  if (options.secondOpinion) {
    const opinion = secondOpinion(base, head, result.changedOperations, engine.changes, options.secondOpinion);
    engine.changes.push(...opinion.changes);
    result.notes = opinion.notes;
  }
  lowerUnstable(engine.changes, base.operations);
  result.changes = engine.changes.sort(compareChanges);
  return result;
}

/**
 * Finds the head operation that looks like a removed one under another path shape (same method and
 * operationId, or same literal segments). Indexed once: with thousands of operations removed and
 * added, comparing every pair would take minutes.
 */
function replacementFinder(added: readonly Operation[]): (removed: Operation) => Operation | undefined {
  const literal = (path: string) => path.replace(/\{[^}]*\}/g, '{}').replace(/[^a-z0-9/{}]/gi, '').replace(/(\{\})+/g, '{}');
  const byId = new Map<string, Operation[]>();
  const byShape = new Map<string, Operation[]>();
  const add = (map: Map<string, Operation[]>, key: string, operation: Operation) => map.set(key, [...(map.get(key) ?? []), operation]);
  for (const operation of added) {
    if (operation.operationId) add(byId, `${operation.method} ${operation.operationId}`, operation);
    if (/\{/.test(operation.path)) add(byShape, `${operation.method} ${literal(operation.path)}`, operation);
  }
  return (removed) => {
    const sameId = removed.operationId ? (byId.get(`${removed.method} ${removed.operationId}`) ?? []) : [];
    if (sameId.length === 1 && (sameId[0].path.match(/\{/g) ?? []).length > 0) return sameId[0];
    const sameShape = byShape.get(`${removed.method} ${literal(removed.path)}`) ?? [];
    return sameShape.length === 1 ? sameShape[0] : undefined;
  };
}

/** Stability levels that promise nothing: their operations may change or go without notice. */
const UNSTABLE_LEVELS = new Set(['draft', 'alpha']);

/**
 * A breaking change of an operation whose base version is `x-stability-level: draft` or `alpha` is
 * reported as info: the spec told its consumers it may change without notice. Lifecycle policy
 * findings (and `stability-decreased`, for an operation that became unstable) keep their severity.
 * In place: the changes' locations are computed on first read, which copying would force.
 */
function lowerUnstable(changes: SpecChange[], baseOperations: readonly Operation[]): void {
  const unstable = new Map<string, string>();
  for (const operation of baseOperations) {
    const level = (operation.node.value as Record<string, unknown>)['x-stability-level'];
    if (typeof level === 'string' && UNSTABLE_LEVELS.has(level)) unstable.set(operation.key, level);
  }
  for (const change of changes) {
    const level = unstable.get(change.operationKey);
    if (!level || change.category !== 'breaking' || change.severity === 'info') continue;
    // A consumer that uses what changed still breaks: its check keeps the rule's severity and wording.
    change.whenUsed = { severity: change.severity, message: change.message };
    change.severity = 'info';
    change.message += ` (x-stability-level '${level}': reported as info)`;
  }
}

function compareChanges(a: SpecChange, b: SpecChange): number {
  return compareText(a.operation, b.operation) || compareText(a.ruleId, b.ruleId) || compareText(a.property ?? '', b.property ?? '') || compareText(a.status ?? '', b.status ?? '') || compareText(a.message, b.message);
}

class DiffEngine {
  readonly changes: SpecChange[] = [];
  readonly problems: InputProblem[] = [];
  /** Schema pairs visited for the current operation; past `MAX_DIFF_STEPS` the walk stops. */
  private steps = 0;
  /** Whether a base node and a head node mean the same: what comparing their hashes would say, found without hashing. */
  private readonly same: SameMeaning;
  private readonly view: { base: (node: SpecNode) => SchemaView | undefined; head: (node: SpecNode) => SchemaView | undefined };
  private readonly rulesByScope = new Map<Scope, AnyDiffRule[]>();
  private readonly now: Date;
  /** Changes by what tells them apart: the same component schema is often reached along several paths of one operation. */
  private readonly seen = new Map<string, SpecChange>();
  /** The body being walked: the loops its walk closes and the changes found in it. */
  private body: { loops: Map<string, FieldLoop>; changes: Set<SpecChange> } | undefined;

  constructor(
    private readonly base: LoadedSpec,
    private readonly head: LoadedSpec,
    options: DiffOptions,
  ) {
    // The hashers answer only walks too long for sameMeaning to finish (see `MAX_HASH_STEPS`).
    this.same = createSameMeaning(base, head, { base: createNodeHasher(base), head: createNodeHasher(head) });
    this.view = { base: createSchemaViews(base), head: createSchemaViews(head) };
    this.now = options.now ?? new Date();
    for (const rule of options.rules ?? DIFF_RULES) {
      const list = this.rulesByScope.get(rule.scope) ?? [];
      list.push(rule);
      this.rulesByScope.set(rule.scope, list);
    }
  }

  /**
   * True when the two versions of an operation resolve to the same thing: the operation itself,
   * its parameters (path-level ones included, in order) and the security that applies. The same
   * answer as comparing their fingerprints, without hashing either.
   */
  sameOperation(before: Operation, after: Operation): boolean {
    if (!this.same(before.node, after.node)) return false;
    if (JSON.stringify(operationSecurity(this.base, before) ?? null) !== JSON.stringify(operationSecurity(this.head, after) ?? null)) return false;
    if (JSON.stringify(swaggerMediaTypesOf(this.base, before) ?? null) !== JSON.stringify(swaggerMediaTypesOf(this.head, after) ?? null)) return false;
    // The operation's own parameters mean the same (they are part of it): when the path item's
    // shared ones do too, so do the merged lists, without building them.
    const basePathLevel = pathLevelParameters(this.base, before);
    const headPathLevel = pathLevelParameters(this.head, after);
    if (basePathLevel === undefined ? headPathLevel === undefined : headPathLevel !== undefined && this.same(basePathLevel, headPathLevel)) return true;
    const baseParameters = operationParameters(this.base, before);
    const headParameters = operationParameters(this.head, after);
    if (baseParameters.length !== headParameters.length) return false;
    return baseParameters.every((part, index) => this.same(part.node, headParameters[index].node));
  }

  compareOperation(before: Operation, after: Operation | undefined, replacement?: Operation): void {
    const name = describeOperation(after ?? before);
    const key = (after ?? before).key;
    const side = (spec: LoadedSpec, operation: Operation): OperationSide => ({
      spec,
      operation,
      value: operation.node.value as Record<string, unknown>,
      security: operationSecurity(spec, operation),
      parameters: operationParameters(spec, operation),
    });
    this.steps = 0;
    const baseSide = side(this.base, before);
    const headSide = after ? side(this.head, after) : undefined;
    this.run('operation', { operation: name, base: baseSide, head: headSide, replacement: replacement ? side(this.head, replacement) : undefined, now: this.now }, key);
    this.run('deprecation', { operation: name, kind: 'operation', name, base: { node: before.node, value: baseSide.value }, head: headSide && { node: headSide.operation.node, value: headSide.value }, now: this.now }, key);
    if (!after || !headSide) return;

    const parameters = pairParameters(baseSide.parameters, headSide.parameters);
    for (const { base, head } of parameters.pairs) {
      const item = { operation: name, kind: 'parameter' as const, name: head.name, base: { node: base.node, value: base.node.value as Record<string, unknown> }, head: { node: head.node, value: head.node.value as Record<string, unknown> }, now: this.now };
      this.run('deprecation', item, key);
      if (base.schema && head.schema) this.walk('parameter', name, key, head.name, undefined, base.schema, head.schema, 0, { name: head.name, in: head.in });
    }
    for (const head of parameters.added) {
      this.run('deprecation', { operation: name, kind: 'parameter', name: head.name, head: { node: head.node, value: head.node.value as Record<string, unknown> }, now: this.now }, key);
    }
    this.run('parameters', { operation: name, base: baseSide.parameters, head: headSide.parameters, now: this.now }, key);

    const baseBody = operationRequestBody(this.base, before);
    const headBody = operationRequestBody(this.head, after);
    this.run('request-body', { operation: name, base: baseBody, head: headBody }, key);
    if (baseBody && headBody) {
      for (const [mediaType, baseSchema] of baseBody.media) {
        const headSchema = headBody.media.get(mediaType);
        if (baseSchema && headSchema) this.walkBody(() => this.walk('request', name, key, '', undefined, baseSchema, headSchema, 0));
      }
    }

    const baseResponses = operationResponses(this.base, before);
    const headResponses = operationResponses(this.head, after);
    this.run('responses', { operation: name, base: baseResponses, head: headResponses }, key);
    for (const [status, baseResponse] of baseResponses) {
      const headResponse = headResponses.get(status);
      if (!headResponse) continue;
      for (const [mediaType, baseSchema] of baseResponse.media) {
        const headSchema = headResponse.media.get(mediaType);
        if (baseSchema && headSchema) this.walkBody(() => this.walk('response', name, key, '', status, baseSchema, headSchema, 0));
      }
    }
    if (this.steps > MAX_DIFF_STEPS) {
      const at = after.location;
      this.problems.push({
        code: 'diff-budget-exceeded',
        message: `${name}: comparing the two versions stopped after ${MAX_DIFF_STEPS} schema steps (schemas reached along very many paths: nested oneOf/anyOf/allOf, or components used many times at every level); changes past that point are not reported`,
        location: { file: at.file, line: at.line, column: at.column },
        hint: `Changes found before the limit are listed. Give the repeated parts of ${name} a simpler shape (fewer nested alternatives); the limit keeps a check from running for minutes.`,
      });
    }
  }

  /**
   * Compares a webhook in two versions. The API sends its payload and the subscriber reads it, so
   * the payload is compared the way response bodies are (a removed or retyped field breaks the
   * subscriber; a field added, or the body becoming required, does not).
   */
  compareWebhook(before: Operation, after: Operation | undefined): void {
    const name = describeOperation(after ?? before);
    const side = (operation: Operation) => ({ node: operation.node, value: operation.node.value as Record<string, unknown> });
    this.steps = 0;
    this.run('webhook', { operation: name, base: side(before), head: after && side(after) }, before.key);
    if (!after || this.same(before.node, after.node)) return;
    const basePayload = operationRequestBody(this.base, before);
    const headPayload = operationRequestBody(this.head, after);
    for (const [mediaType, baseSchema] of basePayload?.media ?? []) {
      const headSchema = headPayload?.media.get(mediaType);
      if (baseSchema && headSchema) this.walkBody(() => this.walk('response', name, before.key, '', undefined, baseSchema, headSchema, 0));
    }
  }

  /** Walks one body, then tells the changes found in it where it is recursive (see `SpecChange.loops`). */
  private walkBody(walk: () => void): void {
    const body = { loops: new Map<string, FieldLoop>(), changes: new Set<SpecChange>() };
    this.body = body;
    walk();
    this.body = undefined;
    if (body.loops.size === 0) return;
    const loops = [...body.loops.keys()].sort().map((id) => body.loops.get(id) as FieldLoop);
    for (const change of body.changes) {
      // Two media types of one response often share their schema, and so their loops.
      const known = change.loops ?? [];
      if (!known.some((other) => sameLoops(other, loops))) change.loops = [...known, loops];
    }
  }

  /** Compares two schemas at the same place, then their properties, items and alternatives. */
  private walk(subject: SchemaSubject, operation: string, key: string, property: string, status: string | undefined, baseNode: SpecNode, headNode: SpecNode, depth: number, parameter?: { name: string; in: string }, stack: Array<{ before: SchemaView; after: SchemaView; property: string }> = []): void {
    if (depth > MAX_WALK_DEPTH || this.steps > MAX_DIFF_STEPS || this.same(baseNode, headNode)) return;
    if (++this.steps > MAX_DIFF_STEPS) return;
    const before = this.view.base(baseNode);
    const after = this.view.head(headNode);
    if (!before || !after) return;
    // Views are memoized per resolved node (file and pointer): the same two views are the same pair.
    const again = stack.find((entry) => entry.before === before && entry.after === after);
    if (again) {
      // The pair compared at `again.property` is met again here: whatever differs inside it
      // differs here too, and was (or will be) reported at the shorter path.
      this.closeLoop(again.property, property);
      return;
    }
    stack.push({ before, after, property });
    // Spelled out rather than spread from shared fields: a spread of objects of varying shapes, twice
    // per step, was the walk's largest own cost. Rules read an absent status or parameter as undefined.
    const at = status || undefined;
    this.run('schema', { subject, operation, property, status: at, parameter, base: before, head: after, same: this.same }, key);
    if (subject !== 'parameter' && (before.properties.size > 0 || after.properties.size > 0 || before.required.size > 0 || after.required.size > 0 || after.additionalProperties === false)) {
      const baseChild = (name: string) => childView(this.view.base, before, name);
      const headChild = (name: string) => childView(this.view.head, after, name);
      this.run('properties', { subject, operation, property, status: at, base: before, head: after, baseChild, headChild, unchanged: (name) => this.sameChild(before, after, name) }, key);
    }
    const next = (path: string, b: SpecNode, h: SpecNode) => this.walk(subject, operation, key, path, status, b, h, depth + 1, parameter, stack);
    {
      // forEach rather than for...of: no [name, node] entry array per property.
      before.properties.forEach((baseChild, name) => {
        const headChild = after.properties.get(name);
        // `walk` would stop at an unchanged pair too; asked here, it needs no path built.
        if (headChild && !this.same(baseChild, headChild)) next(childPath(property, name), baseChild, headChild);
      });
      if (before.additionalProperties && after.additionalProperties) next(childPath(property, '*'), before.additionalProperties, after.additionalProperties);
    }
    if (before.items && after.items) next(childPath(property, ITEMS), before.items, after.items);
    for (const keyword of ALTERNATIVES) {
      // With no members on one side, no pair of members changed.
      if (before[keyword].length === 0 || after[keyword].length === 0) continue;
      for (const [baseMember, headMember] of matchAlternatives(before[keyword], after[keyword], this.same).changed) next(property, baseMember, headMember);
    }
    stack.pop();
  }

  /** Whether property `name`, present on both sides, means the same in both. */
  private sameChild(before: SchemaView, after: SchemaView, name: string): boolean {
    const baseChild = before.properties.get(name);
    const headChild = after.properties.get(name);
    return baseChild !== undefined && headChild !== undefined && this.same(baseChild, headChild);
  }

  private closeLoop(at: string, back: string): void {
    const repeat = joinFieldSegments(fieldSegments(back).slice(fieldSegments(at).length));
    // Through `oneOf`/`anyOf` a pair can come back at the same path: nothing to fold then.
    if (!this.body || repeat === '') return;
    this.body.loops.set(`${at}\u0000${repeat}`, { at, repeat });
  }

  private run<S extends Scope>(scope: S, input: ScopeInputs[S], key: string): void {
    for (const rule of this.rulesByScope.get(scope) ?? []) {
      for (const detection of rule.detect(input) as Array<Detection<Record<string, unknown>>>) this.emit(rule, detection, input, key);
    }
  }

  private emit(rule: AnyDiffRule, detection: Detection<Record<string, unknown>>, input: { operation: string }, key: string): void {
    const property = detection.property || undefined;
    const status = detection.status;
    const message = rule.message(detection.args);
    // The same component schema is often reached along several paths of one operation.
    const id = `${rule.id}\u0000${key}\u0000${property ?? ''}\u0000${status ?? ''}\u0000${message}`;
    const known = this.seen.get(id);
    if (known) {
      this.body?.changes.add(known);
      return;
    }
    const change: SpecChange = {
      ruleId: rule.id,
      severity: rule.severity,
      direction: rule.direction,
      category: rule.category ?? 'breaking',
      usage: rule.usage,
      operation: input.operation,
      operationKey: key,
      ...(property !== undefined ? { property } : {}),
      ...(status ? { status } : {}),
      message,
      hint: rule.hint(detection.args),
      detail: JSON.stringify(detection.args),
    };
    // Located on first read: only the changes that become reported findings are ever located, and
    // finding a line costs a scan of the spec's text.
    const { head, base } = detection;
    if (head) defineOnFirstRead(change, 'specLocation', () => this.head.locate(head));
    if (base) defineOnFirstRead(change, 'baseLocation', () => this.base.locate(base));
    this.seen.set(id, change);
    this.body?.changes.add(change);
    this.changes.push(change);
  }
}

function sameLoops(a: readonly FieldLoop[], b: readonly FieldLoop[]): boolean {
  return a.length === b.length && a.every((loop, index) => loop.at === b[index].at && loop.repeat === b[index].repeat);
}

/** Gives `target` an enumerable property computed on its first read (JSON and spreads still see it). */
function defineOnFirstRead<T extends object, K extends keyof T>(target: T, key: K, compute: () => T[K]): void {
  const value = once(compute);
  Object.defineProperty(target, key, { enumerable: true, configurable: true, get: value });
}

function childView(view: (node: SpecNode) => SchemaView | undefined, parent: SchemaView, name: string): SchemaView | undefined {
  const node = parent.properties.get(name);
  return node && isObjectLike(node.value) ? view(node) : undefined;
}
