import type { IndexedSpec } from '../../check/check-consumer';
import { bodyChangeFlaggedByOpenapiDiff } from '../../rules/body-change-flagged-by-openapi-diff';
import type { LoadedSpec, SpecNode } from '../../spec/load-spec';
import { operationRequestBody, operationResponses } from '../../spec/operation-parts';
import { describeOperation, type Operation } from '../../spec/operations';
import type { SpecChange } from '../diff-specs';
import { bodiesDocument } from './bodies-document';
import { runOpenApiDiff, type OpenApiDiffJob, type OpenApiDiffOutcome } from './run-openapi-diff';

export interface SecondOpinionOptions {
  /** How long openapi-diff may take over one operation; past it, the operation is skipped with a note. */
  budgetMs?: number;
  /** How long it may take over all operations of one diff; operations after that are not asked about. */
  totalBudgetMs?: number;
  /** Ask only about these operation keys (a consumer's check asks about the operations it calls). */
  operations?: ReadonlySet<string>;
  /** How many operations with body changes (and no breaking finding of ours) to ask about, in key order; the rest are counted in a note. */
  maxOperations?: number;
}

/**
 * Clocks, not counts (DESIGN.md asks for a time budget: openapi-diff's time is not predictable from
 * the body's size — on GitHub's spec, bodies of 90 schema objects took from 0.3 s to 8 s). The count
 * limits in bodies-document.ts skip the known slow shapes first, so the clocks rarely decide.
 */
export const DEFAULT_SECOND_OPINION_BUDGET_MS = 3_000;
export const DEFAULT_SECOND_OPINION_TOTAL_BUDGET_MS = 15_000;

/**
 * openapi-diff takes 0.1–0.4 s per operation: a release that touches hundreds (GitHub's REST
 * description changes ~400 between majors) would add minutes. A count, so every machine asks
 * about the same operations.
 */
export const DEFAULT_SECOND_OPINION_MAX_OPERATIONS = 40;

export interface SecondOpinion {
  /** `body-change-flagged-by-openapi-diff` changes: what openapi-diff calls breaking and no rule explained. */
  changes: SpecChange[];
  /** What was not double-checked and why, sorted. */
  notes: string[];
}

/**
 * Asks openapi-diff about the request and response bodies of the changed operations, and reports
 * each body it calls broken where our rules found no breaking change in that operation and
 * direction, so a change no rule of ours knows cannot pass unnoticed. openapi-diff never sees
 * the whole spec: one small, ref-free document per operation (see DESIGN.md on its limits).
 */
export function secondOpinion(base: IndexedSpec, head: IndexedSpec, changedOperations: readonly string[], changes: readonly SpecChange[], options: SecondOpinionOptions = {}): SecondOpinion {
  const wanted = changedOperations.filter((key) => !options.operations || options.operations.has(key));
  if (wanted.length === 0) return { changes: [], notes: [] };
  const unreadable = [base.spec, head.spec].find((spec) => spec.version === '3.1');
  if (unreadable) return { changes: [], notes: [`${head.spec.file}: request and response bodies were not double-checked by openapi-diff, which reads OpenAPI 3.0 and Swagger 2.0 only (this spec is 3.1).`] };

  const notes: string[] = [];
  const unchecked = new Map<string, string[]>();
  const leaveUnchecked = (reason: string, operation: Operation) => unchecked.set(reason, [...(unchecked.get(reason) ?? []), describeOperation(operation)]);
  const baseOperations = new Map(base.operations.map((operation) => [operation.key, operation]));
  const headOperations = new Map(head.operations.map((operation) => [operation.key, operation]));
  // Jobs hold plain documents only: they are copied to the worker thread.
  const jobs: OpenApiDiffJob[] = [];
  for (const key of wanted) {
    const before = baseOperations.get(key);
    const after = headOperations.get(key);
    if (!before || !after) continue;
    const baseDocument = bodiesDocument(base.spec, before);
    const headDocument = bodiesDocument(head.spec, after);
    const skipped = [baseDocument, headDocument].find((document) => document.kind === 'skipped');
    if (skipped?.kind === 'skipped') {
      leaveUnchecked(skipped.reason, after);
      continue;
    }
    if (baseDocument.kind !== 'document' || headDocument.kind !== 'document') continue;
    // Its verdict on a body counts only where our rules found nothing breaking in that body (see
    // `unexplainedBodyChanges`), and a body that is equal has nothing to find (only parameters,
    // headers or wording changed): when no body is left, the worker is not started.
    const explained = explainedBodies(changes, key);
    const open = changedBodies(baseDocument.document, headDocument.document).filter((body) => !explained.has(body) && !explained.has(WHOLE_OPERATION));
    if (open.length === 0) continue;
    jobs.push({ key, base: withNewOptionalRequestProperties(baseDocument.document, headDocument.document), head: headDocument.document });
  }

  const budgetMs = options.budgetMs ?? DEFAULT_SECOND_OPINION_BUDGET_MS;
  const maxOperations = options.maxOperations ?? DEFAULT_SECOND_OPINION_MAX_OPERATIONS;
  if (jobs.length > maxOperations) {
    notes.push(`${head.spec.file}: ${jobs.length - maxOperations} of ${jobs.length} operations with body changes and no breaking finding of ours were not double-checked by openapi-diff (it is asked about ${maxOperations} per diff, in path order; our rules checked them all).`);
    jobs.length = maxOperations;
  }
  const totalMs = options.totalBudgetMs ?? DEFAULT_SECOND_OPINION_TOTAL_BUDGET_MS;
  const outcomes = jobs.length > 0 ? runOpenApiDiff(jobs, { perJobMs: budgetMs, totalMs }) : [];
  const notAsked = outcomes.filter((outcome) => outcome.kind === 'not-asked').length;
  if (notAsked > 0) notes.push(`${head.spec.file}: ${notAsked} of ${jobs.length} operations with body changes and no breaking finding of ours were not double-checked by openapi-diff: its ${totalMs / 1000} s for this diff ran out (our rules checked them all).`);
  const flagged: SpecChange[] = [];
  for (const outcome of outcomes) {
    const operation = headOperations.get(outcome.key) as Operation;
    if (outcome.kind === 'failed') leaveUnchecked(`openapi-diff failed: ${outcome.reason}`, operation);
    if (outcome.kind === 'timed-out') leaveUnchecked(`openapi-diff was stopped after ${budgetMs / 1000} s on one operation`, operation);
    if (outcome.kind === 'compared') flagged.push(...unexplainedBodyChanges(outcome, operation, head.spec, changes, (difference) => bodyNode(base.spec, baseOperations.get(outcome.key) as Operation, difference, true) !== undefined));
  }
  for (const [reason, operations] of unchecked) notes.push(uncheckedNote(head.spec.file, reason, operations));
  return { changes: flagged, notes: notes.sort() };
}

/** One note per reason, naming a few operations: a large release can leave hundreds unchecked. */
function uncheckedNote(file: string, reason: string, operations: readonly string[]): string {
  const shown = operations.slice(0, 3).join(', ');
  const which = operations.length === 1 ? shown : `${operations.length} operations (${shown}${operations.length > 3 ? ` and ${operations.length - 3} more` : ''})`;
  return `${file}: openapi-diff did not double-check the bodies of ${which}: ${reason}.`;
}

/** A breaking difference of openapi-diff's, located: which body of the operation it concerns. */
interface BodyDifference {
  side: 'request' | 'response';
  status?: string;
  mediaType: string;
}

/** Which body of an operation: `request`, or `response <status>`. */
type BodyName = string;
const WHOLE_OPERATION = 'operation';
const bodyName = (side: 'request' | 'response', status?: string): BodyName => (side === 'request' ? 'request' : `response ${status ?? ''}`);

/**
 * The bodies of an operation where our rules already found a breaking change (`operation` when a
 * finding concerns the whole operation: removed, path reshaped). By rule id, because ids are public
 * and never renamed: a parameter, header or security finding explains no body, so openapi-diff's
 * verdict on a body stays wanted even when the same operation broke elsewhere.
 */
function explainedBodies(changes: readonly SpecChange[], operationKey: string): Set<BodyName> {
  const bodies = new Set<BodyName>();
  for (const change of changes) {
    if (change.operationKey !== operationKey || change.category !== 'breaking') continue;
    if (change.direction === 'operation') bodies.add(WHOLE_OPERATION);
    else if (/^request-(body|property|composition)-/.test(change.ruleId)) bodies.add(bodyName('request'));
    else if (/^response-(property|composition|media-type|body|status|non-success-status)-/.test(change.ruleId) && change.status) bodies.add(bodyName('response', change.status));
  }
  return bodies;
}

/** The bodies whose text differs between the two one-operation documents. */
function changedBodies(base: object, head: object): BodyName[] {
  const before = operationOf(base);
  const after = operationOf(head);
  const text = (value: unknown) => JSON.stringify(value ?? null);
  const changed: BodyName[] = text(before.requestBody) !== text(after.requestBody) ? [bodyName('request')] : [];
  const statuses = [...new Set([...Object.keys(before.responses ?? {}), ...Object.keys(after.responses ?? {})])].sort();
  for (const status of statuses) if (text(before.responses?.[status]) !== text(after.responses?.[status])) changed.push(bodyName('response', status));
  return changed;
}

/** The one operation of a bodies document. */
function operationOf(document: object): { requestBody?: unknown; responses?: Record<string, unknown> } {
  const pathItem = Object.values((document as { paths: Record<string, Record<string, { requestBody?: unknown; responses?: Record<string, unknown> }>> }).paths)[0];
  return Object.values(pathItem)[0];
}

/**
 * The base document with the optional properties that the head version adds to its request body
 * schemas declared in the base too. Where the base left extra properties open, openapi-diff reads
 * a new optional `gift: boolean` as "no longer accepts `gift: 'x'`" and calls the body narrowed;
 * no client sends a field the spec never named, so adding an optional request property is not a
 * break (our rules and oasdiff agree). A base that constrained extra properties
 * (`additionalProperties` with a schema) keeps its meaning: there the change may really narrow.
 */
function withNewOptionalRequestProperties(base: object, head: object): object {
  const before = operationOf(base) as { requestBody?: { content?: Record<string, { schema?: unknown }> } };
  const after = operationOf(head) as { requestBody?: { content?: Record<string, { schema?: unknown }> } };
  for (const [mediaType, media] of Object.entries(before.requestBody?.content ?? {})) {
    const headSchema = after.requestBody?.content?.[mediaType]?.schema;
    if (media.schema !== undefined && headSchema !== undefined) declareNewOptionalProperties(media.schema, headSchema);
  }
  return base;
}

type PlainSchema = { properties?: Record<string, unknown>; required?: unknown; additionalProperties?: unknown; items?: unknown; allOf?: unknown; oneOf?: unknown; anyOf?: unknown };

function declareNewOptionalProperties(base: unknown, head: unknown): void {
  if (!isPlainObject(base) || !isPlainObject(head)) return;
  const before = base as PlainSchema;
  const after = head as PlainSchema;
  if (isPlainObject(after.properties)) {
    const required = new Set(Array.isArray(after.required) ? after.required : []);
    const openBefore = before.additionalProperties === undefined || before.additionalProperties === true || (isPlainObject(before.additionalProperties) && Object.keys(before.additionalProperties).length === 0);
    for (const [name, schema] of Object.entries(after.properties)) {
      if (before.properties && name in before.properties) declareNewOptionalProperties(before.properties[name], schema);
      else if (openBefore && !required.has(name)) before.properties = { ...before.properties, [name]: schema };
    }
  }
  declareNewOptionalProperties(before.items, after.items);
  for (const keyword of ['allOf', 'oneOf', 'anyOf'] as const) {
    const members = before[keyword];
    const headMembers = after[keyword];
    if (Array.isArray(members) && Array.isArray(headMembers) && members.length === headMembers.length) members.forEach((member, index) => declareNewOptionalProperties(member, headMembers[index]));
  }
}

function isPlainObject(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/**
 * openapi-diff's breaking differences in bodies where our rules found nothing breaking, one per
 * body. `hadBody` tells whether the base had the body a difference is located at: a media type (or
 * response) added in the head cannot break what worked before, yet openapi-diff sometimes compares
 * it against another media type of the base and calls that broken.
 */
function unexplainedBodyChanges(outcome: Extract<OpenApiDiffOutcome, { kind: 'compared' }>, operation: Operation, head: LoadedSpec, changes: readonly SpecChange[], hadBody: (difference: BodyDifference) => boolean): SpecChange[] {
  const explained = explainedBodies(changes, operation.key);
  const seen = new Set<string>();
  const result: SpecChange[] = [];
  for (const breaking of outcome.breaking) {
    const difference = locateBodyDifference(breaking.code, breaking.location);
    if (!difference || !hadBody(difference) || explained.has(WHOLE_OPERATION) || explained.has(bodyName(difference.side, difference.status))) continue;
    const id = `${difference.side} ${difference.status ?? ''} ${difference.mediaType}`;
    if (seen.has(id)) continue;
    seen.add(id);
    result.push(bodyChange(difference, operation, head));
  }
  return result;
}

/** `paths./users/{id}.get.responses.200.content.application/json.schema` → the 200 response's `application/json` body. */
export function locateBodyDifference(code: string, location: string): BodyDifference | undefined {
  if (code.startsWith('request.body.scope')) {
    const match = /\.requestBody\.content\.(.+)\.schema$/.exec(location);
    return match ? { side: 'request', mediaType: match[1] } : undefined;
  }
  if (code.startsWith('response.body.scope')) {
    const match = /\.responses\.([^.]+)\.content\.(.+)\.schema$/.exec(location);
    return match ? { side: 'response', status: match[1], mediaType: match[2] } : undefined;
  }
  return undefined;
}

function bodyChange(difference: BodyDifference, operation: Operation, head: LoadedSpec): SpecChange {
  const rule = bodyChangeFlaggedByOpenapiDiff;
  const name = describeOperation(operation);
  const args = {
    operation: name,
    body: difference.side === 'request' ? 'request body' : `${difference.status} response body`,
    mediaType: difference.mediaType,
    change: difference.side === 'request' ? 'no longer accepts every value it accepted' : 'can return values it could not return before',
  };
  const at = bodyNode(head, operation, difference);
  return {
    ruleId: rule.id,
    severity: rule.severity,
    direction: rule.direction,
    category: 'breaking',
    // openapi-diff does not name the field, so every caller of the operation is concerned.
    usage: 'call',
    operation: name,
    operationKey: operation.key,
    ...(difference.status ? { status: difference.status } : {}),
    message: rule.message(args),
    hint: rule.hint(args),
    detail: JSON.stringify(args),
    ...(at ? { specLocation: head.locate(at) } : {}),
  };
}

/** The body's schema in one version, else (unless `exact`) the request body or response it belongs to. */
function bodyNode(spec: LoadedSpec, operation: Operation, difference: BodyDifference, exact = false): SpecNode | undefined {
  const body = difference.side === 'request' ? operationRequestBody(spec, operation) : operationResponses(spec, operation).get(difference.status ?? '');
  return body?.media.get(difference.mediaType.toLowerCase()) ?? (exact ? undefined : body?.node);
}
