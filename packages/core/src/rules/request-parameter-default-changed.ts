import { pairParameters, parameterLabel } from '../diff/pair-parameters';
import { defineDiffRule } from './diff-rule';

function defaultOf(value: unknown): unknown {
  const record = value as Record<string, unknown>;
  return record.default !== undefined ? record.default : (record.schema as Record<string, unknown> | undefined)?.default;
}

export const requestParameterDefaultChanged = defineDiffRule<'parameters', { operation: string; parameter: string; from: string; to: string }>({
  id: 'request-parameter-default-changed',
  severity: 'warning',
  direction: 'request',
  scope: 'parameters',
  usage: 'call',
  summary: 'The default value of an optional request parameter changed: callers that omit it get other behaviour.',
  message: ({ operation, parameter, from, to }) => `${operation}: the default of ${parameter} changed from ${from} to ${to}`,
  hint: ({ parameter, from }) => `Send ${parameter}=${from} explicitly from consumers that relied on the old default, or keep the default.`,
  detect: ({ operation, base, head }) =>
    pairParameters(base, head).pairs.flatMap(({ base: before, head: after }) => {
      const from = defaultOf(before.node.value);
      const to = defaultOf(after.node.value);
      if (from === undefined || JSON.stringify(from) === JSON.stringify(to)) return [];
      return [{ args: { operation, parameter: parameterLabel(after), from: JSON.stringify(from), to: to === undefined ? 'none' : JSON.stringify(to) }, property: after.name, head: after.node, base: before.node }];
    }),
});
