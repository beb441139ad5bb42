import { createHash } from 'node:crypto';
import type { SourceLocation, SpecLocation } from '../model';
import type { SpecChange } from '../diff/diff-specs';
import { compareText } from '../compare-text';
import { ruleDocsPath, type Direction, type Rule, type Severity } from '../rules/rule';

/** A consumer's code location that a finding concerns. */
export interface ConsumerLocation extends SourceLocation {
  project: string;
}

/** One contract problem, with everything a reader needs to act on it. */
export interface Finding {
  ruleId: string;
  severity: Severity;
  direction: Direction;
  /** Name of the spec (its project name in Nx). */
  spec: string;
  specFile: string;
  /** `GET /api/users/{id}` */
  operation: string;
  /** The property path concerned, when there is one: `user.lastLogin` style, relative to the body. */
  property?: string;
  /** The response status concerned, for response changes. */
  status?: string;
  message: string;
  hint: string;
  docs: string;
  /** Where the spec says it (head); for something removed, the place it was removed from. */
  specLocation?: SpecLocation;
  /** Where the base version of the spec had it. */
  baseLocation?: SpecLocation;
  consumers: ConsumerLocation[];
  /** Stable id of the finding: rule, spec, operation and property; not message text or lines. */
  fingerprint: string;
  /** Set on a finding an allow-list entry accepted: why, until when, and where the entry is. */
  allowedBy?: AllowedBy;
}

/** The allow-list entry that accepted a finding. */
export interface AllowedBy {
  reason: string;
  /** `YYYY-MM-DD`: the last day the entry applies. */
  expires: string;
  location: SourceLocation;
}

export interface FindingInput<Args> {
  rule: Rule<Args>;
  args: Args;
  spec: string;
  specFile: string;
  operation: string;
  property?: string;
  specLocation?: SpecLocation;
  baseLocation?: SpecLocation;
  consumer: ConsumerLocation;
}

/** Builds a finding from a rule and its typed arguments. */
export function createFinding<Args>(input: FindingInput<Args>): Finding {
  const { rule, args } = input;
  return {
    ruleId: rule.id,
    severity: rule.severity,
    direction: rule.direction,
    spec: input.spec,
    specFile: input.specFile,
    operation: input.operation,
    ...(input.property === undefined ? {} : { property: input.property }),
    message: rule.message(args),
    hint: rule.hint(args),
    docs: ruleDocsPath(rule.id),
    ...(input.specLocation ? { specLocation: input.specLocation } : {}),
    ...(input.baseLocation ? { baseLocation: input.baseLocation } : {}),
    consumers: [input.consumer],
    fingerprint: fingerprintOf(rule.id, input.specFile, input.operation, input.property),
  };
}

/** How a change is worded for whoever uses it. */
const USE_CLAUSES: Record<SpecChange['usage'], (consumer: string, direction: Direction) => string> = {
  call: (consumer, direction) => (direction === 'operation' ? `, but ${consumer} still calls it` : `, and ${consumer} calls it`),
  read: (consumer) => `, but ${consumer} reads it`,
  send: (consumer) => `, and ${consumer} sends it`,
  omit: (consumer) => `, and ${consumer} does not send it`,
};

export interface ChangeFindingInput {
  change: SpecChange;
  spec: string;
  specFile: string;
  severity: Severity;
  consumers: ConsumerLocation[];
  /** The consumer the finding is reported to (a consumer's own check); names it in the message. */
  consumer?: string;
  /** Extra words after the message (a spec owner's check: who uses it). */
  suffix?: string;
}

/** Builds a finding from a spec change and the consumer locations that use it. */
export function createChangeFinding(input: ChangeFindingInput): Finding {
  const { change } = input;
  const clause = input.consumer ? USE_CLAUSES[change.usage](input.consumer, change.direction) : '';
  return {
    ruleId: change.ruleId,
    severity: input.severity,
    direction: change.direction,
    spec: input.spec,
    specFile: input.specFile,
    operation: change.operation,
    ...(change.property ? { property: change.property } : {}),
    ...(change.status ? { status: change.status } : {}),
    message: `${change.message}${clause}${input.suffix ?? ''}`,
    hint: change.hint,
    docs: ruleDocsPath(change.ruleId),
    ...(change.specLocation ? { specLocation: change.specLocation } : {}),
    ...(change.baseLocation ? { baseLocation: change.baseLocation } : {}),
    consumers: [...input.consumers],
    fingerprint: fingerprintOf(change.ruleId, input.specFile, change.operation, change.property, change.status, change.detail),
  };
}

function fingerprintOf(...parts: Array<string | undefined>): string {
  return createHash('sha256').update(parts.map((part) => part ?? '').join('\u0000')).digest('hex').slice(0, 16);
}

/** Merges findings that differ only by consumer location, and sorts findings and locations. */
export function mergeFindings(findings: readonly Finding[]): Finding[] {
  const byKey = new Map<string, Finding>();
  for (const finding of findings) {
    const existing = byKey.get(finding.fingerprint);
    if (existing) existing.consumers.push(...finding.consumers);
    else byKey.set(finding.fingerprint, { ...finding, consumers: [...finding.consumers] });
  }
  const merged = [...byKey.values()].map((finding) => ({ ...finding, consumers: uniqueSortedLocations(finding.consumers) }));
  return merged.sort(compareFindings);
}

const SEVERITY_ORDER: Record<Severity, number> = { error: 0, warning: 1, info: 2 };

function compareFindings(a: Finding, b: Finding): number {
  return (
    SEVERITY_ORDER[a.severity] - SEVERITY_ORDER[b.severity] ||
    compareLocations(a.consumers[0], b.consumers[0]) ||
    compareText(a.ruleId, b.ruleId) ||
    compareText(a.fingerprint, b.fingerprint)
  );
}

function compareLocations(a: ConsumerLocation | undefined, b: ConsumerLocation | undefined): number {
  if (!a || !b) return a ? -1 : b ? 1 : 0;
  return compareText(a.file, b.file) || a.line - b.line || a.column - b.column;
}

function uniqueSortedLocations(locations: ConsumerLocation[]): ConsumerLocation[] {
  const unique = new Map(locations.map((location) => [`${location.project}\u0000${location.file}:${location.line}:${location.column}`, location]));
  return [...unique.values()].sort(compareLocations);
}

/** A finding about a spec as a whole (versioning), with no consumer code location. */
export function createSpecFinding<Args>(input: { rule: Rule<Args>; args: Args; spec: string; specFile: string; severity: Severity; specLocation?: SpecLocation; baseLocation?: SpecLocation; consumers?: ConsumerLocation[] }): Finding {
  return {
    ruleId: input.rule.id,
    severity: input.severity,
    direction: input.rule.direction,
    spec: input.spec,
    specFile: input.specFile,
    operation: '',
    message: input.rule.message(input.args),
    hint: input.rule.hint(input.args),
    docs: ruleDocsPath(input.rule.id),
    ...(input.specLocation ? { specLocation: input.specLocation } : {}),
    ...(input.baseLocation ? { baseLocation: input.baseLocation } : {}),
    consumers: input.consumers ?? [],
    fingerprint: fingerprintOf(input.rule.id, input.specFile),
  };
}
