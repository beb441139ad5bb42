import * as fs from 'node:fs';
import * as path from 'node:path';
import type { AllowedBy, Finding } from '../check/finding';
import type { InputProblem, SourceLocation } from '../model';
import type { StaleAllowListEntry } from '../report/summary';
import { DIFF_RULES, RULES } from '../rules/registry';
import { isInputProblem, parseSpecDocument } from '../spec/parse-document';
import { operationKey } from '../spec/operations';

/**
 * One accepted finding: keyed by rule id + operation (+ property, + consumer, + spec), never by
 * message text, with a reason and the last day it applies.
 */
export interface AllowListEntry {
  rule: string;
  /** `GET /api/users/{id}`; parameter names do not matter. Absent only for spec-wide rules (then `spec` is required). */
  operation?: string;
  /** `user.lastLogin`: exactly the finding's property path. */
  property?: string;
  /** The consumer project the entry is for; absent: every consumer, and the spec's own check. */
  consumer?: string;
  /** The spec's project name or file. */
  spec?: string;
  reason: string;
  /** `YYYY-MM-DD`, the last day the entry applies (UTC). */
  expires: string;
  location: SourceLocation;
}

export interface AllowList {
  entries: AllowListEntry[];
  /** Configuration problems: an unreadable file, an entry without reason or expiry, an unknown rule id or key. */
  problems: InputProblem[];
}

/** Where the allow-list is looked for when no file is configured (workspace-relative). */
export const DEFAULT_ALLOW_LIST_FILES = ['contract-graph.allow.yaml', 'contract-graph.allow.yml', 'contract-graph.allow.json'];

const ENTRY_KEYS = new Set(['rule', 'operation', 'property', 'consumer', 'spec', 'reason', 'expires']);
const RULE_IDS = new Set(RULES.map((rule) => rule.id));
/** The rules a spec's own check reports for every change since the base, used or not. */
const OWNER_RULE_IDS = new Set([...DIFF_RULES.map((rule) => rule.id), 'major-version-not-bumped']);
const METHOD_PATH = /^(GET|PUT|POST|DELETE|OPTIONS|HEAD|PATCH|TRACE) (\/\S*)$/i;
const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

export const EMPTY_ALLOW_LIST: AllowList = { entries: [], problems: [] };

/**
 * Reads the allow-list file (workspace-relative). A configured file that does not exist is a
 * problem; without one, the default files are used when present, and none is fine.
 */
export function readAllowList(workspaceRoot: string, file?: string): AllowList {
  const candidates = file ? [file] : DEFAULT_ALLOW_LIST_FILES;
  for (const candidate of candidates) {
    let text: string;
    try {
      text = fs.readFileSync(path.join(workspaceRoot, candidate), 'utf8');
    } catch {
      continue;
    }
    return parseAllowList(candidate, text);
  }
  if (!file) return EMPTY_ALLOW_LIST;
  return {
    entries: [],
    problems: [
      {
        code: 'allow-list-invalid',
        message: `The allow-list file ${file} does not exist`,
        location: { file, line: 1, column: 1 },
        hint: `Create ${file}, or fix the \`allowList\` option (a workspace-relative path).`,
      },
    ],
  };
}

/** Parses an allow-list document: `allow: [ { rule, operation, property?, consumer?, spec?, reason, expires } ]` (YAML or JSON). */
export function parseAllowList(file: string, text: string): AllowList {
  const parsed = parseSpecDocument(file, text);
  if (isInputProblem(parsed)) {
    return { entries: [], problems: [{ ...parsed, code: 'allow-list-invalid', hint: `Fix the syntax of the allow-list ${file}.` }] };
  }
  const root = parsed.value as { allow?: unknown } | null;
  const list = root && typeof root === 'object' && !Array.isArray(root) ? root.allow : undefined;
  if (!Array.isArray(list)) {
    return {
      entries: [],
      problems: [{ code: 'allow-list-invalid', message: `${file} has no \`allow\` list`, location: parsed.locate([]), hint: 'Write `allow:` followed by a list of entries, each with rule, operation, reason and expires.' }],
    };
  }
  return collectEntries(list, (index, key) => parsed.locate(key ? ['allow', String(index), key] : ['allow', String(index)]), `${file}`);
}

/** Entries given inline (plugin or executor options), reported at `source` (e.g. `nx.json`). */
export function allowListFromOptions(entries: readonly unknown[], source: string): AllowList {
  return collectEntries(entries, () => ({ file: source, line: 1, column: 1 }), `${source} allow`);
}

/** Two allow-lists as one. */
export function mergeAllowLists(...lists: AllowList[]): AllowList {
  return { entries: lists.flatMap((list) => list.entries), problems: lists.flatMap((list) => list.problems) };
}

function collectEntries(list: readonly unknown[], locate: (index: number, key?: string) => SourceLocation, where: string): AllowList {
  const entries: AllowListEntry[] = [];
  const problems: InputProblem[] = [];
  list.forEach((raw, index) => {
    const at = (key?: string) => locate(index, key);
    const invalid = (message: string, hint: string, key?: string) =>
      problems.push({ code: 'allow-list-invalid', message: `${where}[${index}]: ${message}`, location: at(key), hint });
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
      invalid('an entry must be an object', 'Write `{ rule, operation, reason, expires }` (property, consumer and spec are optional).');
      return;
    }
    const value = raw as Record<string, unknown>;
    const before = problems.length;
    for (const key of Object.keys(value).sort()) {
      if (!ENTRY_KEYS.has(key)) invalid(`unknown key '${key}'`, `An entry has only ${[...ENTRY_KEYS].join(', ')}: a misspelt key would widen what the entry accepts.`, key);
      else if (typeof value[key] !== 'string' || (value[key] as string).trim() === '') invalid(`'${key}' must be a non-empty string`, `Give '${key}' a value, or remove it.`, key);
    }
    if (problems.length > before) return;
    const entry = value as Record<string, string | undefined>;
    if (!entry.rule) return invalid('no `rule`', 'Name the rule id the entry accepts, e.g. `response-property-removed` (see docs/rules/).');
    if (!RULE_IDS.has(entry.rule)) return invalid(`unknown rule id '${entry.rule}'`, 'Use a rule id from docs/rules/ (the `ruleId` of the finding).', 'rule');
    if (!entry.operation && !entry.spec) return invalid('no `operation`', 'Name the operation, e.g. `GET /api/users/{id}` (or `spec` for a rule about the whole spec).');
    if (entry.operation && !METHOD_PATH.test(entry.operation.trim())) return invalid(`'${entry.operation}' is not \`METHOD /path\``, 'Write the operation as the finding shows it, e.g. `GET /api/users/{id}`.', 'operation');
    if (!entry.reason) return invalid('no `reason`', 'Say why the finding is accepted (a ticket, a migration plan): the next reader has to judge it.');
    if (!entry.expires) return invalid('no `expires`', 'Give the last day the entry applies, `YYYY-MM-DD`: accepted breaks must be revisited.');
    if (!isDate(entry.expires)) return invalid(`'${entry.expires}' is not a date (YYYY-MM-DD)`, 'Write the expiry as `YYYY-MM-DD`, e.g. `2027-01-31`.', 'expires');
    entries.push({
      rule: entry.rule,
      ...(entry.operation ? { operation: entry.operation.trim() } : {}),
      ...(entry.property ? { property: entry.property } : {}),
      ...(entry.consumer ? { consumer: entry.consumer } : {}),
      ...(entry.spec ? { spec: entry.spec } : {}),
      reason: entry.reason,
      expires: entry.expires,
      location: at(),
    });
  });
  return { entries, problems };
}

function isDate(text: string): boolean {
  const match = DATE.exec(text);
  if (!match) return false;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return date.toISOString().slice(0, 10) === text;
}

/** True once the whole of the `expires` day (UTC) has passed. */
export function isExpired(entry: Pick<AllowListEntry, 'expires'>, now: Date): boolean {
  const [year, month, day] = entry.expires.split('-').map(Number);
  return now.getTime() >= Date.UTC(year, month - 1, day + 1);
}

/** What a check knows about where an entry could apply. */
export interface AllowListScope {
  /** The checked project. */
  project: string;
  /**
   * Specs this project owns and whose changes since a base were all judged in this check: an entry
   * for one of their operations without `consumer` must match one of those changes, or it is stale.
   */
  diffedOwnedSpecs: ReadonlyArray<{ name: string; file: string; operationKeys: ReadonlySet<string> }>;
  now: Date;
}

export interface AllowListResult {
  /** Findings no entry accepted. */
  findings: Finding[];
  /** Findings an entry accepted, each with `allowedBy`. */
  allowed: Finding[];
  /** Entries in this check's scope that matched nothing. */
  stale: StaleAllowListEntry[];
  /** Expired entries that still matter here: they accept nothing, and fail the check. */
  problems: InputProblem[];
}

/**
 * Applies the allow-list to a check's findings. An entry accepts the findings it matches until it
 * expires; an expired entry accepts nothing and fails the checks where it would match or where it
 * belongs; an entry that belongs to this check (its consumer, or the spec this project owns) and
 * matches nothing is reported as stale.
 */
export function applyAllowList(findings: readonly Finding[], allowList: AllowList, scope: AllowListScope): AllowListResult {
  const result: AllowListResult = { findings: [], allowed: [], stale: [], problems: [] };
  const matched = new Set<AllowListEntry>();
  const expiredHits = new Set<AllowListEntry>();
  for (const finding of findings) {
    const entries = allowList.entries.filter((entry) => matches(entry, finding, scope.project));
    const live = entries.find((entry) => !isExpired(entry, scope.now));
    for (const entry of entries) (isExpired(entry, scope.now) ? expiredHits : matched).add(entry);
    if (live) result.allowed.push({ ...finding, allowedBy: { reason: live.reason, expires: live.expires, location: live.location } satisfies AllowedBy });
    else result.findings.push(finding);
  }
  for (const entry of allowList.entries) {
    const belongs = belongsHere(entry, scope);
    if (isExpired(entry, scope.now)) {
      if (expiredHits.has(entry) || belongs) result.problems.push(expiredProblem(entry));
    } else if (belongs && !matched.has(entry)) {
      result.stale.push(staleEntry(entry));
    }
  }
  return result;
}

function matches(entry: AllowListEntry, finding: Finding, project: string): boolean {
  if (entry.rule !== finding.ruleId) return false;
  if (entry.spec && entry.spec !== finding.spec && entry.spec !== finding.specFile) return false;
  if (entry.operation ? !finding.operation || normalizedOperation(entry.operation) !== normalizedOperation(finding.operation) : finding.operation !== '') return false;
  if (entry.property !== undefined && entry.property !== finding.property) return false;
  if (entry.consumer !== undefined) {
    const users = new Set(finding.consumers.map((consumer) => consumer.project));
    if (users.size === 0 ? project !== entry.consumer : users.size !== 1 || !users.has(entry.consumer)) return false;
  }
  return true;
}

function belongsHere(entry: AllowListEntry, scope: AllowListScope): boolean {
  if (entry.consumer !== undefined) return entry.consumer === scope.project;
  if (!OWNER_RULE_IDS.has(entry.rule)) return false;
  return scope.diffedOwnedSpecs.some(
    (spec) => (!entry.spec || entry.spec === spec.name || entry.spec === spec.file) && (!entry.operation || spec.operationKeys.has(normalizedOperation(entry.operation))),
  );
}

/** `get /users/{userId}` → `GET /users/{}`: entries match whatever the parameters are called. */
export function normalizedOperation(operation: string): string {
  const match = METHOD_PATH.exec(operation.trim());
  return match ? operationKey(match[1], match[2]) : operation;
}

function describeEntry(entry: AllowListEntry): string {
  return [entry.rule, entry.operation, entry.property && `'${entry.property}'`, entry.consumer && `for ${entry.consumer}`].filter(Boolean).join(' ');
}

function expiredProblem(entry: AllowListEntry): InputProblem {
  return {
    code: 'allow-list-entry-expired',
    message: `The allow-list entry ${describeEntry(entry)} expired on ${entry.expires} (reason: ${entry.reason}); it no longer accepts anything`,
    location: entry.location,
    hint: 'Fix what the entry accepted and remove the entry, or set a new `expires` date with an updated reason.',
  };
}

function staleEntry(entry: AllowListEntry): StaleAllowListEntry {
  return {
    rule: entry.rule,
    ...(entry.operation ? { operation: entry.operation } : {}),
    ...(entry.property ? { property: entry.property } : {}),
    ...(entry.consumer ? { consumer: entry.consumer } : {}),
    ...(entry.spec ? { spec: entry.spec } : {}),
    reason: entry.reason,
    expires: entry.expires,
    location: entry.location,
  };
}
