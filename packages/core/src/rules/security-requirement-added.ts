import { defineDiffRule } from './diff-rule';

/** Whether a head requirement (all its schemes) is met by a caller that met `base`. */
function satisfiedBy(head: Record<string, string[]>, base: Record<string, string[]>): boolean {
  return Object.keys(head).every((scheme) => scheme in base);
}

export const securityRequirementAdded = defineDiffRule<'operation', { operation: string; schemes: string }>({
  id: 'security-requirement-added',
  severity: 'error',
  direction: 'request',
  scope: 'operation',
  usage: 'call',
  summary: 'An operation now requires authentication that callers did not need before.',
  message: ({ operation, schemes }) => `${operation} now requires ${schemes}`,
  hint: ({ schemes }) => `Send ${schemes} credentials from the consumer, or keep the previous security alternatives in the spec.`,
  detect: ({ operation, base, head }) => {
    if (!base || !head) return [];
    const before = base.security && base.security.length > 0 ? base.security : [{}];
    const after = head.security && head.security.length > 0 ? head.security : [{}];
    const broken = before.filter((requirement) => !after.some((candidate) => satisfiedBy(candidate, requirement)));
    if (broken.length === 0) return [];
    const schemes = [...new Set(after.flatMap((requirement) => Object.keys(requirement)))].sort().join(' or ') || 'authentication';
    return [{ args: { operation, schemes }, head: head.operation.node }];
  },
});
