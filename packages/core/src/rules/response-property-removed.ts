import { renameCandidate } from '../diff/rename';
import { fieldSegments } from '../spec/field-path';
import { defineDiffRule } from './diff-rule';
import { joinProperty } from './wording';

export const responsePropertyRemoved = defineDiffRule<'properties', { operation: string; property: string; renamedTo?: string; becameWriteOnly?: boolean }>({
  id: 'response-property-removed',
  severity: 'error',
  direction: 'response',
  scope: 'properties',
  usage: 'read',
  summary: 'A response property that a consumer reads was removed from the spec.',
  message: ({ operation, property, renamedTo, becameWriteOnly }) =>
    becameWriteOnly ? `${operation}: response property '${property}' became writeOnly, so responses no longer return it` : `${operation}: response property '${property}' was removed${renamedTo ? ` (renamed to '${renamedTo}'?)` : ''}`,
  hint: ({ property, renamedTo, becameWriteOnly }) => {
    const name = fieldSegments(property).pop() ?? property;
    if (becameWriteOnly) return `Stop reading '${name}' in the consumer, or drop \`writeOnly\` from '${name}' in the spec.`;
    return renamedTo
      ? `Read '${renamedTo}' instead of '${name}' in the consumer, or keep '${name}' in the spec until every consumer has moved.`
      : `Stop reading '${name}' in the consumer, or restore '${name}' in the spec.`;
  },
  detect: (input) => {
    if (input.subject !== 'response' || input.head.additionalProperties !== undefined && input.head.properties.size === 0) return [];
    const added = [...input.head.properties.keys()].filter((name) => !input.base.properties.has(name));
    // A writeOnly property is never in a response: it was not there to read before, and is gone once it becomes one.
    const returnedBefore = (name: string) => input.baseChild(name)?.writeOnly !== true;
    const removed = [...input.base.properties.keys()].filter((name) => !input.head.properties.has(name) && returnedBefore(name));
    // A property that means the same on both sides kept its writeOnly: no view needed to tell.
    const hidden = [...input.base.properties.keys()].filter((name) => input.head.properties.has(name) && !input.unchanged(name) && returnedBefore(name) && input.headChild(name)?.writeOnly === true);
    return [...removed.map((name) => ({ name, becameWriteOnly: false })), ...hidden.map((name) => ({ name, becameWriteOnly: true }))].map(({ name, becameWriteOnly }) => {
      const renamedTo = becameWriteOnly ? undefined : renameCandidate(name, added);
      const property = joinProperty(input.property, name);
      return {
        args: { operation: input.operation, property, ...(renamedTo ? { renamedTo } : {}), ...(becameWriteOnly ? { becameWriteOnly } : {}) },
        property,
        status: input.status,
        head: becameWriteOnly ? input.head.properties.get(name) : (input.head.propertiesNode ?? input.head.node),
        base: input.base.properties.get(name),
      };
    });
  },
});
