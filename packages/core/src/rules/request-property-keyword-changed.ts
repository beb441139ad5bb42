import { defineDiffRule } from './diff-rule';
import { labelOf } from './wording';

export const requestPropertyKeywordChanged = defineDiffRule<'schema', { operation: string; subject: string; keyword: string; change: string }>({
  id: 'request-property-keyword-changed',
  severity: 'warning',
  direction: 'request',
  scope: 'schema',
  usage: 'send',
  summary: 'A JSON Schema keyword without a dedicated rule (contains, if/then/else, patternProperties, prefixItems, unevaluated*, dependentRequired, propertyNames, content*) changed in a request schema.',
  message: ({ operation, subject, keyword, change }) => `${operation}: ${keyword} of ${subject} was ${change}`,
  hint: ({ subject, keyword }) => `Check that the consumer still sends ${subject} under the new ${keyword}.`,
  detect: (input) => {
    if (input.subject !== 'request') return [];
    const keywords = new Set([...input.base.structural.keys(), ...input.head.structural.keys()]);
    return [...keywords].sort().flatMap((keyword) => {
      const before = input.base.structural.get(keyword);
      const after = input.head.structural.get(keyword);
      if (before && after && input.baseHash(before) === input.headHash(after)) return [];
      const change = !before ? 'added' : !after ? 'removed' : 'changed';
      return [{ args: { operation: input.operation, subject: labelOf(input), keyword, change }, property: input.property, status: input.status, head: input.head.node, base: input.base.node }];
    });
  },
});
