import { defineRule } from './rule';

export const responsePropertyRemoved = defineRule<{ operation: string; property: string; consumer: string; renamedTo?: string }>({
  id: 'response-property-removed',
  severity: 'error',
  direction: 'response',
  summary: 'A response property that a consumer reads was removed from the spec.',
  message: ({ operation, property, consumer, renamedTo }) =>
    `${operation}: response property '${property}' was removed${renamedTo ? ` (renamed to '${renamedTo}'?)` : ''}, but ${consumer} reads it`,
  hint: ({ property, renamedTo }) =>
    renamedTo
      ? `Read '${renamedTo}' instead of '${property}' in the consumer, or keep '${property}' in the spec until every consumer has moved.`
      : `Stop reading '${property}' in the consumer, or restore '${property}' in the spec.`,
});
