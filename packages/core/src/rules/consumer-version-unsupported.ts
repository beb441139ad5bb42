import { defineRule } from './rule';

export const consumerVersionUnsupported = defineRule<{ spec: string; consumer: string; version: string; range: string; declaredIn: string }>({
  id: 'consumer-version-unsupported',
  severity: 'error',
  direction: 'operation',
  category: 'semver',
  summary: 'The spec release is outside the version range a consumer declares it supports.',
  message: ({ spec, consumer, version, range }) => `${spec} is at version ${version}, outside the range ${range} that ${consumer} supports`,
  hint: ({ range, declaredIn }) => `Update the consumer for the new release and widen its range (${range} in ${declaredIn}), or keep the spec within it.`,
});
