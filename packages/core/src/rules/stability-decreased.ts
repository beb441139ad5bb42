import { STABILITY_LEVELS } from '../diff/compare-values';
import { defineDiffRule } from './diff-rule';

export const stabilityDecreased = defineDiffRule<'operation', { operation: string; from: string; to: string }>({
  id: 'stability-decreased',
  severity: 'warning',
  direction: 'operation',
  category: 'policy',
  scope: 'operation',
  usage: 'call',
  summary: 'The `x-stability-level` of an operation went down (stable → beta → alpha → draft).',
  message: ({ operation, from, to }) => `${operation}: stability went down from ${from} to ${to}`,
  hint: () => 'Keep the stability level, or publish the less stable variant as a new operation.',
  detect: ({ operation, base, head }) => {
    const from = STABILITY_LEVELS.indexOf(base?.value['x-stability-level'] as never);
    const to = STABILITY_LEVELS.indexOf(head?.value['x-stability-level'] as never);
    if (from === -1 || to === -1 || to >= from || !head) return [];
    return [{ args: { operation, from: STABILITY_LEVELS[from], to: STABILITY_LEVELS[to] }, head: head.operation.node }];
  },
});
