import { parseSunset } from '../diff/compare-values';
import { defineDiffRule } from './diff-rule';

export const sunsetInvalid = defineDiffRule<'deprecation', { operation: string; item: string; value: string }>({
  id: 'sunset-invalid',
  severity: 'warning',
  direction: 'operation',
  category: 'policy',
  scope: 'deprecation',
  usage: 'call',
  summary: 'An `x-sunset` value is not an RFC 3339 date.',
  message: ({ operation, item, value }) => `${operation}: ${item} has x-sunset '${value}', which is not a date`,
  hint: () => 'Write the sunset as an RFC 3339 date (`2026-12-31`) or date-time.',
  detect: ({ operation, kind, name, base, head }) => {
    if (!head || parseSunset(head.value['x-sunset']) !== null) return [];
    if (base && JSON.stringify(base.value['x-sunset']) === JSON.stringify(head.value['x-sunset']) && base.value.deprecated === head.value.deprecated) return [];
    return [{ args: { operation, item: kind === 'operation' ? 'the operation' : `parameter '${name}'`, value: String(head.value['x-sunset']) }, head: head.node }];
  },
});
