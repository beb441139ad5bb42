import { defineDiffRule } from './diff-rule';
import { joinProperty } from './wording';

export const requestPropertyRemoved = defineDiffRule<'properties', { operation: string; property: string }>({
  id: 'request-property-removed',
  severity: 'error',
  direction: 'request',
  scope: 'properties',
  usage: 'send',
  summary: 'A request property was removed: what consumers send in it is ignored or rejected.',
  message: ({ operation, property }) => `${operation}: request property '${property}' was removed`,
  hint: ({ property }) => `Stop sending '${property}' from the consumer, or keep it in the spec until no consumer sends it.`,
  detect: (input) => {
    if (input.subject !== 'request') return [];
    return [...input.base.properties.keys()]
      .filter((name) => !input.head.properties.has(name) && input.baseChild(name)?.readOnly !== true)
      .map((name) => ({ args: { operation: input.operation, property: joinProperty(input.property, name) }, property: joinProperty(input.property, name), head: input.head.propertiesNode ?? input.head.node, base: input.base.properties.get(name) }));
  },
});
