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
  hint: ({ subject }) => `Handle the new shapes of \${subject} in the consumer, or keep the response as it was.`,
  detect: (input) => {
    if (input.subject !== 'response') return [];
    const changes: string[] = [];
    for (const keyword of ['oneOf', 'anyOf', 'allOf'] as const) {
      const before = input.base[keyword].map(input.baseHash);
      const after = input.head[keyword].map(input.headHash);
      const added = after.filter((hash) => !before.includes(hash)).length;
      const removed = before.filter((hash) => !after.includes(hash)).length;
      const wrapped = before.length === 0 && after.length > 0;
      if (keyword !== 'allOf' && added > 0 && !wrapped) changes.push(`gained ${added} ${keyword} alternative(s)`);
      if (keyword !== 'allOf' && wrapped) changes.push(`became a ${keyword} of ${after.length} alternatives`);
      if (keyword === 'allOf' && removed > 0 && after.length > 0) changes.push(`lost ${removed} allOf part(s)`);
    }
    return changes.map((change) => ({ args: { operation: input.operation, subject: labelOf(input), change }, property: input.property, status: input.status, head: input.head.node, base: input.base.node }));
  },
});
