import type { IndexedSpec } from '../../check/check-consumer';
import { bodyChangeFlaggedByOpenapiDiff } from '../../rules/body-change-flagged-by-openapi-diff';
import type { LoadedSpec, SpecNode } from '../../spec/load-spec';
import { operationRequestBody, operationResponses } from '../../spec/operation-parts';
import type { Operation } from '../../spec/operations';
import type { SpecChange } from '../diff-specs';
import { bodiesDocument } from './bodies-document';
import { runOpenApiDiff, type OpenApiDiffJob, type OpenApiDiffOutcome } from './run-openapi-diff';

export interface SecondOpinionOptions {
  /** How long openapi-diff may take over one operation; past it, the operation is skipped with a note. */
  budgetMs?: number;
  /** Ask only about these operation keys (a consumer's check asks about the operations it calls). */
  operations?: ReadonlySet<string>;
}

export const DEFAULT_SECOND_OPINION_BUDGET_MS = 5_000;

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
  const jobs: Array<OpenApiDiffJob & { before: Operation; after: Operation }> = [];
  for (const key of wanted) {
    const before = base.operations.find((operation) => operation.key === key);
    const after = head.operations.find((operation) => operation.key === key);
    if (!before || !after) continue;
    const baseDocument = bodiesDocument(base.spec, before);
    const headDocument = bodiesDocument(head.spec, after);
    const skipped = [baseDocument, headDocument].find((document) => document.kind === 'skipped');
    if (skipped?.kind === 'skipped') {
      notes.push(`${describe(after)}: bodies not double-checked by openapi-diff: ${skipped.reason}.`);
      continue;
    }
    if (baseDocument.kind !== 'document' || headDocument.kind !== 'document') continue;
    // Only parameters, headers or wording changed: the bodies openapi-diff would compare are equal.
    if (JSON.stringify(baseDocument.document) === JSON.stringify(headDocument.document)) continue;
    jobs.push({ key, base: baseDocument.document, head: headDocument.document, before, after });
  }

  const budgetMs = options.budgetMs ?? DEFAULT_SECOND_OPINION_BUDGET_MS;
  const outcomes = jobs.length > 0 ? runOpenApiDiff(jobs.map(({ key, base: b, head: h }) => ({ key, base: b, head: h })), budgetMs) : [];
  const flagged: SpecChange[] = [];
  outcomes.forEach((outcome, index) => {
    const job = jobs[index];
    const note = outcomeNote(outcome, job.after);
    if (note) notes.push(note);
    if (outcome.kind !== 'compared') return;
    flagged.push(...unexplainedBodyChanges(outcome, job.after, head.spec, changes));
  });
  return { changes: flagged, notes: notes.sort() };
}

function outcomeNote(outcome: OpenApiDiffOutcome, operation: Operation): string | undefined {
  if (outcome.kind === 'failed') return `${describe(operation)}: bodies not double-checked: openapi-diff failed: ${outcome.reason}.`;
  if (outcome.kind === 'timed-out') return `${describe(operation)}: bodies not double-checked: openapi-diff took longer than ${outcome.budgetMs} ms and was stopped.`;
  return undefined;
}

/** A breaking difference of openapi-diff's, located: which body of the operation it concerns. */
interface BodyDifference {
  side: 'request' | 'response';
  status?: string;
  mediaType: string;
}

function unexplainedBodyChanges(outcome: Extract<OpenApiDiffOutcome, { kind: 'compared' }>, operation: Operation, head: LoadedSpec, changes: readonly SpecChange[]): SpecChange[] {
  const explained = (side: 'request' | 'response') => changes.some((change) => change.operationKey === operation.key && change.category === 'breaking' && (change.direction === side || change.direction === 'operation'));
  const seen = new Set<string>();
  const result: SpecChange[] = [];
  for (const breaking of outcome.breaking) {
    const difference = locateBodyDifference(breaking.code, breaking.location);
    if (!difference || explained(difference.side)) continue;
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
  const name = describe(operation);
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

function bodyNode(spec: LoadedSpec, operation: Operation, difference: BodyDifference): SpecNode | undefined {
  const media = difference.side === 'request' ? operationRequestBody(spec, operation)?.media : operationResponses(spec, operation).get(difference.status ?? '')?.media;
  return media?.get(difference.mediaType.toLowerCase()) ?? (difference.side === 'request' ? operationRequestBody(spec, operation)?.node : operationResponses(spec, operation).get(difference.status ?? '')?.node);
}

function describe(operation: Operation): string {
  return `${operation.method} ${operation.path}`;
}
