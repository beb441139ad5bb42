import { defineDiffRule } from './diff-rule';

export const requestPropertyAdditionalPropertiesDisallowed = defineDiffRule<'properties', { operation: string; object: string }>({
  id: 'request-property-additional-properties-disallowed',
  severity: 'error',
  direction: 'request',
  scope: 'properties',
  usage: 'call',
  summary: 'A request object now forbids properties it does not list (`additionalProperties: false` was added).',
  message: ({ operation, object }) => `${operation}: ${object} no longer accepts unlisted properties (additionalProperties: false)`,
  hint: ({ object }) => `Make sure consumers send only the listed properties of ${object}, or drop \`additionalProperties: false\`.`,
  detect: (input) => {
    if (input.subject !== 'request' || input.head.additionalProperties !== false || input.base.additionalProperties === false) return [];
    const object = input.property === '' ? 'the request body' : `request property '${input.property}'`;
    return [{ args: { operation: input.operation, object }, property: input.property, head: input.head.node, base: input.base.node }];
  },
});
