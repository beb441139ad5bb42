import { defineDiffRule } from './diff-rule';
import { invalidStabilityLevel, labelOf, stabilityLevelWording } from './wording';

export const propertyStabilityLevelInvalid = defineDiffRule<'schema', { operation: string; item: string; value: string }>({
  id: 'property-stability-level-invalid',
  severity: 'warning',
  direction: 'operation',
  category: 'policy',
  scope: 'schema',
  usage: 'call',
  summary: 'A request or response property has an `x-stability-level` that is not one of draft, alpha, beta, stable.',
  ...stabilityLevelWording,
  detect: (input) => {
    const { operation, subject, property, status, head } = input;
    // The operation's and parameters' own levels are stability-level-invalid's; this rule watches properties.
    const value = invalidStabilityLevel(head.node.value as Record<string, unknown>);
    if (property === '' || subject === 'parameter' || value === undefined) return [];
    return [{ args: { operation, item: labelOf(input), value }, property, status, head: head.node }];
  },
});
