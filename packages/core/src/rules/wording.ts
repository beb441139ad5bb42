import { STABILITY_LEVELS } from '../diff/compare-values';
import { childPath } from '../spec/field-path';
import type { SchemaInput, SchemaSubject } from '../diff/inputs';

/** `request body`, `request property 'address.city'`, `response property 'items[].title'`, `query parameter 'page'`. */
export function subjectLabel(subject: SchemaSubject, property: string, parameter?: { in: string }): string {
  if (subject === 'parameter') return `${parameter?.in ?? 'request'} parameter '${property}'`;
  const side = subject === 'request' ? 'request' : 'response';
  return property === '' ? `${side} body` : `${side} property '${property}'`;
}

/** The label of a schema-scope input. */
export function labelOf(input: Pick<SchemaInput, 'subject' | 'property' | 'parameter'>): string {
  return subjectLabel(input.subject, input.property, input.parameter);
}

/** `GET /x (200)`: a response's operation with its status, when one is known. */
export function withStatus(operation: string, status: string | undefined): string {
  return status ? `${operation} (${status})` : operation;
}

/** Values for messages: `'a', 'b'`. */
export function listValues(values: readonly unknown[]): string {
  return values.map((value) => (typeof value === 'string' ? value : JSON.stringify(value))).join(', ');
}

/** `address` + `city` → `address.city`; '' + `name` → `name`; `items[]` + `title` → `items[].title`; `a` + `x.y` → `a["x.y"]`. */
export function joinProperty(parent: string, name: string): string {
  return childPath(parent, name);
}

/** An `x-stability-level` value that is not one of the known levels, as text; undefined when it is absent or known. */
export function invalidStabilityLevel(owner: Record<string, unknown>): string | undefined {
  const value = owner['x-stability-level'];
  return value === undefined || STABILITY_LEVELS.includes(value as never) ? undefined : String(value);
}

/** Message and hint of the two stability-level rules (operations and parameters; properties). */
export const stabilityLevelWording = {
  message: ({ operation, item, value }: { operation: string; item: string; value: string }) => `${operation}: ${item} has x-stability-level '${value}', which is not one of ${STABILITY_LEVELS.join(', ')}`,
  hint: () => `Use one of ${STABILITY_LEVELS.join(', ')}.`,
};
