import { defineDiffRule } from './diff-rule';

export const requestBodyMediaTypeRemoved = defineDiffRule<'request-body', { operation: string; mediaType: string }>({
  id: 'request-body-media-type-removed',
  severity: 'error',
  direction: 'request',
  scope: 'request-body',
  usage: 'call',
  summary: 'A media type of the request body is no longer accepted.',
  message: ({ operation, mediaType }) => `${operation}: the request body no longer accepts ${mediaType}`,
  hint: ({ mediaType }) => `Keep accepting ${mediaType}, or send one of the remaining media types from every consumer.`,
  detect: ({ operation, base, head }) => {
    if (!base || !head) return [];
    return [...base.media.keys()].filter((mediaType) => !head.media.has(mediaType)).map((mediaType) => ({ args: { operation, mediaType }, head: head.node, base: base.node }));
  },
});
