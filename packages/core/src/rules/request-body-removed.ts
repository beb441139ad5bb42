import { defineDiffRule } from './diff-rule';

export const requestBodyRemoved = defineDiffRule<'request-body', { operation: string }>({
  id: 'request-body-removed',
  severity: 'warning',
  direction: 'request',
  scope: 'request-body',
  usage: 'call',
  summary: 'The request body was removed: what consumers send is now ignored or rejected.',
  message: ({ operation }) => `${operation}: the request body was removed`,
  hint: () => 'Stop sending a body from the consumer, or keep accepting it.',
  detect: ({ operation, base, head }) => (base && !head ? [{ args: { operation }, base: base.node }] : []),
});
