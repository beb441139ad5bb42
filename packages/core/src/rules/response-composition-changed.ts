import { compositionDelta } from '../diff/match-alternatives';
import { defineDiffRule } from './diff-rule';
import { labelOf } from './wording';

export const responseCompositionChanged = defineDiffRule<'schema', { operation: string; subject: string; change: string }>({
  id: 'response-composition-changed',
  severity: 'error',
  direction: 'response',
  scope: 'schema',
  usage: 'read',
  summary: 'A response schema gained a oneOf/anyOf alternative or lost an allOf part: consumers may receive shapes they do not handle.',
  message: ({ operation, subject, change }) => `${operation}: ${subject} ${change}`,
  hint: ({ subject }) => `Handle the new shapes of ${subject} in the consumer, or keep the response as it was.`,
  detect: (input) => {
    if (input.subject !== 'response') return [];
    const changes: string[] = [];
    for (const keyword of ['oneOf', 'anyOf', 'allOf'] as const) {
      const { before, after, lost, gained } = compositionDelta(input, keyword);
      const wrapped = before === 0 && after > 0;
      if (keyword !== 'allOf' && gained > 0 && !wrapped) changes.push(`gained ${gained} ${keyword} alternative(s)`);
      if (keyword !== 'allOf' && wrapped) changes.push(`became a ${keyword} of ${after} alternatives`);
      if (keyword === 'allOf' && lost > 0 && after > 0) changes.push(`lost ${lost} allOf part(s)`);
    }
    return changes.map((change) => ({ args: { operation: input.operation, subject: labelOf(input), change }, property: input.property, status: input.status, head: input.head.node, base: input.base.node }));
  },
});
