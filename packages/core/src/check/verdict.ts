import type { SpecChange } from '../diff/diff-specs';
import type { CallSite, SourceLocation } from '../model';
import { isSuccessStatus } from '../spec/operation-parts';
import { fieldSegments } from '../spec/field-path';

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
 * parameters yet.
 */
export function usesOfChange(change: SpecChange, calls: readonly ResolvedCall[]): SourceLocation[] {
  const uses: SourceLocation[] = [];
  for (const { call, operationKey } of calls) {
    if (operationKey !== change.operationKey) continue;
    const property = change.property ?? '';
    switch (change.usage) {
      case 'call':
        uses.push(call.location);
        break;
      case 'read':
        if (change.status && !isSuccessStatus(change.status) && change.status !== 'DEFAULT') break;
        if (property === '') uses.push(call.location);
        else uses.push(...call.responseFields.filter((field) => readsInside(field.path, property)).map((field) => field.location));
        break;
      case 'send': {
        const top = topLevel(property);
        if (property === '' || top === '' || top === '*') uses.push(call.location);
        else uses.push(...call.requestFields.filter((field) => topLevel(field.path) === top).map((field) => field.location));
        break;
      }
      case 'omit': {
        const top = topLevel(property);
        const sent = call.requestFields.find((field) => topLevel(field.path) === top);
        if (call.requestFields.length === 0) uses.push(call.location);
        else if (!sent) {
          if (fieldSegments(property).length === 1) uses.push(call.location);
        } else if (property !== top) uses.push(sent.location);
        break;
      }
    }
  }
  return uses;
}

/** `address.city` reads inside `address`; `items[].title` inside `items`; `name` does not read inside `nameX`. */
export function readsInside(read: string, property: string): boolean {
  const readSegments = fieldSegments(read);
  const propertySegments = fieldSegments(property);
  if (propertySegments.length > readSegments.length) return false;
  return propertySegments.every((segment, index) => segment === '*' || segment === readSegments[index]);
}

function topLevel(path: string): string {
  return fieldSegments(path)[0] ?? '';
}
