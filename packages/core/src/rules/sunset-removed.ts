import { defineDiffRule } from './diff-rule';

export const sunsetRemoved = defineDiffRule<'deprecation', { operation: string; item: string }>({
  id: 'sunset-removed',
  severity: 'warning',
  direction: 'operation',
  category: 'policy',
  scope: 'deprecation',
  usage: 'call',
  summary: 'The `x-sunset` date of a deprecated operation or parameter was deleted.',
  message: ({ operation, item }) => `${operation}: the x-sunset date of ${item} was deleted while it is still deprecated`,
  hint: () => 'Keep the sunset date consumers planned with, or un-deprecate the item.',
  detect: ({ operation, kind, name, base, head }) => {
    if (!base || !head || base.value['x-sunset'] === undefined || head.value['x-sunset'] !== undefined || head.value.deprecated !== true) return [];
    return [{ args: { operation, item: kind === 'operation' ? 'the operation' : `parameter '${name}'` }, head: head.node, base: base.node }];
  },
});
