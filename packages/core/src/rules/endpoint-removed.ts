import { defineRule } from './rule';

export const endpointRemoved = defineRule<{ operation: string; consumer: string }>({
  id: 'endpoint-removed',
  severity: 'error',
  direction: 'operation',
  summary: 'An operation that a consumer calls was removed from the spec.',
  message: ({ operation, consumer }) => `${operation} was removed, but ${consumer} still calls it`,
  hint: ({ operation }) => `Move the consumer to the operation that replaces ${operation}, or keep ${operation} in the spec (mark it \`deprecated: true\`) until no consumer calls it.`,
});
