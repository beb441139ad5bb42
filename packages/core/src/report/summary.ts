import type { Finding } from '../check/finding';
import type { InputProblem } from '../model';

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
  summary: { errors: number; warnings: number; problems: number; passed: boolean };
}

export interface SpecSummary {
  name: string;
  file: string;
  role: 'owned' | 'consumed';
  operations: number;
  /** Operations whose resolved fingerprint differs from the base: `GET /api/users/{id}`. */
  changedOperations: Array<{ operation: string; change: 'added' | 'removed' | 'changed' }>;
}

/** Counts findings and problems; the check fails on any error finding or bad input. */
export function summarize(findings: readonly Finding[], problems: readonly InputProblem[]): ContractReport['summary'] {
  const errors = findings.filter((finding) => finding.severity === 'error').length;
  const warnings = findings.filter((finding) => finding.severity === 'warning').length;
  return { errors, warnings, problems: problems.length, passed: errors === 0 && problems.length === 0 };
}
