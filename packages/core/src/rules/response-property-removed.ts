import { renameCandidate } from '../diff/rename';
import { fieldSegments } from '../spec/field-path';
import { defineDiffRule } from './diff-rule';
import { joinProperty } from './wording';

export const responsePropertyRemoved = defineDiffRule<'properties', { operation: string; property: string; renamedTo?: string }>({
  id: 'response-property-removed',
  severity: 'error',
  direction: 'response',
  scope: 'properties',
  usage: 'read',
  summary: 'A response property that a consumer reads was removed from the spec.',
  message: ({ operation, property, renamedTo }) => `${operation}: response property '${property}' was removed${renamedTo ? ` (renamed to '${renamedTo}'?)` : ''}`,
  hint: ({ property, renamedTo }) => {
    const name = fieldSegments(property).pop() ?? property;
    return renamedTo
      ? `Read '${renamedTo}' instead of '${name}' in the consumer, or keep '${name}' in the spec until every consumer has moved.`
      : `Stop reading '${name}' in the consumer, or restore '${name}' in the spec.`;
  },
  detect: (input) => {
    if (input.subject !== 'response' || input.head.additionalProperties !== undefined && input.head.properties.size === 0) return [];
    const added = [...input.head.properties.keys()].filter((name) => !input.base.properties.has(name));
    return [...input.base.properties.keys()]
      .filter((name) => !input.head.properties.has(name) && input.baseChild(name)?.writeOnly !== true)
      .map((name) => {
        const renamedTo = renameCandidate(name, added);
        const property = joinProperty(input.property, name);
        return {
          args: { operation: input.operation, property, ...(renamedTo ? { renamedTo } : {}) },
          property,
          status: input.status,
          head: input.head.propertiesNode ?? input.head.node,
          base: input.base.properties.get(name),
        };
      });
  },
});
