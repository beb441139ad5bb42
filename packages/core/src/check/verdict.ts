import type { FieldLoop, SpecChange } from '../diff/diff-specs';
import type { CallSite, FieldUse, SourceLocation } from '../model';
import { isSuccessStatus } from '../spec/operation-parts';
import { fieldSegments, joinFieldSegments } from '../spec/field-path';

/** A consumer call resolved to an operation key of the spec (head, or base for removed operations). */
export interface ResolvedCall {
  call: CallSite;
  operationKey: string;
}

/**
 * Where a consumer uses what a change concerns: the call sites of the operation (`call`), the
 * success-response reads of the property or anything inside it (`read`), the top-level request
 * fields it sends (`send`), or the calls that do not send a newly required field (`omit`).
 * Request parameters are matched at call level: usage extraction does not see query or header
 * parameters yet. In a recursive body a change is also at every repeat of the body's loops
 * (`SpecChange.loops`): a read of `children[].size` uses a change of `size` when `children[]`
 * comes back to the root.
 */
export function usesOfChange(change: SpecChange, calls: readonly ResolvedCall[]): SourceLocation[] {
  const uses: SourceLocation[] = [];
  const property = change.property ?? '';
  const loops = change.loops ?? [];
  const top = topLevel(property);
  for (const { call, operationKey } of calls) {
    if (operationKey !== change.operationKey) continue;
    switch (change.usage) {
      case 'call':
        uses.push(call.location);
        break;
      case 'read':
        if (change.status && !isSuccessStatus(change.status) && change.status !== 'DEFAULT') break;
        if (property === '') uses.push(call.location);
        else uses.push(...call.responseFields.filter((field) => readsInside(field.path, property, loops)).map((field) => field.location));
        break;
      case 'send': {
        const tops = [top, ...loopTops(loops)];
        if (property === '' || top === '' || top === '*') uses.push(call.location);
        else uses.push(...call.requestFields.filter((field) => tops.includes(topLevel(field.path))).map((field) => field.location));
        break;
      }
      case 'omit': {
        const sent = sentField(call, top);
        const nested = fieldSegments(property).length > 1;
        if (call.requestFields.length === 0) uses.push(call.location);
        else if (!sent) {
          if (!nested) uses.push(call.location);
        } else if (nested) uses.push(sent.location);
        // The new required field is also required inside every repeat of a loop back to the body.
        if (property !== '') for (const loopTop of loopTops(loops)) if (loopTop !== top) uses.push(...optionalLocation(sentField(call, loopTop)));
        break;
      }
    }
  }
  return uses;
}

/**
 * `address.city` reads inside `address`; `items[].title` inside `items`; `name` does not read
 * inside `nameX`. With the loops of a recursive body, the read counts for every path it folds to:
 * `children[].children[].size` reads inside `size` when `children[]` comes back to the root.
 */
export function readsInside(read: string, property: string, loops: readonly (readonly FieldLoop[])[] = []): boolean {
  const readSegments = fieldSegments(read);
  const propertySegments = fieldSegments(property);
  if (matchesAt(readSegments, propertySegments, 0)) return true;
  return loops.some((bodyLoops) => foldedReads(readSegments, bodyLoops).some((folded) => matchesAt(folded, propertySegments, 0)));
}

/** How many folded forms of one read are tried at most; real reads have a handful. */
const MAX_FOLDED_READS = 256;

/**
 * Every path a read folds to by cutting out one repeat of a loop at a time (each cut shortens it,
 * so this ends). Each loop of a body is sound on its own, so any order of cuts is; all are tried,
 * in a fixed order.
 */
function foldedReads(read: readonly string[], loops: readonly FieldLoop[]): string[][] {
  const parsed = loops.map((loop) => ({ at: fieldSegments(loop.at), repeat: fieldSegments(loop.repeat) }));
  const found = new Map<string, string[]>();
  const queue: Array<readonly string[]> = [read];
  while (queue.length > 0 && found.size < MAX_FOLDED_READS) {
    const path = queue.shift() as readonly string[];
    for (const { at, repeat } of parsed) {
      if (!matchesAt(path, at, 0) || !matchesAt(path, repeat, at.length)) continue;
      const folded = [...path.slice(0, at.length), ...path.slice(at.length + repeat.length)];
      const key = joinFieldSegments(folded);
      if (found.has(key)) continue;
      found.set(key, folded);
      queue.push(folded);
    }
  }
  return [...found.values()];
}

/** Whether `pattern` is found in `path` at `offset`; `*` (any `additionalProperties` name) matches every segment. */
function matchesAt(path: readonly string[], pattern: readonly string[], offset: number): boolean {
  if (offset + pattern.length > path.length) return false;
  return pattern.every((segment, index) => segment === '*' || segment === path[offset + index]);
}

/** The top-level fields where a loop comes back to the body itself (`children` for `children[]`): a change anywhere in the body is under them too. */
function loopTops(loops: readonly (readonly FieldLoop[])[]): string[] {
  return [...new Set(loops.flatMap((bodyLoops) => bodyLoops.filter((loop) => loop.at === '').map((loop) => topLevel(loop.repeat))))];
}

function sentField(call: CallSite, top: string): FieldUse | undefined {
  return call.requestFields.find((field) => topLevel(field.path) === top);
}

function optionalLocation(field: FieldUse | undefined): SourceLocation[] {
  return field ? [field.location] : [];
}

function topLevel(path: string): string {
  return fieldSegments(path)[0] ?? '';
}
