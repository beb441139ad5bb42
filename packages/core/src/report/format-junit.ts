import type { Finding } from '../check/finding';
import type { InputProblem } from '../model';
import type { ContractReport } from './summary';

/**
 * JUnit XML for CI test tabs: one suite per report, one test case per finding (a failure when it
 * fails the check, else passing with its text), per input problem (an error) and per allowed
 * finding (skipped, with the reason). No timestamps or durations, so equal inputs give equal bytes.
 */
export function formatJunit(report: ContractReport): string {
  const failOn = report.summary.failOn ?? 'error';
  const cases: string[] = [];
  let failures = 0;
  let errors = 0;
  let skipped = 0;
  for (const problem of report.problems) {
    errors++;
    cases.push(testCase(`${report.project}.input`, `${problem.code} ${problem.location.file}`, `<error type="${xml(problem.code)}" message="${xml(problem.message)}">${xml(problemText(problem))}</error>`));
  }
  for (const finding of report.findings) {
    const fails = finding.severity === 'error' || (finding.severity === 'warning' && failOn === 'warning');
    if (fails) failures++;
    const body = fails
      ? `<failure type="${xml(finding.ruleId)}" message="${xml(finding.message)}">${xml(findingText(finding))}</failure>`
      : `<system-out>${xml(`${finding.severity}: ${findingText(finding)}`)}</system-out>`;
    cases.push(testCase(`${report.project}.${finding.spec}`, caseName(finding), body));
  }
  for (const finding of report.allowed ?? []) {
    skipped++;
    const by = finding.allowedBy;
    cases.push(testCase(`${report.project}.${finding.spec}`, caseName(finding), `<skipped message="${xml(`allowed until ${by?.expires}: ${by?.reason}`)}"/>`));
  }
  if (cases.length === 0) cases.push(testCase(report.project, 'contract-check', ''));
  const tests = cases.length;
  const counts = `tests="${tests}" failures="${failures}" errors="${errors}" skipped="${skipped}"`;
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="contract-graph" ${counts}>`,
    `  <testsuite name="contract-check ${xml(report.project)}" ${counts}>`,
    ...cases,
    '  </testsuite>',
    '</testsuites>',
    '',
  ].join('\n');
}

function caseName(finding: Finding): string {
  return [finding.ruleId, finding.operation, finding.property, finding.status && `(${finding.status})`].filter(Boolean).join(' ');
}

function testCase(classname: string, name: string, body: string): string {
  return body ? `    <testcase classname="${xml(classname)}" name="${xml(name)}">${body}</testcase>` : `    <testcase classname="${xml(classname)}" name="${xml(name)}"/>`;
}

function findingText(finding: Finding): string {
  const lines = [`${finding.ruleId} ${finding.spec}`, finding.message];
  if (finding.specLocation) lines.push(`at ${finding.specLocation.file}:${finding.specLocation.line}:${finding.specLocation.column} (#${finding.specLocation.pointer})`);
  if (finding.baseLocation) lines.push(`was at ${finding.baseLocation.file}:${finding.baseLocation.line}:${finding.baseLocation.column} in the base version`);
  for (const consumer of finding.consumers) lines.push(`used by ${consumer.file}:${consumer.line}:${consumer.column}`);
  lines.push(`hint: ${finding.hint}`, `docs: ${finding.docs}`);
  return lines.join('\n');
}

function problemText(problem: InputProblem): string {
  return [problem.message, `at ${problem.location.file}:${problem.location.line}:${problem.location.column}`, ...(problem.hint ? [`hint: ${problem.hint}`] : [])].join('\n');
}

/** Escapes text for XML attributes and content, dropping characters XML 1.0 cannot hold. */
function xml(text: string): string {
  return text
    // eslint-disable-next-line no-control-regex
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;');
}
