import type { SpecDiff } from '../diff/diff-specs';
import type { ConsumerUsage } from '../model';
import { resolveCall } from '../spec/match-call';
import type { SpecVersions } from './check-consumer';
import { createChangeFinding, mergeFindings, type ConsumerLocation, type Finding } from './finding';
import type { SpecCheckOptions } from './spec-options';
import { usesOfChange, type ResolvedCall } from './verdict';

/** A known consumer of a spec and what its code does. */
export interface KnownConsumer {
  name: string;
  usage: ConsumerUsage;
}

/**
 * A spec owner's view of the changes since the base: a breaking change is an error when a known
 * consumer uses it (its locations are listed) or when the spec has external consumers, and a
 * warning otherwise. Rules whose default is warning or info keep it.
 */
export function judgeSpecChanges(versions: SpecVersions, diff: SpecDiff, options: SpecCheckOptions, consumers?: readonly KnownConsumer[]): Finding[] {
  const resolved = (consumers ?? []).map((consumer) => ({ consumer, calls: resolveCalls(versions, consumer.usage) }));
  const findings = diff.changes.map((change) => {
    const uses: ConsumerLocation[] = resolved.flatMap(({ consumer, calls }) => usesOfChange(change, calls).map((use) => ({ project: consumer.name, ...use })));
    const users = [...new Set(uses.map((use) => use.project))].sort();
    const severity = change.severity !== 'error' ? change.severity : uses.length > 0 || options.consumers === 'external' ? 'error' : 'warning';
    const suffix =
      users.length > 0 ? ` (used by ${users.join(', ')})` : options.consumers === 'external' ? ' (the API has external consumers)' : consumers ? ' (no known consumer uses it)' : '';
    return createChangeFinding({ change, spec: versions.name, specFile: versions.file, severity, consumers: uses, suffix });
  });
  return mergeFindings(findings);
}

function resolveCalls(versions: SpecVersions, usage: ConsumerUsage): ResolvedCall[] {
  const calls: ResolvedCall[] = [];
  for (const call of usage.calls) {
    for (const indexed of [versions.head, versions.base]) {
      if (!indexed) continue;
      const resolution = resolveCall(call.method, call.urlTemplate, indexed.operations);
      if (resolution.kind === 'matched') calls.push({ call, operationKey: resolution.operation.key });
      // A call that several operations fit equally well uses none of them, as in the consumer's own check.
      if (resolution.kind === 'matched' || resolution.kind === 'ambiguous') break;
    }
  }
  return calls;
}
