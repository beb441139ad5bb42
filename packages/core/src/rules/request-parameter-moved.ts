import { pairParameters, parameterLabel } from '../diff/pair-parameters';
import { defineDiffRule } from './diff-rule';

export const requestParameterMoved = defineDiffRule<'parameters', { operation: string; name: string; from: string; to: string }>({
  id: 'request-parameter-moved',
  severity: 'error',
  direction: 'request',
  scope: 'parameters',
  usage: 'call',
  summary: 'A request parameter moved to another location (query ↔ header ↔ path ↔ cookie).',
  message: ({ operation, name, from, to }) => `${operation}: parameter '${name}' moved from ${from} to ${to}`,
  hint: ({ name, to }) => `Send '${name}' as a ${to} parameter from the consumer, or accept it in both places for a while.`,
  detect: ({ operation, base, head }) => {
    const { removed, added } = pairParameters(base, head);
    return removed.flatMap((part) => {
      const moved = added.find((other) => other.name.toLowerCase() === part.name.toLowerCase() && other.in !== part.in);
      return moved ? [{ args: { operation, name: part.name, from: part.in, to: moved.in }, property: part.name, head: moved.node, base: part.node }] : [];
    });
  },
});
