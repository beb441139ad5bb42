import { defineRule } from './rule';

export const consumerUnknownOperation = defineRule<{ call: string; consumer: string; suggestion?: string }>({
  id: 'consumer-unknown-operation',
  severity: 'error',
  direction: 'operation',
  summary: 'A consumer calls an operation that the spec does not define.',
  message: ({ call, consumer, suggestion }) => `${consumer} calls ${call}, which the spec does not define${suggestion ? ` (did you mean ${suggestion}?)` : ''}`,
  hint: ({ suggestion }) =>
    suggestion ? `Fix the URL or method of the call to match ${suggestion}, or add the operation to the spec.` : 'Fix the URL or method of the call, or add the operation to the spec.',
});
