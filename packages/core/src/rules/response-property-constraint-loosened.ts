import { constraintsTightened } from '../diff/compare-values';
import { defineDiffRule } from './diff-rule';
import { labelOf } from './wording';

export const responsePropertyConstraintLoosened = defineDiffRule<'schema', { operation: string; subject: string; keyword: string; from: string; to: string }>({
  id: 'response-property-constraint-loosened',
  severity: 'warning',
  direction: 'response',
  scope: 'schema',
  usage: 'read',
  summary: 'A validation keyword of a response body or property got looser: consumers may receive values they did not expect.',
  message: ({ operation, subject, keyword, from, to }) => `${operation}: ${subject} loosened ${keyword} from ${from} to ${to}`,
  hint: ({ subject, keyword }) => `Make sure the consumer copes with values of ${subject} beyond the old ${keyword}.`,
  detect: (input) => {
    if (input.subject !== 'response') return [];
    return constraintsTightened(input.head, input.base)
      .filter((change) => change.keyword !== 'pattern')
      .map((change) => ({
        args: { operation: input.operation, subject: labelOf(input), keyword: change.keyword, from: JSON.stringify(change.to), to: change.from === undefined ? 'none' : JSON.stringify(change.from) },
        property: input.property,
        status: input.status,
        head: input.head.node,
        base: input.base.node,
      }));
  },
});
