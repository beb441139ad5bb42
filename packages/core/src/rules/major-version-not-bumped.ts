import { defineRule } from './rule';

export const majorVersionNotBumped = defineRule<{ spec: string; from: string; to: string; breaking: number }>({
  id: 'major-version-not-bumped',
  severity: 'warning',
  direction: 'operation',
  category: 'semver',
  summary: 'The spec has breaking changes but its `info.version` did not get a major bump.',
  message: ({ spec, from, to, breaking }) => `${spec}: ${breaking} breaking change(s) since the base, but info.version went from ${from} to ${to} without a major bump`,
  hint: ({ from }) => `Bump info.version to the next major version after ${from}, or undo the breaking changes.`,
});
