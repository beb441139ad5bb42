import { defineDiffRule } from './diff-rule';
import { labelOf } from './wording';

export const requestPropertyBecameNotNullable = defineDiffRule<'schema', { operation: string; subject: string }>({
  id: 'request-property-became-not-nullable',
  severity: 'error',
  direction: 'request',
  scope: 'schema',
  usage: 'send',
  summary: 'A request body or property no longer accepts null (3.0 `nullable`, 3.1 `null` in a type list).',
  message: ({ operation, subject }) => `${operation}: ${subject} no longer accepts null`,
  hint: ({ subject }) => `Keep ${subject} nullable, or make sure no consumer sends null.`,
  detect: (input) => {
    if (input.subject === 'response' || !input.base.nullable || input.head.nullable) return [];
    return [{ args: { operation: input.operation, subject: labelOf(input) }, property: input.property, head: input.head.node, base: input.base.node }];
  },
});
