import type { AllowListEntry } from '../allow-list/allow-list';
import type { Finding } from '../check/finding';
import type { InputProblem } from '../model';

/** Which finding severities fail a check: `error` (default) or `warning` (errors and warnings). */
export type FailOn = 'error' | 'warning';

export const FAIL_ON_VALUES: readonly FailOn[] = ['error', 'warning'];

/**
 * Exit codes, the same for the CLI and (as pass/fail) the Nx executor: 0 pass, 1 a contract is
 * broken (a finding at or above `failOn`), 2 bad input or configuration (and nothing broken).
 */
export const EXIT_CODES = { passed: 0, 'contract-broken': 1, 'bad-input': 2 } as const;

export type Outcome = keyof typeof EXIT_CODES;

/** The whole result of one project's contract check; what the JSON report contains. */
export interface ContractReport {
  /** Bumped when the JSON shape changes incompatibly. */
  reportVersion: 1;
  project: string;
  /** The commit the specs were diffed against, when there was one. */
  base?: string;
  specs: SpecSummary[];
  /** How many calls and field reads were checked. */
  usage: { files: number; calls: number; resolvedCalls: number; fieldReads: number };
  /** Things worth knowing that do not fail the check. */
  notes: string[];
  findings: Finding[];
  problems: InputProblem[];
  /** Findings an allow-list entry accepted (with `allowedBy`): listed, never counted. */
  allowed?: Finding[];
  /** Allow-list entries that concern this check's specs but matched no finding: candidates for removal. */
  staleAllowListEntries?: StaleAllowListEntry[];
  summary: ReportSummary;
}

export interface ReportSummary {
  errors: number;
  warnings: number;
  problems: number;
  /** Findings accepted by the allow-list (not in `errors`/`warnings`). */
  allowed?: number;
  /** The severity that fails the check. */
  failOn?: FailOn;
  /** `passed`, `contract-broken` (exit 1) or `bad-input` (exit 2). */
  outcome?: Outcome;
  /** The CLI's exit code for this report: 0, 1 or 2. */
  exitCode?: 0 | 1 | 2;
  passed: boolean;
}

/** An allow-list entry that matched nothing, and where it is written. */
export type StaleAllowListEntry = AllowListEntry;

export interface SpecSummary {
  name: string;
  file: string;
  role: 'owned' | 'consumed';
  operations: number;
  /** Operations whose resolved fingerprint differs from the base: `GET /api/users/{id}`. */
  changedOperations: Array<{ operation: string; change: 'added' | 'removed' | 'changed' }>;
}

/**
 * Counts findings and problems and gives the verdict: a finding at or above `failOn` breaks the
 * contract (exit 1); otherwise bad input or configuration fails it (exit 2); otherwise it passes.
 */
export function summarize(findings: readonly Finding[], problems: readonly InputProblem[], options: { failOn?: FailOn; allowed?: number } = {}): ReportSummary {
  const failOn = options.failOn ?? 'error';
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  const warnings = findings.filter((finding) => finding.severity === 'warning').length;
  const broken = errors > 0 || (failOn === 'warning' && warnings > 0);
  const outcome: Outcome = broken ? 'contract-broken' : problems.length > 0 ? 'bad-input' : 'passed';
  return {
    errors,
    warnings,
    problems: problems.length,
    allowed: options.allowed ?? 0,
    failOn,
    outcome,
    exitCode: EXIT_CODES[outcome],
    passed: outcome === 'passed',
  };
}

/** The exit code of a report (reports written before `exitCode` existed included). */
export function exitCodeOf(report: Pick<ContractReport, 'summary' | 'problems'>): 0 | 1 | 2 {
  if (report.summary.exitCode !== undefined) return report.summary.exitCode;
  if (report.summary.passed) return 0;
  return report.summary.errors > 0 ? 1 : 2;
}
