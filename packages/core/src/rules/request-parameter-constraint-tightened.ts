import { constraintsTightened } from '../diff/compare-values';
import { defineDiffRule } from './diff-rule';
import { labelOf } from './wording';

export const requestParameterConstraintTightened = defineDiffRule<'schema', { operation: string; subject: string; keyword: string; from: string; to: string }>({
  id: 'request-parameter-constraint-tightened',
  severity: 'error',
  direction: 'request',
  scope: 'schema',
  usage: 'call',
  summary: 'A validation keyword of a request parameter got stricter (max decreased, min increased, pattern added or changed, ...).',
  message: ({ operation, subject, keyword, from, to }) => `${operation}: ${subject} tightened ${keyword} from ${from} to ${to}`,
  hint: ({ subject, keyword }) => `Keep the old ${keyword} of ${subject}, or make sure every consumer sends values that meet the new one.`,
  detect: (input) => {
    if (input.subject !== 'parameter') return [];
    return constraintsTightened(input.base, input.head).map((change) => ({
      args: { operation: input.operation, subject: labelOf(input), keyword: change.keyword, from: change.from === undefined ? 'none' : JSON.stringify(change.from), to: JSON.stringify(change.to) },
      property: input.property,
      head: input.head.node,
      base: input.base.node,
    }));
  },
});
