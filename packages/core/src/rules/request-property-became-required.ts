import { defineDiffRule } from './diff-rule';
import { joinProperty } from './wording';

export const requestPropertyBecameRequired = defineDiffRule<'properties', { operation: string; property: string }>({
  id: 'request-property-became-required',
  severity: 'error',
  direction: 'request',
  scope: 'properties',
  usage: 'omit',
  summary: 'An optional request property became required.',
  message: ({ operation, property }) => `${operation}: request property '${property}' became required`,
  hint: ({ property }) => `Keep '${property}' optional, or send it from every consumer in the same change.`,
  detect: (input) => {
    if (input.subject !== 'request') return [];
    return [...input.head.required]
      .filter((name) => input.base.properties.has(name) && !input.base.required.has(name) && input.headChild(name)?.readOnly !== true)
      .sort()
      .map((name) => ({ args: { operation: input.operation, property: joinProperty(input.property, name) }, property: joinProperty(input.property, name), head: input.head.properties.get(name) ?? input.head.node, base: input.base.properties.get(name) }));
  },
});
