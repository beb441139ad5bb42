import { defineDiffRule } from './diff-rule';
import { joinProperty } from './wording';

export const requestPropertyAddedRequired = defineDiffRule<'properties', { operation: string; property: string }>({
  id: 'request-property-added-required',
  severity: 'error',
  direction: 'request',
  scope: 'properties',
  usage: 'omit',
  summary: 'A new required request property was added: existing callers do not send it.',
  message: ({ operation, property }) => `${operation}: new required request property '${property}'`,
  hint: ({ property }) => `Make '${property}' optional (with a server-side default), or send it from every consumer in the same change.`,
  detect: (input) => {
    if (input.subject !== 'request') return [];
    return [...input.head.required]
      .filter((name) => input.head.properties.has(name) && !input.base.properties.has(name) && !input.base.required.has(name) && input.headChild(name)?.readOnly !== true)
      .sort()
      .map((name) => ({ args: { operation: input.operation, property: joinProperty(input.property, name) }, property: joinProperty(input.property, name), head: input.head.properties.get(name) ?? input.head.node }));
  },
});
