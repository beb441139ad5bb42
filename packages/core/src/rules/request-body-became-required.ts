import { defineDiffRule } from './diff-rule';

export const requestBodyBecameRequired = defineDiffRule<'request-body', { operation: string }>({
  id: 'request-body-became-required',
  severity: 'error',
  direction: 'request',
  scope: 'request-body',
  usage: 'call',
  summary: 'The request body became required (or a required body was added).',
  message: ({ operation }) => `${operation}: the request body became required`,
  hint: () => 'Keep the body optional, or send one from every consumer in the same change.',
  detect: ({ operation, base, head }) => {
    if (!head?.required || base?.required) return [];
    return [{ args: { operation }, head: head.node, base: base?.node }];
  },
});
