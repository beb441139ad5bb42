import { formatDate, parseSunset, removalAllowed } from '../diff/compare-values';
import { defineDiffRule } from './diff-rule';

export const endpointRemovedBeforeSunset = defineDiffRule<'operation', { operation: string; sunset: string }>({
  id: 'endpoint-removed-before-sunset',
  severity: 'error',
  direction: 'operation',
  scope: 'operation',
  usage: 'call',
  summary: 'A deprecated operation was removed before its sunset date.',
  message: ({ operation, sunset }) => `${operation} was removed before its sunset date ${sunset}`,
  hint: ({ sunset }) => `Keep the operation until ${sunset} (its \`x-sunset\`), or move every consumer off it first.`,
  detect: ({ operation, base, head, replacement, now }) => {
    if (head || !base || replacement || base.value.deprecated !== true || removalAllowed(base.value, now)) return [];
    const sunset = parseSunset(base.value['x-sunset']);
    return [{ args: { operation, sunset: sunset ? formatDate(sunset) : String(base.value['x-sunset']) }, base: base.operation.node }];
  },
});
