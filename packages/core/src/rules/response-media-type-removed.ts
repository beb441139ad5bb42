import { defineDiffRule } from './diff-rule';

export const responseMediaTypeRemoved = defineDiffRule<'responses', { operation: string; status: string; mediaType: string }>({
  id: 'response-media-type-removed',
  severity: 'error',
  direction: 'response',
  scope: 'responses',
  usage: 'call',
  summary: 'A media type of a response was removed.',
  message: ({ operation, status, mediaType }) => `${operation}: response ${status} no longer returns ${mediaType}`,
  hint: ({ mediaType }) => `Keep returning ${mediaType}, or update every consumer to accept one of the remaining media types.`,
  detect: ({ operation, base, head }) =>
    [...base.values()].flatMap((response) => {
      const after = head.get(response.status);
      if (!after) return [];
      return [...response.media.keys()]
        .filter((mediaType) => !after.media.has(mediaType))
        .map((mediaType) => ({ args: { operation, status: response.status, mediaType }, status: response.status, head: after.node, base: response.node }));
    }),
});
