import { STABILITY_LEVELS } from '../diff/compare-values';
import { defineDiffRule } from './diff-rule';

export const propertyStabilityLevelInvalid = defineDiffRule<'schema', { operation: string; subject: string; value: string }>({
  id: 'property-stability-level-invalid',
  severity: 'warning',
  direction: 'operation',
  category: 'policy',
  scope: 'schema',
  usage: 'call',
  summary: 'A request or response property has an `x-stability-level` that is not one of draft, alpha, beta, stable.',
  message: ({ operation, subject, value }) => `${operation}: ${subject} has x-stability-level '${value}', which is not one of ${STABILITY_LEVELS.join(', ')}`,
  hint: () => `Use one of ${STABILITY_LEVELS.join(', ')}.`,
  detect: ({ operation, subject, property, status, head }) => {
    const value = (head.node.value as Record<string, unknown>)['x-stability-level'];
    // The operation's and parameters' own levels are stability-level-invalid's; this rule watches properties.
    if (property === '' || subject === 'parameter' || value === undefined || STABILITY_LEVELS.includes(value as never)) return [];
    const where = subject === 'request' ? 'request property' : 'response property';
    return [{ args: { operation, subject: `${where} '${property}'`, value: String(value) }, property, status, head: head.node }];
  },
});
