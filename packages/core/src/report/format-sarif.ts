import { createHash } from 'node:crypto';
import type { Finding } from '../check/finding';
import type { InputProblem, SourceLocation } from '../model';
import { RULES } from '../rules/registry';
import type { Severity } from '../rules/rule';
import type { ContractReport } from './summary';

/** The SARIF version written, and the schema it validates against. */
export const SARIF_VERSION = '2.1.0';
export const SARIF_SCHEMA_URI = 'https://docs.oasis-open.org/sarif/sarif/v2.1.0/errata01/os/schemas/sarif-schema-2.1.0.json';

/** The key under which each result's stable fingerprint is written (`partialFingerprints`). */
export const SARIF_FINGERPRINT_KEY = 'contractGraphFinding/v1';

const LEVELS: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

// eslint-disable-next-line @typescript-eslint/no-require-imports
const TOOL_VERSION: string = require('../../package.json').version;

interface SarifLocation {
  id?: number;
  physicalLocation: { artifactLocation: { uri: string; uriBaseId: string }; region: { startLine: number; startColumn: number } };
  message?: { text: string };
}

/**
 * SARIF 2.1.0 (GitHub code scanning and other viewers): one run per report, categorised by
 * project; each finding at its spec location with every consumer location as a related location,
 * its stable fingerprint in `partialFingerprints`; allowed findings carry a suppression.
 */
export function formatSarif(report: ContractReport): string {
  const allowed = report.allowed ?? [];
  const findings = [...report.findings, ...allowed];
  const ruleIds = [...new Set([...findings.map((finding) => finding.ruleId), ...report.problems.map((problem) => problem.code)])].sort();
  const ruleIndex = new Map(ruleIds.map((id, index) => [id, index]));
  const results = [
    ...report.problems.map((problem) => problemResult(problem, ruleIndex)),
    ...findings.map((finding) => findingResult(finding, report.project, ruleIndex)),
  ];
  const log = {
    $schema: SARIF_SCHEMA_URI,
    version: SARIF_VERSION,
    runs: [
      {
        tool: { driver: { name: 'contract-graph', semanticVersion: TOOL_VERSION, rules: ruleIds.map(ruleDescriptor) } },
        automationDetails: { id: `contract-check/${report.project}/` },
        originalUriBaseIds: { '%SRCROOT%': { description: { text: 'The Nx workspace root: every path is relative to it.' } } },
        results,
        properties: { project: report.project, ...(report.base ? { base: report.base } : {}), outcome: report.summary.outcome ?? (report.summary.passed ? 'passed' : 'contract-broken') },
      },
    ],
  };
  return `${JSON.stringify(log, null, 2)}\n`;
}

function ruleDescriptor(id: string) {
  const rule = RULES.find((candidate) => candidate.id === id);
  if (!rule) {
    return {
      id,
      shortDescription: { text: `Bad input or configuration (${id}).` },
      defaultConfiguration: { level: 'error' },
      properties: { tags: ['contract-graph', 'input'] },
    };
  }
  return {
    id,
    shortDescription: { text: rule.summary },
    help: { text: `See docs/rules/${id}.md`, markdown: `See [docs/rules/${id}.md](docs/rules/${id}.md).` },
    defaultConfiguration: { level: LEVELS[rule.severity] },
    properties: { tags: ['contract-graph', rule.direction, rule.category ?? 'breaking'] },
  };
}

function physical(location: SourceLocation): SarifLocation['physicalLocation'] {
  return {
    artifactLocation: { uri: encodeUri(location.file), uriBaseId: '%SRCROOT%' },
    region: { startLine: Math.max(1, location.line), startColumn: Math.max(1, location.column) },
  };
}

/** Workspace-relative paths as URI references: `/` kept, everything else a URI needs escaped. */
function encodeUri(file: string): string {
  return file.split('/').map(encodeURIComponent).join('/');
}

function findingResult(finding: Finding, project: string, ruleIndex: Map<string, number>) {
  const primary: SourceLocation | undefined = finding.specLocation ?? finding.consumers[0] ?? finding.baseLocation;
  const related: SarifLocation[] = finding.consumers.map((consumer, index) => ({
    id: index + 1,
    physicalLocation: physical(consumer),
    message: { text: `used by ${consumer.project}` },
  }));
  const consumers = [...new Set(finding.consumers.map((consumer) => consumer.project))];
  return {
    ruleId: finding.ruleId,
    ruleIndex: ruleIndex.get(finding.ruleId),
    level: LEVELS[finding.severity],
    message: { text: `${finding.message}\nhint: ${finding.hint}\ndocs: ${finding.docs}` },
    ...(primary
      ? { locations: [{ physicalLocation: physical(primary), ...(finding.specLocation ? { message: { text: `#${finding.specLocation.pointer}` } } : {}) }] }
      : {}),
    ...(related.length > 0 ? { relatedLocations: related } : {}),
    partialFingerprints: { [SARIF_FINGERPRINT_KEY]: finding.fingerprint },
    ...(finding.allowedBy ? { suppressions: [{ kind: 'external', status: 'accepted', justification: `${finding.allowedBy.reason} (until ${finding.allowedBy.expires})` }] } : {}),
    properties: {
      project,
      spec: finding.spec,
      specFile: finding.specFile,
      operation: finding.operation,
      ...(finding.property !== undefined ? { property: finding.property } : {}),
      ...(finding.status !== undefined ? { status: finding.status } : {}),
      direction: finding.direction,
      consumers: consumers.length > 0 ? consumers : [project],
      docs: finding.docs,
      ...(finding.baseLocation ? { baseLocation: `${finding.baseLocation.file}:${finding.baseLocation.line}:${finding.baseLocation.column}` } : {}),
    },
  };
}

function problemResult(problem: InputProblem, ruleIndex: Map<string, number>) {
  return {
    ruleId: problem.code,
    ruleIndex: ruleIndex.get(problem.code),
    level: 'error',
    message: { text: problem.hint ? `${problem.message}\nhint: ${problem.hint}` : problem.message },
    locations: [{ physicalLocation: physical(problem.location) }],
    partialFingerprints: { [SARIF_FINGERPRINT_KEY]: createHash('sha256').update(`${problem.code}\u0000${problem.location.file}\u0000${problem.message}`).digest('hex').slice(0, 16) },
  };
}
