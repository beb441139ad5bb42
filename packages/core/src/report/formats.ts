import { formatGithub } from './format-github';
import { formatJson } from './format-json';
import { formatJunit } from './format-junit';
import { formatMarkdown } from './format-markdown';
import { formatSarif } from './format-sarif';
import { formatStylish } from './format-stylish';
import type { ContractReport } from './summary';

/** Every report format, by the name the CLI and the executor take. */
export const REPORT_FORMATS = ['stylish', 'json', 'junit', 'sarif', 'github', 'markdown'] as const;

export type ReportFormat = (typeof REPORT_FORMATS)[number];

/** The file each format is written to: `contract-check.<extension>`. */
export const REPORT_FILE_NAMES: Readonly<Record<ReportFormat, string>> = {
  stylish: 'contract-check.txt',
  json: 'contract-check.json',
  junit: 'contract-check.junit.xml',
  sarif: 'contract-check.sarif',
  github: 'contract-check.github.txt',
  markdown: 'contract-check.md',
};

/** True for a known format name. */
export function isReportFormat(name: unknown): name is ReportFormat {
  return typeof name === 'string' && (REPORT_FORMATS as readonly string[]).includes(name);
}

/** Renders a report in one format; `color` only affects `stylish`. Deterministic for equal reports. */
export function formatReport(report: ContractReport, format: ReportFormat, options: { color?: boolean } = {}): string {
  switch (format) {
    case 'stylish':
      return formatStylish(report, { color: options.color });
    case 'json':
      return formatJson(report);
    case 'junit':
      return formatJunit(report);
    case 'sarif':
      return formatSarif(report);
    case 'github':
      return formatGithub(report);
    case 'markdown':
      return formatMarkdown(report);
  }
}
