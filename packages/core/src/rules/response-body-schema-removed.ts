import { defineDiffRule } from './diff-rule';

export const responseBodySchemaRemoved = defineDiffRule<'responses', { operation: string; status: string; mediaType: string }>({
  id: 'response-body-schema-removed',
  severity: 'warning',
  direction: 'response',
  scope: 'responses',
  usage: 'read',
  summary: 'A response media type that had a schema no longer has one: the response may be anything.',
  message: ({ operation, status, mediaType }) => `${operation}: the ${mediaType} body of response ${status} no longer has a schema, so it may be anything`,
  hint: ({ mediaType }) => `Keep the schema of the ${mediaType} response (clients generated from the spec lose its types without it), or check that every consumer copes with any body.`,
  detect: ({ operation, base, head }) =>
    [...base.values()].flatMap((response) => {
      const after = head.get(response.status);
      if (!after) return [];
      return [...response.media.entries()]
        .filter(([mediaType, schema]) => schema && after.media.has(mediaType) && !after.media.get(mediaType))
        .map(([mediaType, schema]) => ({ args: { operation, status: response.status, mediaType }, status: response.status, head: after.node, base: schema }));
    }),
});
