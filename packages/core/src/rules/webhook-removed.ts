import { defineDiffRule } from './diff-rule';

export const webhookRemoved = defineDiffRule<'webhook', { operation: string }>({
  id: 'webhook-removed',
  severity: 'error',
  direction: 'operation',
  scope: 'webhook',
  usage: 'call',
  summary: 'A webhook (OpenAPI 3.1 `webhooks`) was removed: subscribers stop receiving that event.',
  message: ({ operation }) => `${operation} was removed: subscribers no longer receive it`,
  hint: ({ operation }) => `Keep sending ${operation} until its subscribers have moved (mark it \`deprecated: true\` with an \`x-sunset\` date), or tell them which event replaces it.`,
  detect: ({ operation, base, head }) => {
    // Like operations, a deprecated webhook may go.
    if (head || !base || base.value.deprecated === true) return [];
    return [{ args: { operation }, base: base.node }];
  },
});
