import { formatDate, parseSunset, removalAllowed } from '../diff/compare-values';
import { pairParameters, parameterLabel } from '../diff/pair-parameters';
import { defineDiffRule } from './diff-rule';

export const requestParameterRemoved = defineDiffRule<'parameters', { operation: string; parameter: string; sunset?: string }>({
  id: 'request-parameter-removed',
  severity: 'error',
  direction: 'request',
  scope: 'parameters',
  usage: 'call',
  summary: 'A request parameter was removed (before its sunset date, if it was deprecated).',
  message: ({ operation, parameter, sunset }) => `${operation}: ${parameter} was removed${sunset ? ` before its sunset date ${sunset}` : ''}`,
  hint: ({ parameter }) => `Stop sending ${parameter} from the consumer, or keep it in the spec (deprecated, with an \`x-sunset\` date) until no consumer sends it.`,
  detect: ({ operation, base, head, now }) => {
    const { removed, added } = pairParameters(base, head);
    return removed
      .filter((part) => !added.some((other) => other.name.toLowerCase() === part.name.toLowerCase()))
      .filter((part) => !removalAllowed(part.node.value as Record<string, unknown>, now))
      .map((part) => {
        const sunset = parseSunset((part.node.value as Record<string, unknown>)['x-sunset']);
        return { args: { operation, parameter: parameterLabel(part), ...(sunset ? { sunset: formatDate(sunset) } : {}) }, property: part.name, base: part.node };
      });
  },
});
