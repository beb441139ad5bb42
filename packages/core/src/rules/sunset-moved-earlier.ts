import { formatDate, parseSunset } from '../diff/compare-values';
import { defineDiffRule } from './diff-rule';

export const sunsetMovedEarlier = defineDiffRule<'deprecation', { operation: string; item: string; from: string; to: string }>({
  id: 'sunset-moved-earlier',
  severity: 'warning',
  direction: 'operation',
  category: 'policy',
  scope: 'deprecation',
  usage: 'call',
  summary: 'The `x-sunset` date of a deprecated operation or parameter was moved earlier.',
  message: ({ operation, item, from, to }) => `${operation}: the sunset of ${item} moved earlier, from ${from} to ${to}`,
  hint: ({ from }) => `Keep the sunset at ${from} or later: consumers planned their migration around it.`,
  detect: ({ operation, kind, name, base, head }) => {
    const from = parseSunset(base?.value['x-sunset']);
    const to = parseSunset(head?.value['x-sunset']);
    if (!from || !to || to.getTime() >= from.getTime() || !head) return [];
    return [{ args: { operation, item: kind === 'operation' ? 'the operation' : `parameter '${name}'`, from: formatDate(from), to: formatDate(to) }, head: head.node, base: base?.node }];
  },
});
