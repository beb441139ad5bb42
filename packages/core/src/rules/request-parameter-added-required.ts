import { pairParameters, parameterLabel } from '../diff/pair-parameters';
import { defineDiffRule } from './diff-rule';

export const requestParameterAddedRequired = defineDiffRule<'parameters', { operation: string; parameter: string }>({
  id: 'request-parameter-added-required',
  severity: 'error',
  direction: 'request',
  scope: 'parameters',
  usage: 'call',
  summary: 'A new required request parameter was added: existing calls do not send it.',
  message: ({ operation, parameter }) => `${operation}: new required ${parameter}`,
  hint: ({ parameter }) => `Make ${parameter} optional (with a default), or send it from every consumer in the same change.`,
  detect: ({ operation, base, head }) => {
    const { added, removed } = pairParameters(base, head);
    return added
      .filter((part) => part.required && part.in !== 'path')
      .filter((part) => !removed.some((other) => other.name.toLowerCase() === part.name.toLowerCase()))
      .map((part) => ({ args: { operation, parameter: parameterLabel(part) }, property: part.name, head: part.node }));
  },
});
