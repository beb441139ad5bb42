import { defineDiffRule } from './diff-rule';
import { invalidStabilityLevel, stabilityLevelWording } from './wording';

export const stabilityLevelInvalid = defineDiffRule<'deprecation', { operation: string; item: string; value: string }>({
  id: 'stability-level-invalid',
  severity: 'warning',
  direction: 'operation',
  category: 'policy',
  scope: 'deprecation',
  usage: 'call',
  summary: 'An `x-stability-level` is not one of draft, alpha, beta, stable.',
  ...stabilityLevelWording,
  detect: ({ operation, kind, name, base, head }) => {
    const item = kind === 'operation' ? 'the operation' : `parameter '${name}'`;
    for (const [side, which] of [[head, 'head'], [base, 'base']] as const) {
      const value = side && invalidStabilityLevel(side.value);
      if (side && value !== undefined) return [{ args: { operation, item, value }, [which]: side.node }];
    }
    return [];
  },
});
