import { pairParameters, parameterLabel } from '../diff/pair-parameters';
import { defineDiffRule } from './diff-rule';

export const requestParameterBecameRequired = defineDiffRule<'parameters', { operation: string; parameter: string }>({
  id: 'request-parameter-became-required',
  severity: 'error',
  direction: 'request',
  scope: 'parameters',
  usage: 'call',
  summary: 'An optional request parameter became required.',
  message: ({ operation, parameter }) => `${operation}: ${parameter} became required`,
  hint: ({ parameter }) => `Keep ${parameter} optional, or send it from every consumer in the same change.`,
  detect: ({ operation, base, head }) =>
    pairParameters(base, head)
      .pairs.filter((pair) => pair.head.required && !pair.base.required)
      .map((pair) => ({ args: { operation, parameter: parameterLabel(pair.head) }, property: pair.head.name, head: pair.head.node, base: pair.base.node })),
});
