import { isObjectLike, type LoadedSpec } from '../spec/load-spec';
import type { Severity } from '../rules/rule';

/** What a spec says about how it is checked, in its root `x-contract-graph` object. */
export interface SpecCheckOptions {
  /** `external`: the API has consumers outside the workspace, so every breaking change fails. */
  consumers: 'workspace' | 'external';
  /** Severity of `major-version-not-bumped`, or `off`. */
  semver: Severity | 'off';
  /** Ask openapi-diff about the bodies of changed operations (`secondOpinion: false` turns it off). */
  secondOpinion: boolean;
}

/** Reads `x-contract-graph: { consumers: external, semver: error, secondOpinion: false }` from the spec's root. */
export function specCheckOptions(spec: LoadedSpec): SpecCheckOptions {
  const root = spec.root?.value as Record<string, unknown> | undefined;
  const raw = root && isObjectLike(root['x-contract-graph']) ? (root['x-contract-graph'] as Record<string, unknown>) : {};
  const semver = raw.semver;
  return {
    consumers: raw.consumers === 'external' ? 'external' : 'workspace',
    semver: semver === 'error' || semver === 'warning' || semver === 'info' || semver === 'off' ? semver : 'warning',
    secondOpinion: raw.secondOpinion !== false,
  };
}
