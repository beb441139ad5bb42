import { enumValuesLost } from '../diff/compare-values';
import { defineDiffRule } from './diff-rule';
import { labelOf, listValues } from './wording';

export const responsePropertyEnumWidened = defineDiffRule<'schema', { operation: string; subject: string; added: string }>({
  id: 'response-property-enum-widened',
  severity: 'error',
  direction: 'response',
  scope: 'schema',
  usage: 'read',
  summary: 'A response body or property can return enum values (or a const) it could not return before.',
  message: ({ operation, subject, added }) => `${operation}: ${subject} can now be ${added}`,
  hint: ({ subject }) => `Handle the new values of ${subject} in the consumer (a default branch), or do not return them.`,
  detect: (input) => {
    if (input.subject !== 'response') return [];
    const gained = enumValuesLost(input.head, input.base);
    if (gained !== 'became-enum' && gained.length === 0) return [];
    const added = gained === 'became-enum' ? 'any value (its enum was removed)' : listValues(gained.map((value) => JSON.parse(value)));
    return [{ args: { operation: input.operation, subject: labelOf(input), added }, property: input.property, status: input.status, head: input.head.node, base: input.base.node }];
  },
});
