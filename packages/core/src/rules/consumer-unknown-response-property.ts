import { defineRule } from './rule';

export const consumerUnknownResponseProperty = defineRule<{ operation: string; property: string; consumer: string; known: string[] }>({
  id: 'consumer-unknown-response-property',
  severity: 'error',
  direction: 'response',
  summary: 'A consumer reads a response property that the spec does not define.',
  message: ({ operation, property, consumer }) => `${consumer} reads '${property}' from the response of ${operation}, which the spec does not define`,
  hint: ({ property, known }) =>
    `Read one of the defined properties (${known.length > 0 ? known.join(', ') : 'none'}) instead of '${property}', or add '${property}' to the response schema.`,
});
