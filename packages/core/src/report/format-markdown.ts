import type { Finding } from '../check/finding';
import type { ContractReport } from './summary';

/**
 * A pull-request summary (e.g. for `$GITHUB_STEP_SUMMARY` or a PR comment): the verdict, what
 * changed in the specs, who is affected and where, and what to do about each finding.
 */
export function formatMarkdown(report: ContractReport): string {
  const { errors, warnings, problems } = report.summary;
  const allowed = report.allowed ?? [];
  const lines: string[] = [];
  const verdict = report.summary.passed ? '✅ passed' : report.summary.outcome === 'bad-input' ? '⚠️ bad input or configuration' : '❌ contract broken';
  lines.push(`### contract-check \`${report.project}\`: ${verdict}`, '');
  lines.push(`${errors} error(s), ${warnings} warning(s)${problems > 0 ? `, ${problems} input problem(s)` : ''}${allowed.length > 0 ? `, ${allowed.length} allowed` : ''}${report.base ? ` — compared with \`${report.base.slice(0, 12)}\`` : ''}.`, '');

  const changed = report.specs.filter((spec) => spec.role === 'owned' && spec.changedOperations.length > 0);
  if (changed.length > 0) {
    lines.push('#### What changed', '', '| spec | operation | change |', '| --- | --- | --- |');
    for (const spec of changed) for (const entry of spec.changedOperations) lines.push(`| ${cell(spec.name)} | \`${cell(entry.operation)}\` | ${entry.change} |`);
    lines.push('');
  }

  if (report.findings.length > 0) {
    lines.push('#### Who is affected', '', '| | rule | spec → consumer | operation | where |', '| --- | --- | --- | --- | --- |');
    for (const finding of report.findings) {
      const where = [
        ...finding.consumers.map((consumer) => `\`${consumer.file}:${consumer.line}:${consumer.column}\``),
        ...(finding.specLocation ? [`spec \`${finding.specLocation.file}:${finding.specLocation.line}\``] : []),
      ].join('<br>');
      lines.push(`| ${icon(finding)} | [${finding.ruleId}](${finding.docs}) | ${cell(finding.spec)} → ${cell(consumersOf(finding, report.project))} | ${operationCell(finding)} | ${where} |`);
    }
    lines.push('', '#### What to do', '');
    for (const finding of report.findings) lines.push(`- ${icon(finding)} ${cell(finding.message)}  \n  ${cell(finding.hint)} ([${finding.ruleId}](${finding.docs}))`);
    lines.push('');
  }

  if (report.problems.length > 0) {
    lines.push('#### Bad input or configuration', '');
    for (const problem of report.problems) {
      lines.push(`- \`${problem.code}\` at \`${problem.location.file}:${problem.location.line}:${problem.location.column}\`: ${cell(problem.message)}${problem.hint ? `  \n  ${cell(problem.hint)}` : ''}`);
    }
    lines.push('');
  }

  if (allowed.length > 0) {
    lines.push('<details><summary>Allowed by the allow-list</summary>', '');
    for (const finding of allowed) lines.push(`- ${finding.ruleId} ${operationCell(finding)} — ${cell(finding.allowedBy?.reason ?? '')} (until ${finding.allowedBy?.expires})`);
    lines.push('', '</details>', '');
  }
  const stale = report.staleAllowListEntries ?? [];
  if (stale.length > 0) {
    lines.push('#### Stale allow-list entries', '');
    for (const entry of stale) lines.push(`- \`${entry.location.file}:${entry.location.line}\`: ${entry.rule} ${cell(entry.operation ?? entry.spec ?? '')} matches nothing — remove it.`);
    lines.push('');
  }
  if (report.notes.length > 0) {
    for (const note of report.notes) lines.push(`> ${cell(note)}`);
    lines.push('');
  }
  return `${lines.join('\n').trimEnd()}\n`;
}

function icon(finding: Finding): string {
  return finding.severity === 'error' ? '❌' : finding.severity === 'warning' ? '⚠️' : 'ℹ️';
}

function consumersOf(finding: Finding, project: string): string {
  return [...new Set(finding.consumers.map((consumer) => consumer.project))].join(', ') || project;
}

function operationCell(finding: Finding): string {
  if (!finding.operation) return '';
  return `\`${cell(finding.operation)}\`${finding.property ? ` \`${cell(finding.property)}\`` : ''}`;
}

/** Table-safe text: pipes escaped, line breaks folded. */
function cell(text: string): string {
  return text.replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
}
