import type { Finding } from '../check/finding';
import type { InputProblem, SourceLocation, SpecLocation } from '../model';
import type { ContractReport } from './summary';

export interface StylishOptions {
  color?: boolean;
}

type Paint = (code: number, text: string) => string;

/** The human report: one block per finding with spec and consumer locations, then a summary line. */
export function formatStylish(report: ContractReport, options: StylishOptions = {}): string {
  const paint: Paint = options.color ? (code, text) => `\u001b[${code}m${text}\u001b[0m` : (_code, text) => text;
  const lines: string[] = [];
  for (const problem of report.problems) lines.push(...problemBlock(problem, paint), '');
  for (const finding of report.findings) lines.push(...findingBlock(finding, report.project, paint), '');
  for (const spec of report.specs) {
    if (spec.role !== 'owned' || spec.changedOperations.length === 0) continue;
    lines.push(`${spec.name}: ${spec.changedOperations.length} operation(s) changed since ${shortCommit(report.base)}`);
    for (const changed of spec.changedOperations) lines.push(`  ${changed.change.padEnd(7)} ${changed.operation}`);
    lines.push('');
  }
  for (const entry of report.staleAllowListEntries ?? []) {
    const what = [entry.rule, entry.operation ?? entry.spec, entry.property && `'${entry.property}'`, entry.consumer && `for ${entry.consumer}`].filter(Boolean).join(' ');
    lines.push(`${paint(33, 'warning')} ${paint(1, 'allow-list-entry-stale')}`, `  The allow-list entry ${what} matches no finding of ${report.project}`, `  at ${at(entry.location)}`, '  hint: Remove the entry: what it accepted is gone.', '');
  }
  for (const finding of report.allowed ?? []) {
    const by = finding.allowedBy;
    lines.push(`allowed ${finding.ruleId} ${finding.operation}${finding.property ? ` '${finding.property}'` : ''} until ${by?.expires}: ${by?.reason}${by ? ` (${at(by.location)})` : ''}`);
  }
  if ((report.allowed ?? []).length > 0) lines.push('');
  for (const note of report.notes) lines.push(`note: ${note}`, '');
  lines.push(summaryLine(report, paint));
  return `${lines.join('\n')}\n`;
}

function findingBlock(finding: Finding, project: string, paint: Paint): string[] {
  const severity = finding.severity === 'error' ? paint(31, 'error') : finding.severity === 'warning' ? paint(33, 'warning') : paint(36, 'info');
  const consumers = [...new Set(finding.consumers.map((consumer) => consumer.project))].join(', ') || project;
  const who = consumers === finding.spec ? finding.spec : `${finding.spec} → ${consumers}`;
  const lines = [`${severity} ${paint(1, finding.ruleId)} ${who}`, `  ${finding.message}`];
  if (finding.specLocation) lines.push(`  at ${specAt(finding.specLocation)}`);
  if (finding.baseLocation) lines.push(`  was at ${specAt(finding.baseLocation)} in the base version`);
  for (const consumer of finding.consumers) lines.push(`  used by ${paint(36, at(consumer))}`);
  lines.push(`  hint: ${finding.hint}`, `  docs: ${finding.docs}`);
  return lines;
}

function problemBlock(problem: InputProblem, paint: Paint): string[] {
  const lines = [`${paint(31, 'error')} ${paint(1, problem.code)}`, `  ${problem.message}`, `  at ${at(problem.location)}`];
  if (problem.hint) lines.push(`  hint: ${problem.hint}`);
  return lines;
}

function summaryLine(report: ContractReport, paint: Paint): string {
  const { errors, warnings, problems } = report.summary;
  const owned = report.specs.filter((spec) => spec.role === 'owned');
  const consumed = report.specs.filter((spec) => spec.role === 'consumed');
  const checked = [
    owned.length > 0 ? `${owned.length} spec(s) validated (${owned.reduce((total, spec) => total + spec.operations, 0)} operations)` : '',
    consumed.length > 0 ? `${report.usage.resolvedCalls} call(s) to ${consumed.map((spec) => spec.name).join(', ')} checked` : '',
  ]
    .filter(Boolean)
    .join(', ');
  const allowed = report.summary.allowed ?? 0;
  const counts = `${errors} error(s), ${warnings} warning(s)${problems > 0 ? `, ${problems} input problem(s)` : ''}${allowed > 0 ? `, ${allowed} allowed` : ''}`;
  return report.summary.passed
    ? `${paint(32, '✔')} contract-check ${report.project}: passed — ${checked}, ${counts}`
    : `${paint(31, '✖')} contract-check ${report.project}: failed — ${counts}; ${checked}`;
}

function at(location: SourceLocation): string {
  return `${location.file}:${location.line}:${location.column}`;
}

function specAt(location: SpecLocation): string {
  return `${at(location)} (#${location.pointer})`;
}

function shortCommit(commit: string | undefined): string {
  return commit ? commit.slice(0, 12) : 'the base';
}
