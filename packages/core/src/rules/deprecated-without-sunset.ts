import { defineDiffRule } from './diff-rule';

export const deprecatedWithoutSunset = defineDiffRule<'deprecation', { operation: string; item: string }>({
  id: 'deprecated-without-sunset',
  severity: 'warning',
  direction: 'operation',
  category: 'policy',
  scope: 'deprecation',
  usage: 'call',
  summary: 'An operation or parameter was deprecated without an `x-sunset` date.',
  message: ({ operation, item }) => `${operation}: ${item} was deprecated without an x-sunset date`,
  hint: () => 'Add `x-sunset: YYYY-MM-DD` next to `deprecated: true`, so consumers know until when it stays.',
  detect: ({ operation, kind, name, base, head }) => {
    if (!head || head.value.deprecated !== true || base?.value.deprecated === true || head.value['x-sunset'] !== undefined) return [];
    return [{ args: { operation, item: kind === 'operation' ? 'the operation' : `parameter '${name}'` }, head: head.node }];
  },
});
