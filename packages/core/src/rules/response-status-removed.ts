import { isSuccessStatus } from '../spec/operation-parts';
import { defineDiffRule } from './diff-rule';

export const responseStatusRemoved = defineDiffRule<'responses', { operation: string; status: string }>({
  id: 'response-status-removed',
  severity: 'error',
  direction: 'response',
  scope: 'responses',
  usage: 'call',
  summary: 'A success (2xx) response status was removed.',
  message: ({ operation, status }) => `${operation}: success response ${status} was removed`,
  hint: ({ status }) => `Keep returning ${status}, or update every consumer to handle the remaining success statuses.`,
  detect: ({ operation, base, head }) =>
    [...base.values()]
      .filter((response) => isSuccessStatus(response.status) && !head.has(response.status))
      .filter((response) => !(response.status.endsWith('XX') ? false : head.has(`${response.status[0]}XX`)))
      .map((response) => ({ args: { operation, status: response.status }, status: response.status, base: response.node })),
});
