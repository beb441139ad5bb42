import { defineDiffRule } from './diff-rule';
import { joinProperty } from './wording';

export const responsePropertyBecameOptional = defineDiffRule<'properties', { operation: string; property: string }>({
  id: 'response-property-became-optional',
  severity: 'error',
  direction: 'response',
  scope: 'properties',
  usage: 'read',
  summary: 'A required response property became optional: consumers may find it missing.',
  message: ({ operation, property }) => `${operation}: response property '${property}' became optional`,
  hint: ({ property }) => `Handle a missing '${property}' in the consumer, or keep it required.`,
  detect: (input) => {
    if (input.subject !== 'response') return [];
    return [...input.base.required]
      .filter((name) => input.head.properties.has(name) && !input.head.required.has(name) && input.baseChild(name)?.writeOnly !== true)
      .sort()
      .map((name) => ({ args: { operation: input.operation, property: joinProperty(input.property, name) }, property: joinProperty(input.property, name), status: input.status, head: input.head.properties.get(name), base: input.base.properties.get(name) }));
  },
});
