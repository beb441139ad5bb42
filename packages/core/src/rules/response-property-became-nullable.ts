import { defineDiffRule } from './diff-rule';
import { labelOf } from './wording';

export const responsePropertyBecameNullable = defineDiffRule<'schema', { operation: string; subject: string }>({
  id: 'response-property-became-nullable',
  severity: 'error',
  direction: 'response',
  scope: 'schema',
  usage: 'read',
  summary: 'A response body or property can now be null (3.0 `nullable`, 3.1 `null` in a type list).',
  message: ({ operation, subject }) => `${operation}: ${subject} can now be null`,
  hint: ({ subject }) => `Handle null for ${subject} in the consumer, or keep it non-nullable.`,
  detect: (input) => {
    if (input.subject !== 'response' || input.base.nullable || !input.head.nullable) return [];
    return [{ args: { operation: input.operation, subject: labelOf(input) }, property: input.property, status: input.status, head: input.head.node, base: input.base.node }];
  },
});
