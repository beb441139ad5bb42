import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ExecutorContext } from '@nx/devkit';
import {
  allowListFromOptions,
  chooseBaseCommit,
  FAIL_ON_VALUES,
  formatReport,
  isReportFormat,
  mergeAllowLists,
  readAllowList,
  REPORT_FILE_NAMES,
  REPORT_FORMATS,
  runContractCheck,
  type AllowList,
  type ContractReport,
  type FailOn,
  type ReportFormat,
  type SpecRef,
} from '@contract-graph/core';
import { openPluginCache } from '../../plugin/plugin-cache-file';
import { registeredOptions, type ContractGraphPluginOptions, type ReportingOptions } from '../../plugin/options';

export interface CheckExecutorOptions extends ReportingOptions {
  ownedSpecs?: SpecRef[];
  consumedSpecs?: SpecRef[];
  base?: string;
  /** What is printed (default `stylish`, coloured on a TTY only). */
  format?: ReportFormat;
}

/** Where the target's reports go, relative to the workspace root: `contract-check.<ext>` files only. */
export function reportFolder(projectRoot: string): string {
  return path.posix.join('dist', 'contract-graph', projectRoot);
}

/**
 * Runs the contract check of one project, prints the report, and writes the configured report
 * formats (none by default) to the target's output. Nx knows pass/fail only: exit code 1 (contract
 * broken) and 2 (bad input or configuration) both fail the task; the printed summary, and the JSON
 * report's `summary.outcome` / `summary.exitCode` when asked for, tell them apart.
 */
export default async function checkExecutor(options: CheckExecutorOptions, context: ExecutorContext): Promise<{ success: boolean }> {
  const projectName = context.projectName as string;
  const project = context.projectsConfigurations.projects[projectName];
  const settings = resolveSettings(options, registeredOptions(context.nxJsonConfiguration?.plugins as never) ?? {});
  if ('error' in settings) {
    console.error(`error contract-check: ${settings.error}\n  hint: ${settings.hint}`);
    return { success: false };
  }
  const base = chooseBaseCommit(context.root, chooseBase(options, context), process.env.NX_HEAD || 'HEAD');
  if ('error' in base) {
    console.error(`error contract-check: ${base.error}\n  hint: ${base.hint}`);
    return { success: false };
  }

  const cache = openPluginCache(context.root);
  let report: ContractReport;
  try {
    report = runContractCheck({
      workspaceRoot: context.root,
      project: { name: projectName, root: project.root },
      ownedSpecs: options.ownedSpecs ?? [],
      consumedSpecs: options.consumedSpecs ?? [],
      baseCommit: base.commit,
      usageCache: cache.usage,
      failOn: settings.failOn,
      allowList: loadAllowList(context.root, settings),
      ...(settings.baselines ? { baselines: settings.baselines } : {}),
    });
  } finally {
    cache.save({ prune: false });
  }
  writeReports(context.root, project.root, report, settings.formats);
  if (base.note) console.log(`note: ${base.note}`);
  process.stdout.write(formatReport(report, options.format ?? 'stylish', { color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR }));
  return { success: report.summary.passed };
}

interface Settings {
  formats: ReportFormat[];
  failOn: FailOn;
  allowList?: string;
  allow?: unknown[];
  allowSource: string;
  baselines?: Record<string, string>;
}

/** Target options win over plugin options (nx.json); wrong values are configuration errors. */
export function resolveSettings(options: CheckExecutorOptions, plugin: ContractGraphPluginOptions): Settings | { error: string; hint: string } {
  const formats = options.formats ?? plugin.formats ?? [];
  const unknown = (Array.isArray(formats) ? formats : [formats]).filter((format) => !isReportFormat(format));
  if (!Array.isArray(formats) || unknown.length > 0) {
    return { error: `unknown report format(s) ${JSON.stringify(unknown.length > 0 ? unknown : formats)}`, hint: `\`formats\` is a list of ${REPORT_FORMATS.join(', ')}.` };
  }
  if (options.format !== undefined && !isReportFormat(options.format)) {
    return { error: `unknown report format '${String(options.format)}'`, hint: `\`format\` is one of ${REPORT_FORMATS.join(', ')}.` };
  }
  const failOn = options.failOn ?? plugin.failOn ?? 'error';
  if (!(FAIL_ON_VALUES as readonly string[]).includes(failOn)) {
    return { error: `failOn must be ${FAIL_ON_VALUES.join(' or ')}, not '${String(failOn)}'`, hint: 'Fix `failOn` in the target options or the plugin options in nx.json.' };
  }
  const allow = options.allow ?? plugin.allow;
  if (allow !== undefined && !Array.isArray(allow)) return { error: '`allow` must be a list of allow-list entries', hint: 'Write `"allow": [{ "rule": ..., "operation": ..., "reason": ..., "expires": "YYYY-MM-DD" }]`.' };
  const baselines = options.baselines ?? plugin.baselines;
  return {
    formats: [...new Set<ReportFormat>(formats)].sort(),
    failOn,
    ...(options.allowList ?? plugin.allowList ? { allowList: options.allowList ?? plugin.allowList } : {}),
    ...(allow ? { allow } : {}),
    allowSource: options.allow ? 'project.json' : 'nx.json',
    ...(baselines ? { baselines } : {}),
  };
}

function loadAllowList(workspaceRoot: string, settings: Settings): AllowList {
  const fromFile = readAllowList(workspaceRoot, settings.allowList);
  return settings.allow ? mergeAllowLists(fromFile, allowListFromOptions(settings.allow, settings.allowSource)) : fromFile;
}

/** Where the base comes from, in order: the target option, NX_BASE, nx.json `defaultBase`, `main`. */
function chooseBase(options: CheckExecutorOptions, context: ExecutorContext): { revision: string; explicit: boolean } {
  if (options.base) return { revision: options.base, explicit: true };
  if (process.env.NX_BASE) return { revision: process.env.NX_BASE, explicit: true };
  const nxJson = context.nxJsonConfiguration as { defaultBase?: string; affected?: { defaultBase?: string } } | undefined;
  return { revision: nxJson?.defaultBase ?? nxJson?.affected?.defaultBase ?? 'main', explicit: false };
}

/**
 * Writes `contract-check.<ext>` for each format into the declared output folder, and removes those
 * of formats no longer configured, so the folder holds exactly what this run produced.
 */
export function writeReports(workspaceRoot: string, projectRoot: string, report: ContractReport, formats: readonly ReportFormat[]): void {
  const folder = path.join(workspaceRoot, reportFolder(projectRoot));
  // No formats: no folder either (report files that an earlier configuration wrote are still removed).
  if (formats.length === 0 && !fs.existsSync(folder)) return;
  fs.mkdirSync(folder, { recursive: true });
  for (const format of REPORT_FORMATS) {
    const file = path.join(folder, REPORT_FILE_NAMES[format]);
    if (formats.includes(format)) fs.writeFileSync(file, formatReport(report, format));
    else fs.rmSync(file, { force: true });
  }
}
