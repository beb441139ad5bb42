import * as semver from 'semver';
import { consumerVersionUnsupported } from '../rules/consumer-version-unsupported';
import { majorVersionNotBumped } from '../rules/major-version-not-bumped';
import type { Severity } from '../rules/rule';
import type { LoadedSpec } from '../spec/load-spec';
import type { ConsumerLocation, Finding } from './finding';
import { createSpecFinding } from './finding';

/**
 * `major-version-not-bumped` when there are breaking changes but `info.version` did not move to a
 * new major (for 0.x, a new minor). Versions that are not semver are left alone.
 */
export function checkVersionBump(input: { spec: string; specFile: string; base: LoadedSpec; head: LoadedSpec; breaking: number; severity: Severity | 'off' }): Finding | undefined {
  if (input.severity === 'off' || input.breaking === 0) return undefined;
  const from = semverOf(input.base.infoVersion);
  const to = semverOf(input.head.infoVersion);
  if (!from || !to) return undefined;
  const bumped = from.major === 0 ? to.major > 0 || to.minor > from.minor : to.major > from.major;
  if (bumped) return undefined;
  return createSpecFinding({
    rule: majorVersionNotBumped,
    args: { spec: input.spec, from: input.base.infoVersion as string, to: input.head.infoVersion as string, breaking: input.breaking },
    spec: input.spec,
    specFile: input.specFile,
    severity: input.severity,
    ...(input.head.root ? { specLocation: input.head.locate({ file: input.head.root.file, pointer: '/info/version' }) } : {}),
  });
}

/**
 * `info.version` as semver when it is written like one (`2`, `1.4`, `v2.0.0`, `1.0.0-beta.1`);
 * `null` for anything else. `semver.coerce` alone would read a date version `2024-01-15` as
 * 2024.0.0 and call `2024-06-30` the same major.
 */
function semverOf(version: string | undefined): semver.SemVer | null {
  if (version === undefined || !/^v?\d+(\.\d+){0,2}(-[0-9A-Za-z.-]+)?(\+[0-9A-Za-z.-]+)?$/.test(version.trim()) || /^\d{4}-\d{1,2}(-\d{1,2})?$/.test(version.trim())) return null;
  return semver.coerce(version, { includePrerelease: true });
}

/** A consumer's declared range of spec versions it supports, and where it says so. */
export interface SupportedRange {
  range: string;
  /** Workspace-relative file and position of the declaration. */
  declaredAt: ConsumerLocation;
}

/** `consumer-version-unsupported` when the spec's `info.version` is outside the consumer's declared range. */
export function checkSupportedRange(input: { spec: string; specFile: string; head: LoadedSpec; consumer: string; supported: SupportedRange }): Finding | undefined {
  const version = input.head.infoVersion;
  const parsed = semverOf(version);
  if (!parsed || !semver.validRange(input.supported.range)) return undefined;
  if (semver.satisfies(parsed, input.supported.range, { includePrerelease: true })) return undefined;
  return createSpecFinding({
    rule: consumerVersionUnsupported,
    args: { spec: input.spec, consumer: input.consumer, version: version as string, range: input.supported.range, declaredIn: input.supported.declaredAt.file },
    spec: input.spec,
    specFile: input.specFile,
    severity: 'error',
    ...(input.head.root ? { specLocation: input.head.locate({ file: input.head.root.file, pointer: '/info/version' }) } : {}),
    consumers: [input.supported.declaredAt],
  });
}
