import { describeType, formatBreaks, typesLost } from '../diff/compare-values';
import { defineDiffRule } from './diff-rule';
import { labelOf } from './wording';

export const responsePropertyTypeChanged = defineDiffRule<'schema', { operation: string; property: string; subject: string; from: string; to: string }>({
  id: 'response-property-type-changed',
  severity: 'error',
  direction: 'response',
  scope: 'schema',
  usage: 'read',
  summary: 'The type of a response property that a consumer reads changed.',
  message: ({ operation, subject, from, to }) => `${operation}: ${subject} changed type from ${from} to ${to}`,
  hint: ({ property, to }) => `Update the consumer to handle '${property}' as ${to}, or keep the old type in the spec.`,
  detect: (input) => {
    if (input.subject !== 'response') return [];
    const { base, head } = input;
    if (typesLost(head.types, base.types).length === 0 && !formatBreaks(base, head, 'widening')) return [];
    return [{ args: { operation: input.operation, property: input.property || '(body)', subject: labelOf(input), from: describeType(base), to: describeType(head) }, property: input.property, status: input.status, head: head.node, base: base.node }];
  },
});
