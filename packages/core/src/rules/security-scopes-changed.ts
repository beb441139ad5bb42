import { defineDiffRule } from './diff-rule';

export const securityScopesChanged = defineDiffRule<'operation', { operation: string; scheme: string; added: string }>({
  id: 'security-scopes-changed',
  severity: 'error',
  direction: 'request',
  scope: 'operation',
  usage: 'call',
  summary: 'An operation now requires OAuth/OpenID scopes that callers were not asked for before.',
  message: ({ operation, scheme, added }) => `${operation} now requires scope(s) ${added} of ${scheme}`,
  hint: ({ added }) => `Request the scope(s) ${added} in the consumer's token, or drop them from the requirement.`,
  detect: ({ operation, base, head }) => {
    if (!base?.security || !head?.security) return [];
    const found: Array<{ args: { operation: string; scheme: string; added: string } }> = [];
    for (const requirement of head.security) {
      for (const [scheme, scopes] of Object.entries(requirement)) {
        const before = base.security.filter((candidate) => scheme in candidate).map((candidate) => new Set(candidate[scheme]));
        if (before.length === 0) continue;
        const added = scopes.filter((scope) => before.every((set) => !set.has(scope)));
        if (added.length > 0) found.push({ args: { operation, scheme, added: added.join(', ') } });
      }
    }
    return found.map((detection) => ({ ...detection, head: head.operation.node }));
  },
});
