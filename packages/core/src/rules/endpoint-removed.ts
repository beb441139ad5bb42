import { defineDiffRule } from './diff-rule';

export const endpointRemoved = defineDiffRule<'operation', { operation: string }>({
  id: 'endpoint-removed',
  severity: 'error',
  direction: 'operation',
  scope: 'operation',
  usage: 'call',
  summary: 'An operation that a consumer calls was removed from the spec.',
  message: ({ operation }) => `${operation} was removed`,
  hint: ({ operation }) => `Move the consumer to the operation that replaces ${operation}, or keep ${operation} in the spec (mark it \`deprecated: true\` with an \`x-sunset\` date) until no consumer calls it.`,
  detect: ({ operation, base, head, replacement }) => {
    // A deprecated operation may go once its sunset passed (or when it never had one); before it, endpoint-removed-before-sunset reports it.
    if (head || !base || replacement || base.value.deprecated === true) return [];
    return [{ args: { operation }, base: base.operation.node }];
  },
});
