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
  hint: ({ subject }) => `Keep accepting what \${subject} accepted before, or update every consumer to send the new shape.`,
  detect: (input) => {
    if (input.subject !== 'request') return [];
    const changes: string[] = [];
    for (const keyword of ['oneOf', 'anyOf', 'allOf'] as const) {
      const before = input.base[keyword].map(input.baseHash);
      const after = input.head[keyword].map(input.headHash);
      const added = after.filter((hash) => !before.includes(hash)).length;
      const removed = before.filter((hash) => !after.includes(hash)).length;
      const wrapped = before.length === 0 && after.length > 0;
      if (keyword !== 'allOf' && wrapped) changes.push(`was wrapped in ${keyword}`);
      else if (keyword !== 'allOf' && removed > 0) changes.push(`lost ${removed} ${keyword} alternative(s)`);
      if (keyword === 'allOf' && added > 0 && before.length > 0) changes.push(`gained ${added} allOf part(s)`);
      if (keyword === 'allOf' && removed > 0 && after.length > 0) changes.push(`lost ${removed} allOf part(s)`);
    }
    return changes.map((change) => ({ args: { operation: input.operation, subject: labelOf(input), change }, property: input.property, status: input.status, head: input.head.node, base: input.base.node }));
  },
});
