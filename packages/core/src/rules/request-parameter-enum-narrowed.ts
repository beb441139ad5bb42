import { enumValuesLost } from '../diff/compare-values';
import { defineDiffRule } from './diff-rule';
import { labelOf, listValues } from './wording';

export const requestParameterEnumNarrowed = defineDiffRule<'schema', { operation: string; subject: string; removed: string }>({
  id: 'request-parameter-enum-narrowed',
  severity: 'error',
  direction: 'request',
  scope: 'schema',
  usage: 'call',
  summary: 'Enum values of a request parameter were removed, or an enum was added.',
  message: ({ operation, subject, removed }) => `${operation}: ${subject} no longer accepts ${removed}`,
  hint: ({ subject }) => `Keep accepting the old values of ${subject}, or stop sending them from every consumer in the same change.`,
  detect: (input) => {
    if (input.subject !== 'parameter') return [];
    const lost = enumValuesLost(input.base, input.head, true);
    if (lost !== 'became-enum' && lost.length === 0) return [];
    const removed = lost === 'became-enum' ? `values outside ${listValues(input.head.enum ?? [])} (it became an enum)` : listValues(lost.map((value) => JSON.parse(value)));
    return [{ args: { operation: input.operation, subject: labelOf(input), removed }, property: input.property, head: input.head.node, base: input.base.node }];
  },
});
