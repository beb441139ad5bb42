import type { Finding } from '../check/finding';
import type { SourceLocation } from '../model';
import type { ContractReport } from './summary';

/**
 * GitHub Actions workflow commands (`::error file=…,line=…,col=…,title=…::message`): printed by a
 * step (e.g. `cat` of the written file), they annotate the pull request at each consumer location
 * and at the spec location. Warnings and infos become `::warning` / `::notice`; input problems and
 * stale allow-list entries are annotated where they are.
 */
export function formatGithub(report: ContractReport): string {
  const lines: string[] = [];
  for (const problem of report.problems) {
    lines.push(command('error', problem.location, problem.code, problem.hint ? `${problem.message}\nhint: ${problem.hint}` : problem.message));
  }
  for (const finding of report.findings) {
    const level = finding.severity === 'error' ? 'error' : finding.severity === 'warning' ? 'warning' : 'notice';
    const title = `${finding.ruleId} (${finding.spec} → ${consumersOf(finding, report.project)})`;
    const text = `${finding.message}\nhint: ${finding.hint}\ndocs: ${finding.docs}`;
    const places: SourceLocation[] = [...finding.consumers, ...(finding.specLocation ? [finding.specLocation] : [])];
    if (places.length === 0) lines.push(command(level, undefined, title, text));
    for (const place of places) lines.push(command(level, place, title, text));
  }
  for (const entry of report.staleAllowListEntries ?? []) {
    lines.push(command('warning', entry.location, 'allow-list entry matches nothing', `The allow-list entry ${entry.rule} ${entry.operation ?? entry.spec ?? ''} matched no finding of ${report.project}: remove it.`));
  }
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

function consumersOf(finding: Finding, project: string): string {
  return [...new Set(finding.consumers.map((consumer) => consumer.project))].join(', ') || project;
}

function command(level: 'error' | 'warning' | 'notice', location: SourceLocation | undefined, title: string, message: string): string {
  const properties = [
    ...(location ? [`file=${property(location.file)}`, `line=${location.line}`, `col=${location.column}`] : []),
    `title=${property(title)}`,
  ];
  return `::${level} ${properties.join(',')}::${data(message)}`;
}

/** Workflow command data: `%`, CR and LF escaped. */
function data(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

/** Workflow command property values: also `:` and `,`. */
function property(text: string): string {
  return data(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}
