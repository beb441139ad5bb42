import { defineDiffRule } from './diff-rule';

export const requestBodySchemaAdded = defineDiffRule<'request-body', { operation: string; mediaType: string }>({
  id: 'request-body-schema-added',
  severity: 'error',
  direction: 'request',
  scope: 'request-body',
  usage: 'call',
  summary: 'A request media type that accepted any body now has a schema that constrains it.',
  message: ({ operation, mediaType }) => `${operation}: the ${mediaType} request body, which accepted anything, now has a schema`,
  hint: () => 'Make sure every consumer sends bodies that match the new schema.',
  detect: ({ operation, base, head }) => {
    if (!base || !head) return [];
    return [...base.media.entries()]
      .filter(([mediaType, schema]) => !schema && head.media.has(mediaType) && head.media.get(mediaType))
      .map(([mediaType]) => ({ args: { operation, mediaType }, head: head.media.get(mediaType), base: base.node }));
  },
});
