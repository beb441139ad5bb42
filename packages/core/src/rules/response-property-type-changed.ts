import { defineRule } from './rule';

export const responsePropertyTypeChanged = defineRule<{ operation: string; property: string; consumer: string; from: string; to: string }>({
  id: 'response-property-type-changed',
  severity: 'error',
  direction: 'response',
  summary: 'The type of a response property that a consumer reads changed.',
  message: ({ operation, property, consumer, from, to }) => `${operation}: response property '${property}' changed type from ${from} to ${to}, and ${consumer} reads it`,
  hint: ({ property, to }) => `Update the consumer to handle '${property}' as ${to}, or keep the old type in the spec.`,
});
