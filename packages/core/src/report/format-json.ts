import type { ContractReport } from './summary';

/** The JSON report: stable key order as built, two-space indented, newline-terminated. */
export function formatJson(report: ContractReport): string {
  return `${JSON.stringify(report, null, 2)}\n`;
}
