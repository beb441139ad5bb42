import { defineDiffRule } from './diff-rule';

export const responseHeaderRemoved = defineDiffRule<'responses', { operation: string; status: string; header: string }>({
  id: 'response-header-removed',
  severity: 'error',
  direction: 'response',
  scope: 'responses',
  usage: 'call',
  summary: 'A required response header was removed (or became optional).',
  message: ({ operation, status, header }) => `${operation}: response ${status} no longer has required header '${header}'`,
  hint: ({ header }) => `Keep sending '${header}', or stop reading it in every consumer.`,
  detect: ({ operation, base, head }) =>
    [...base.values()].flatMap((response) => {
      const after = head.get(response.status);
      if (!after) return [];
      return [...response.headers.entries()]
        .filter(([name, header]) => header.required === true && (!after.headers.has(name) || (after.headers.get(name)?.required !== true && header.required)))
        .map(([name, header]) => ({ args: { operation, status: response.status, header: name }, status: response.status, head: after.node, base: header.node }));
    }),
});
