import { compositionDelta } from '../diff/match-alternatives';
import { defineDiffRule } from './diff-rule';
import { labelOf } from './wording';

export const requestCompositionChanged = defineDiffRule<'schema', { operation: string; subject: string; change: string }>({
  id: 'request-composition-changed',
  severity: 'error',
  direction: 'request',
  scope: 'schema',
  usage: 'send',
  summary: 'A request schema lost a oneOf/anyOf alternative, gained an allOf part, or was wrapped in oneOf/anyOf.',
  message: ({ operation, subject, change }) => `${operation}: ${subject} ${change}`,
  hint: ({ subject }) => `Keep accepting what ${subject} accepted before, or update every consumer to send the new shape.`,
  detect: (input) => {
    if (input.subject !== 'request') return [];
    const changes: string[] = [];
    for (const keyword of ['oneOf', 'anyOf', 'allOf'] as const) {
      const { before, after, lost, gained } = compositionDelta(input, keyword);
      const wrapped = before === 0 && after > 0;
      if (keyword !== 'allOf' && wrapped) changes.push(`was wrapped in ${keyword}`);
      else if (keyword !== 'allOf' && lost > 0) changes.push(`lost ${lost} ${keyword} alternative(s)`);
      if (keyword === 'allOf' && gained > 0 && before > 0) changes.push(`gained ${gained} allOf part(s)`);
      if (keyword === 'allOf' && lost > 0 && after > 0) changes.push(`lost ${lost} allOf part(s)`);
    }
    return changes.map((change) => ({ args: { operation: input.operation, subject: labelOf(input), change }, property: input.property, status: input.status, head: input.head.node, base: input.base.node }));
  },
});
