import { STABILITY_LEVELS } from '../diff/compare-values';
import { defineDiffRule } from './diff-rule';

export const stabilityLevelInvalid = defineDiffRule<'deprecation', { operation: string; item: string; value: string }>({
  id: 'stability-level-invalid',
  severity: 'warning',
  direction: 'operation',
  category: 'policy',
  scope: 'deprecation',
  usage: 'call',
  summary: 'An `x-stability-level` is not one of draft, alpha, beta, stable.',
  message: ({ operation, item, value }) => `${operation}: ${item} has x-stability-level '${value}', which is not one of ${STABILITY_LEVELS.join(', ')}`,
  hint: () => `Use one of ${STABILITY_LEVELS.join(', ')}.`,
  detect: ({ operation, kind, name, base, head }) => {
    const item = kind === 'operation' ? 'the operation' : `parameter '${name}'`;
    for (const [side, which] of [[head, 'head'], [base, 'base']] as const) {
      const value = side?.value['x-stability-level'];
      if (!side || value === undefined || STABILITY_LEVELS.includes(value as never)) continue;
      return [{ args: { operation, item, value: String(value) }, [which]: side.node }];
    }
    return [];
  },
});
