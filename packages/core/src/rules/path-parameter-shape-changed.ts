import { defineDiffRule } from './diff-rule';

export const pathParameterShapeChanged = defineDiffRule<'operation', { operation: string; from: string; to: string }>({
  id: 'path-parameter-shape-changed',
  severity: 'error',
  direction: 'operation',
  scope: 'operation',
  usage: 'call',
  summary: 'The path of an operation changed shape (its parameters moved, split or merged), so old URLs no longer match.',
  message: ({ operation, from, to }) => `${operation}: path ${from} became ${to}`,
  hint: ({ to }) => `Build URLs as ${to} in the consumer, or keep serving the old path shape as well.`,
  detect: ({ operation, base, head, replacement }) => {
    if (head || !base || !replacement) return [];
    return [{ args: { operation, from: base.operation.path, to: replacement.operation.path }, base: base.operation.node, head: replacement.operation.node }];
  },
});
