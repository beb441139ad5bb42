import { isSuccessStatus } from '../spec/operation-parts';
import { defineDiffRule } from './diff-rule';

export const responseNonSuccessStatusRemoved = defineDiffRule<'responses', { operation: string; status: string }>({
  id: 'response-non-success-status-removed',
  severity: 'warning',
  direction: 'response',
  scope: 'responses',
  usage: 'call',
  summary: 'A documented error (non-2xx) response status was removed.',
  message: ({ operation, status }) => `${operation}: response ${status} was removed`,
  hint: ({ status }) => `Check whether consumers that handle ${status} need another branch, or keep documenting it.`,
  detect: ({ operation, base, head }) =>
    [...base.values()]
      .filter((response) => !isSuccessStatus(response.status) && response.status !== 'DEFAULT' && !head.has(response.status) && !head.has(`${response.status[0]}XX`))
      .map((response) => ({ args: { operation, status: response.status }, status: response.status, base: response.node })),
});
