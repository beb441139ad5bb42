import { defineDiffRule, detectKeywordChanges, type KeywordChangeArgs } from './diff-rule';
import { labelOf } from './wording';

export const requestPropertyKeywordChanged = defineDiffRule<'schema', KeywordChangeArgs>({
  id: 'request-property-keyword-changed',
  severity: 'warning',
  direction: 'request',
  scope: 'schema',
  usage: 'send',
  summary: 'A JSON Schema keyword without a dedicated rule (contains, if/then/else, patternProperties, prefixItems, unevaluated*, dependentRequired, propertyNames, content*) changed in a request schema.',
  message: ({ operation, subject, keyword, change }) => `${operation}: ${keyword} of ${subject} was ${change}`,
  hint: ({ subject, keyword }) => `Check that the consumer still sends ${subject} under the new ${keyword}.`,
  detect: (input) => detectKeywordChanges('request', input, labelOf(input)),
});
