import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkConsumer, type IndexedSpec, type SpecVersions } from '../check/check-consumer';
import type { Finding } from '../check/finding';
import { judgeSpecChanges, type KnownConsumer } from '../check/owner-verdicts';
import { checkSupportedRange, checkVersionBump, type SupportedRange } from '../check/semver-policy';
import { specCheckOptions } from '../check/spec-options';
import { checkFingerprintFile } from '../contracts/check-fingerprint-file';
import { fingerprintFileOwner, fingerprintFilePath } from '../contracts/fingerprint-file';
import { diffSpecs, type SpecDiff } from '../diff/diff-specs';
import { deletedSince, readFileAtRevision, readFilesAtRevision } from '../git/git';
import type { InputProblem } from '../model';
import { createNodeHasher, fingerprintOperation } from '../spec/fingerprint';
import { indexSpec } from '../spec/index-spec';
import { sortProblems, type ReadFile } from '../spec/load-spec';
import { describeOperation } from '../spec/operations';
import { summarize, type ContractReport, type FailOn, type SpecSummary } from '../report/summary';
import { applyAllowList, normalizedOperation, type AllowList } from '../allow-list/allow-list';
import { scanProjectUsage } from './scan-consumer';
import type { UsageCache } from './usage-cache';
import { compareText } from '../compare-text';

/** A spec file and the name it goes by (its Nx project name). */
export { indexSpec };

export interface SpecRef {
  name: string;
  file: string;
  /**
   * For an owned spec: the projects known to call it. Its check then fails only on changes one of
   * them uses (unless the spec has external consumers); without the list, changes are warnings.
   */
  consumers?: Array<{ name: string; root: string }>;
}

export interface ContractCheckOptions {
  workspaceRoot: string;
  project: { name: string; root: string };
  /** Specs that belong to this project: validated, and their changes since the base listed. */
  ownedSpecs: readonly SpecRef[];
  /** Specs whose operations this project's code calls. */
  consumedSpecs: readonly SpecRef[];
  /** The commit to diff specs against (already resolved, e.g. a merge-base); none: check the current specs only. */
  baseCommit?: string;
  usageCache?: UsageCache;
  /** The date `x-sunset` values and allow-list expiry dates are compared with; defaults to now. */
  now?: Date;
  /** Which severities fail the check: `error` (default) or `warning`. */
  failOn?: FailOn;
  /** Accepted findings (see `readAllowList`); its problems are reported as configuration errors. */
  allowList?: AllowList;
  /**
   * A published version of an owned spec to diff against instead of its version at the base
   * commit, by spec file: `{ "apis/users/openapi.yaml": "contracts/users-1.4.0.yaml" }`
   * (workspace-relative; for specs whose consumers live outside the repository).
   */
  baselines?: Readonly<Record<string, string>>;
}

/** Reads workspace-relative files from the working tree. */
export function workingTreeReader(workspaceRoot: string): ReadFile {
  let realRoot: string | undefined;
  return (file) => {
    try {
      // A committed symbolic link can point anywhere: a file whose real path leaves the workspace is not read.
      realRoot ??= fs.realpathSync(workspaceRoot);
      const real = fs.realpathSync(path.join(workspaceRoot, file));
      if (real !== realRoot && !real.startsWith(`${realRoot}${path.sep}`)) return undefined;
      return fs.readFileSync(real, 'utf8');
    } catch {
      return undefined;
    }
  };
}

/** Reads workspace-relative files as they were at a commit; `prefetch` reads many in one git call. */
export function revisionReader(workspaceRoot: string, commit: string): ReadFile & { prefetch(files: readonly string[]): void } {
  const read = new Map<string, string | undefined>();
  const reader = (file: string) => {
    if (!read.has(file)) read.set(file, readFileAtRevision(workspaceRoot, commit, `./${file}`));
    return read.get(file);
  };
  reader.prefetch = (files: readonly string[]) => {
    const missing = files.filter((file) => !read.has(file));
    if (missing.length === 0) return;
    const texts = readFilesAtRevision(workspaceRoot, commit, missing.map((file) => `./${file}`));
    for (const file of missing) read.set(file, texts.get(`./${file}`));
  };
  return reader;
}

/**
 * Runs one project's contract check: validates the specs it owns, and checks its own calls
 * against the specs it consumes (current version, and what changed since the base).
 */
export function runContractCheck(options: ContractCheckOptions): ContractReport {
  const head = workingTreeReader(options.workspaceRoot);
  const base = options.baseCommit ? revisionReader(options.workspaceRoot, options.baseCommit) : undefined;
  const notes: string[] = [];
  let deleted: string[] | undefined;
  const versionsOf = (ref: SpecRef): SpecVersions => {
    const headSpec = indexSpec(ref.file, head);
    const published = options.baselines?.[ref.file];
    // Read at its own path, so its problems and its side of each finding say where it is.
    if (published !== undefined) return { ...ref, head: headSpec, base: indexSpec(published, head) };
    // Every document the spec has now, in one git call: most of them are unchanged and compared below.
    base?.prefetch(headSpec.spec.documents.includes(ref.file) ? headSpec.spec.documents : [ref.file, ...headSpec.spec.documents]);
    const baseText = base?.(ref.file);
    if (!base || !options.baseCommit) return { ...ref, head: headSpec };
    if (baseText === undefined) {
      // New at this path: moved here in this change (maybe along with a break), or really new.
      const before = formerPath(headSpec, () => (deleted ??= deletedSince(options.workspaceRoot, options.baseCommit as string)), base);
      if (!before) return { ...ref, head: headSpec };
      notes.push(`${ref.file} was ${before.file} at the base: compared with that.`);
      return { ...ref, head: headSpec, base: indexSpec(before.file, base) };
    }
    // Most checks run against a spec this change did not touch: reuse the head's parse then.
    const unchanged = headSpec.spec.documents.length > 0 && headSpec.spec.documents.every((file) => base(file) === head(file));
    return { ...ref, head: headSpec, base: unchanged ? headSpec : indexSpec(ref.file, base) };
  };

  const owned = options.ownedSpecs.map(versionsOf);
  const consumed = options.consumedSpecs.map(versionsOf);
  const problems: InputProblem[] = owned.flatMap((versions) => versions.head.spec.problems);
  const ownedFiles = owned.map((versions) => versions.file);
  for (const versions of owned) {
    if (versions.head.spec.problems.length > 0 || !versions.head.spec.root) continue;
    const owner = fingerprintFileOwner(versions.file, ownedFiles);
    if (owner !== versions.file) {
      notes.push(`${versions.file} has no fingerprint file of its own: ${fingerprintFilePath(versions.file)} belongs to ${owner} beside it. Every edit of ${versions.file} reruns all its consumers; rename one of the two specs, or leave one out of the plugin's \`specs\`/\`exclude\` patterns.`);
      continue;
    }
    const status = checkFingerprintFile(versions.file, versions.head, head);
    if (status.kind === 'stale') problems.push(status.problem);
    if (status.kind === 'missing') {
      notes.push(`${status.file} does not exist: every edit of ${versions.file} reruns all its consumers. Run \`nx sync\` and commit it to rerun only the consumers of changed operations.`);
    }
  }
  for (const versions of consumed) {
    if (isDeleted(versions)) notes.push(`${versions.file} was deleted since the base: every operation of it that ${options.project.name} calls is checked as removed.`);
    else if (!versions.head.spec.root) problems.push(...unusableSpecProblems(versions));
  }
  for (const versions of owned) {
    const published = options.baselines?.[versions.file];
    if (published !== undefined && versions.base && !versions.base.spec.root) {
      problems.push(...versions.base.spec.problems.map((problem) => ({
        ...problem,
        message: `the published baseline ${published} of ${versions.file}: ${problem.message}`,
        ...(problem.code === 'spec-missing' && problem.location.file === published ? { hint: `Fix the path in the \`baselines\` option ("${versions.file}": "${published}"), or add the published file.` } : {}),
      })));
    }
  }

  let findings: Finding[] = [];
  const diffs = new Map<string, SpecDiff>();
  for (const versions of owned) {
    if (!versions.base?.spec.root || !versions.head.spec.root) continue;
    const specOptions = specCheckOptions(versions.head.spec);
    const diff = diffSpecs(versions.base, versions.head, { now: options.now, ...(specOptions.secondOpinion ? { secondOpinion: {} } : {}) });
    diffs.set(versions.file, diff);
    problems.push(...diff.problems);
    notes.push(...diff.notes);
    const known = options.ownedSpecs.find((ref) => ref.file === versions.file)?.consumers;
    const consumers: KnownConsumer[] | undefined = known?.map((consumer) => ({
      name: consumer.name,
      usage: scanProjectUsage(options.workspaceRoot, consumer.root, options.usageCache, { operations: versions.head.operations }),
    }));
    findings.push(...judgeSpecChanges(versions, diff, specOptions, consumers));
    const breaking = diff.changes.filter((change) => change.severity === 'error' && change.category === 'breaking').length;
    const bump = checkVersionBump({ spec: versions.name, specFile: versions.file, base: versions.base.spec, head: versions.head.spec, breaking, severity: specOptions.semver });
    if (bump) findings.push(bump);
  }
  let usage = { files: 0, calls: 0, resolvedCalls: 0, fieldReads: 0 };
  // A spec that cannot be read now says so above (`cannot check calls against …`); checked against
  // its base, every call would look like a call of a removed operation. A deleted spec is exactly that.
  // The project's own specs last, as in graph construction: a call that another spec defines too is a call of that API.
  const isOwned = (versions: SpecVersions) => ownedFiles.includes(versions.file);
  const checkable = [...consumed.filter((versions) => !isOwned(versions)), ...consumed.filter(isOwned)].filter((versions) => versions.head.spec.root || isDeleted(versions));
  if (checkable.length > 0) {
    const scanned = scanProjectUsage(options.workspaceRoot, options.project.root, options.usageCache, { operations: checkable.flatMap((versions) => versions.head.operations) });
    const result = checkConsumer(options.project.name, scanned, checkable, { diffs, now: options.now });
    // A project that calls a spec it holds gets each change once: as the consumer that uses it.
    const usedHere = new Set(result.findings.map(changeIdentity));
    findings = findings.filter((finding) => !usedHere.has(changeIdentity(finding)));
    findings.push(...result.findings);
    notes.push(...result.notes.filter((note) => !notes.includes(note)));
    problems.push(...result.problems.filter((problem) => !problems.includes(problem)));
    for (const versions of checkable) {
      const supported = supportedRange(options.workspaceRoot, options.project, versions);
      const outside = supported ? checkSupportedRange({ spec: versions.name, specFile: versions.file, head: versions.head.spec, consumer: options.project.name, supported }) : undefined;
      if (outside) findings.push(outside);
    }
    problems.push(...scanned.problems);
    usage = {
      files: scanned.files,
      calls: scanned.calls.length,
      resolvedCalls: result.resolvedCalls.length,
      fieldReads: scanned.calls.reduce((total, call) => total + call.responseFields.length, 0),
    };
  }

  const specs: SpecSummary[] = [
    ...owned.map((versions) => summarizeSpec(versions, 'owned')),
    ...consumed.map((versions) => summarizeSpec(versions, 'consumed')),
  ].sort((a, b) => compareText(a.file, b.file) || compareText(a.role, b.role));
  let allowed: Finding[] = [];
  let stale: ContractReport['staleAllowListEntries'] = [];
  if (options.allowList) {
    const diffedOwnedSpecs = owned
      .filter((versions) => diffs.has(versions.file))
      .map((versions) => ({
        name: versions.name,
        file: versions.file,
        operationKeys: new Set([...versions.head.operations, ...(versions.base?.operations ?? [])].map((operation) => normalizedOperation(describeOperation(operation)))),
      }));
    const applied = applyAllowList(findings, options.allowList, { project: options.project.name, diffedOwnedSpecs, now: options.now ?? new Date() });
    findings = applied.findings;
    allowed = applied.allowed;
    stale = applied.stale;
    problems.push(...options.allowList.problems, ...applied.problems);
  }
  const sortedProblems = sortProblems(problems);
  return {
    reportVersion: 1,
    project: options.project.name,
    ...(options.baseCommit ? { base: options.baseCommit } : {}),
    specs,
    usage,
    notes,
    findings,
    problems: sortedProblems,
    allowed,
    staleAllowListEntries: stale,
    summary: summarize(findings, sortedProblems, { failOn: options.failOn, allowed: allowed.length }),
  };
}

/**
 * The range of a spec's versions a consumer supports, declared in its project.json or package.json:
 * `"contractGraph": { "supports": { "users-api": "^1.2.0" } }`, keyed by spec file or spec project name; the file wins
 * when both are given (a project may own several specs).
 */
function supportedRange(workspaceRoot: string, project: { name: string; root: string }, spec: SpecRef): SupportedRange | undefined {
  for (const name of ['project.json', 'package.json']) {
    const file = path.posix.join(project.root, name);
    let text: string;
    try {
      text = fs.readFileSync(path.join(workspaceRoot, file), 'utf8');
    } catch {
      continue;
    }
    let supports: Record<string, unknown> | undefined;
    try {
      supports = (JSON.parse(text) as { contractGraph?: { supports?: Record<string, unknown> } }).contractGraph?.supports;
    } catch {
      continue;
    }
    const key = supports && [spec.file, spec.name].find((candidate) => typeof supports?.[candidate] === 'string');
    if (!supports || !key) continue;
    const offset = text.indexOf(JSON.stringify(key));
    const before = text.slice(0, Math.max(offset, 0)).split('\n');
    return { range: supports[key] as string, declaredAt: { project: project.name, file, line: before.length, column: (before[before.length - 1]?.length ?? 0) + 1 } };
  }
  return undefined;
}

/**
 * Where a spec that is new at its path was at the base: of the spec files gone since then, the
 * one sharing the most operations with it (the first in code-unit order on a tie). Decided by
 * content, so moving the file with `mv` (not yet staged) and with `git mv` give the same answer.
 */
function formerPath(head: IndexedSpec, deletedFiles: () => readonly string[], base: ReadFile & { prefetch(files: readonly string[]): void }): { file: string } | undefined {
  if (head.operations.length === 0) return undefined;
  const keys = new Set(head.operations.map((operation) => operation.key));
  const candidates = deletedFiles().filter((file) => /\.(ya?ml|json)$/.test(file));
  // One git call for all of them; most deleted JSON/YAML files are not specs and are not parsed.
  base.prefetch(candidates);
  let best: { file: string; shared: number } | undefined;
  for (const file of candidates) {
    if (!/^\s*["']?(openapi|swagger)["']?\s*:/m.test(base(file) ?? '')) continue;
    const operations = indexSpec(file, base).operations;
    const shared = operations.filter((operation) => keys.has(operation.key)).length;
    // Most operations in common, as git asks half the content for a rename: one shared health check is not a move.
    if (shared * 2 < Math.min(keys.size, operations.length) || shared === 0) continue;
    if (!best || shared > best.shared) best = { file, shared };
  }
  return best && { file: best.file };
}

/** One change of one spec, whoever reports it (the spec's owner or a consumer). */
function changeIdentity(finding: Finding): string {
  return [finding.specFile, finding.ruleId, finding.operation, finding.property ?? '', finding.status ?? ''].join('\u0000');
}

/** The spec's file is gone from the working tree but was a readable spec at the base: the API was deleted. */
function isDeleted(versions: SpecVersions): boolean {
  return !versions.head.spec.root && Boolean(versions.base?.spec.root) && versions.head.spec.problems.some((problem) => problem.code === 'spec-missing' && problem.location.file === versions.file);
}

function unusableSpecProblems(versions: SpecVersions): InputProblem[] {
  return versions.head.spec.problems.map((problem) => ({
    ...problem,
    message: `cannot check calls against ${versions.name}: ${problem.message}`,
  }));
}

function summarizeSpec(versions: SpecVersions, role: SpecSummary['role']): SpecSummary {
  return {
    name: versions.name,
    file: versions.file,
    role,
    operations: versions.head.operations.length,
    // A base or head that could not be read lists nothing: every operation would look added or removed.
    changedOperations: role === 'owned' && versions.base?.spec.root && versions.head.spec.root ? changedOperations(versions.base, versions.head) : [],
  };
}

/** Operations added, removed or changed (by resolved fingerprint) between two versions of a spec. */
export function changedOperations(base: IndexedSpec, head: IndexedSpec): SpecSummary['changedOperations'] {
  const fingerprints = (indexed: IndexedSpec) => {
    const hasher = createNodeHasher(indexed.spec);
    return new Map(indexed.operations.map((operation) => [operation.key, { operation, hash: fingerprintOperation(indexed.spec, operation, hasher) }]));
  };
  const before = fingerprints(base);
  const after = fingerprints(head);
  const changes: SpecSummary['changedOperations'] = [];
  for (const [key, entry] of after) {
    const previous = before.get(key);
    if (!previous) changes.push({ operation: describeOperation(entry.operation), change: 'added' });
    else if (previous.hash !== entry.hash) changes.push({ operation: describeOperation(entry.operation), change: 'changed' });
  }
  for (const [key, entry] of before) {
    if (!after.has(key)) changes.push({ operation: describeOperation(entry.operation), change: 'removed' });
  }
  return changes.sort((a, b) => compareText(a.operation, b.operation) || compareText(a.change, b.change));
}
