import { defineDiffRule, detectKeywordChanges, type KeywordChangeArgs } from './diff-rule';
import { labelOf } from './wording';

export const responsePropertyKeywordChanged = defineDiffRule<'schema', KeywordChangeArgs>({
  id: 'response-property-keyword-changed',
  severity: 'warning',
  direction: 'response',
  scope: 'schema',
  usage: 'read',
  summary: 'A JSON Schema keyword without a dedicated rule (contains, if/then/else, patternProperties, prefixItems, unevaluated*, dependentRequired, propertyNames, content*) changed in a response schema.',
  message: ({ operation, subject, keyword, change }) => `${operation}: ${keyword} of ${subject} was ${change}`,
  hint: ({ subject, keyword }) => `Check that the consumer still understands ${subject} under the new ${keyword}.`,
  detect: (input) => detectKeywordChanges('response', input, labelOf(input)),
});
