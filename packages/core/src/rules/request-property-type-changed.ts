import { describeType, formatBreaks, typesLost } from '../diff/compare-values';
import { defineDiffRule } from './diff-rule';
import { labelOf } from './wording';

export const requestPropertyTypeChanged = defineDiffRule<'schema', { operation: string; subject: string; from: string; to: string }>({
  id: 'request-property-type-changed',
  severity: 'error',
  direction: 'request',
  scope: 'schema',
  usage: 'send',
  summary: 'The type or format of a request body or property changed so that values consumers send may be rejected.',
  message: ({ operation, subject, from, to }) => `${operation}: ${subject} changed type from ${from} to ${to}`,
  hint: ({ subject, to }) => `Send ${subject} as ${to} from the consumer, or accept the old type as well (e.g. with a type list or \`oneOf\`).`,
  detect: (input) => {
    if (input.subject !== 'request') return [];
    const { base, head } = input;
    if (typesLost(base.types, head.types).length === 0 && !formatBreaks(base, head, 'narrowing')) return [];
    return [{ args: { operation: input.operation, subject: labelOf(input), from: describeType(base), to: describeType(head) }, property: input.property, head: head.node, base: base.node }];
  },
});
