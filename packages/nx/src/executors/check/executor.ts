import * as fs from 'node:fs';
import * as path from 'node:path';
import type { ExecutorContext } from '@nx/devkit';
import {
  BaseRevisionError,
  formatJson,
  formatStylish,
  isGitRepository,
  resolveBaseCommit,
  runContractCheck,
  type ContractReport,
  type SpecRef,
} from '@contract-graph/core';
import { openPluginCache } from '../../plugin/plugin-cache-file';

export interface CheckExecutorOptions {
  ownedSpecs?: SpecRef[];
  consumedSpecs?: SpecRef[];
  base?: string;
  format?: 'stylish' | 'json';
}

/** Runs the contract check of one project, prints the report and writes the JSON report to the target's output. */
export default async function checkExecutor(options: CheckExecutorOptions, context: ExecutorContext): Promise<{ success: boolean }> {
  const projectName = context.projectName as string;
  const project = context.projectsConfigurations.projects[projectName];
  const base = chooseBase(options, context);
  let baseCommit: string | undefined;
  let baseNote: string | undefined;
  if (base && isGitRepository(context.root)) {
    try {
      baseCommit = resolveBaseCommit(context.root, base.revision, process.env.NX_HEAD || 'HEAD');
    } catch (error) {
      if (!(error instanceof BaseRevisionError)) throw error;
      if (base.explicit) {
        console.error(`error contract-check: ${error.message}\n  hint: ${error.hint}`);
        return { success: false };
      }
      baseNote = `note: ${error.message}; checking the current specs only (set NX_BASE to diff against a base).`;
    }
  }

  const cache = openPluginCache(context.root);
  let report: ContractReport;
  try {
    report = runContractCheck({
      workspaceRoot: context.root,
      project: { name: projectName, root: project.root },
      ownedSpecs: options.ownedSpecs ?? [],
      consumedSpecs: options.consumedSpecs ?? [],
      baseCommit,
      usageCache: cache.usage,
    });
  } finally {
    cache.save({ prune: false });
  }
  writeReport(context.root, project.root, report);
  if (baseNote) console.log(baseNote);
  const text = options.format === 'json' ? formatJson(report) : formatStylish(report, { color: Boolean(process.stdout.isTTY) && !process.env.NO_COLOR });
  process.stdout.write(text);
  return { success: report.summary.passed };
}

/** Where the base comes from, in order: the target option, NX_BASE, nx.json `defaultBase`, `main`. */
function chooseBase(options: CheckExecutorOptions, context: ExecutorContext): { revision: string; explicit: boolean } | undefined {
  if (options.base) return { revision: options.base, explicit: true };
  if (process.env.NX_BASE) return { revision: process.env.NX_BASE, explicit: true };
  const nxJson = context.nxJsonConfiguration as { defaultBase?: string; affected?: { defaultBase?: string } } | undefined;
  return { revision: nxJson?.defaultBase ?? nxJson?.affected?.defaultBase ?? 'main', explicit: false };
}

/** The declared output of the target: dist/contract-graph/<projectRoot>/contract-check.json. */
function writeReport(workspaceRoot: string, projectRoot: string, report: ContractReport): void {
  const file = path.join(workspaceRoot, 'dist', 'contract-graph', projectRoot, 'contract-check.json');
  fs.mkdirSync(path.dirname(file), { recursive: true });
  fs.writeFileSync(file, formatJson(report));
}
