import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { applyAllowList, normalizedOperation, readAllowList, type AllowList } from '../allow-list/allow-list';
import { createChangeFinding, mergeFindings } from '../check/finding';
import { checkVersionBump } from '../check/semver-policy';
import { specCheckOptions } from '../check/spec-options';
import { diffSpecs } from '../diff/diff-specs';
import { BaseRevisionError, resolveBaseCommit } from '../git/git';
import { formatReport, isReportFormat, REPORT_FILE_NAMES, REPORT_FORMATS, type ReportFormat } from '../report/formats';
import { exitCodeOf, EXIT_CODES, FAIL_ON_VALUES, summarize, type ContractReport, type FailOn } from '../report/summary';
import { changedOperations, indexSpec, runContractCheck, workingTreeReader } from '../workspace/contract-check';
import type { CallSite, InputProblem, UnresolvedCall } from '../model';
import { resolveCallInSpecs } from '../spec/match-call';
import { sortProblems } from '../spec/load-spec';
import { describeOperation, type Operation } from '../spec/operations';
import { scanProjectUsage } from '../workspace/scan-consumer';
import { listSourceFiles, PROJECT_FILES } from '../workspace/source-files';

/** Exit codes, the same as the Nx executor's pass/fail: 0 pass, 1 contract broken, 2 bad input, configuration or usage. */
export const EXIT = { pass: EXIT_CODES.passed, broken: EXIT_CODES['contract-broken'], badInput: EXIT_CODES['bad-input'] } as const;

export interface CliIo {
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
  isTty: boolean;
  /** The date allow-list expiry and sunset dates are compared with; defaults to now (tests pin it). */
  now?: Date;
}

export const CLI_USAGE = `Usage: contract-graph <command> [options]

Commands:
  check --spec <file> [--spec <file>...] --consumer <dir> [--base <rev>] [report options]
      Check the HTTP calls in <dir> against the specs (and what changed since the merge-base
      of <rev> with HEAD).
  diff <old-spec> <new-spec> [--no-second-opinion] [report options]
      Compare two versions of a spec with every breaking-change rule (no consumers known: each
      change at its rule's severity) and list the operations added, removed or changed. The
      bodies of changed operations are also shown to openapi-diff, unless --no-second-opinion.
  scan <dir> [--explain] [--spec <file>...]
      Print the HTTP calls and response fields found in <dir> as JSON (with --spec, calls of
      generated clients are also resolved by operationId). --explain adds "explain": the call
      sites that could not be resolved, and why (with --spec, also calls that match no
      operation of those specs).

Report options (check, diff):
  --format <name>       ${REPORT_FORMATS.join(' | ')} (default stylish; colour on a TTY only).
                        Repeat it to write several formats at once (needs --output-dir).
  --output-dir <dir>    Write each format to <dir>/contract-check.<ext>, and print stylish.
  --fail-on <severity>  error (default) | warning: the lowest severity that fails.
  --allow-list <file>   Accepted findings (default: contract-graph.allow.yaml|yml|json if present).

Paths are relative to the current directory, which must contain every spec and consumer.
Exit codes: 0 pass, 1 contract broken, 2 bad input, configuration or usage.
`;

/** Runs the CLI and returns its exit code; it prints through `io` only. */
export function runCli(argv: readonly string[], io: CliIo): number {
  const [command, ...rest] = argv;
  try {
    if (command === 'check') return checkCommand(rest, io);
    if (command === 'scan') return scanCommand(rest, io);
    if (command === 'diff') return diffCommand(rest, io);
    io[command === undefined || command === '--help' || command === '-h' ? 'stdout' : 'stderr'](CLI_USAGE);
    return command === undefined || command === '--help' || command === '-h' ? EXIT.pass : EXIT.badInput;
  } catch (error) {
    if (error instanceof BaseRevisionError) {
      io.stderr(`error: ${error.message}\n  hint: ${error.hint}\n`);
      return EXIT.badInput;
    }
    if (error instanceof UsageError) {
      io.stderr(`error: ${error.message}\n\n${CLI_USAGE}`);
      return EXIT.badInput;
    }
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`error: ${error.message}\n\n${CLI_USAGE}`);
      return EXIT.badInput;
    }
    throw error;
  }
}

/** Wrong use of the command line: printed with the usage, exit 2. */
class UsageError extends Error {}

function relative(io: CliIo, file: string): string {
  return path.relative(io.cwd, path.resolve(io.cwd, file)).split(path.sep).join('/') || '.';
}

const REPORT_OPTIONS = {
  format: { type: 'string', multiple: true },
  'output-dir': { type: 'string' },
  'fail-on': { type: 'string' },
  'allow-list': { type: 'string' },
} as const;

interface ReportSettings {
  formats: ReportFormat[];
  outputDir?: string;
  failOn: FailOn;
  allowList: AllowList;
}

/** Validates the report options; a wrong value is a usage error (exit 2). */
function reportSettings(values: { format?: string[]; 'output-dir'?: string; 'fail-on'?: string; 'allow-list'?: string }, io: CliIo): ReportSettings {
  const formats = [...new Set(values.format?.length ? values.format : ['stylish'])];
  for (const format of formats) {
    if (!isReportFormat(format)) throw new UsageError(`unknown format '${format}' (use ${REPORT_FORMATS.join(', ')})`);
  }
  if (formats.length > 1 && !values['output-dir']) throw new UsageError('several --format values need --output-dir: each format is written to its own file');
  const failOn = values['fail-on'] ?? 'error';
  if (!(FAIL_ON_VALUES as readonly string[]).includes(failOn)) throw new UsageError(`--fail-on must be ${FAIL_ON_VALUES.join(' or ')}, not '${failOn}'`);
  const allowListFile = values['allow-list'] ? relative(io, values['allow-list']) : undefined;
  return {
    formats: formats as ReportFormat[],
    ...(values['output-dir'] ? { outputDir: values['output-dir'] } : {}),
    failOn: failOn as FailOn,
    allowList: readAllowList(io.cwd, allowListFile),
  };
}

/** Prints the report (one format), or writes every format to the output folder and prints stylish. */
function emitReport(report: ContractReport, settings: ReportSettings, io: CliIo): number {
  if (!settings.outputDir) {
    io.stdout(formatReport(report, settings.formats[0], { color: io.isTty }));
    return exitCodeOf(report);
  }
  const folder = path.resolve(io.cwd, settings.outputDir);
  fs.mkdirSync(folder, { recursive: true });
  for (const format of settings.formats) fs.writeFileSync(path.join(folder, REPORT_FILE_NAMES[format]), formatReport(report, format));
  io.stdout(formatReport(report, 'stylish', { color: io.isTty }));
  io.stdout(`wrote ${settings.formats.map((format) => path.posix.join(relative(io, folder), REPORT_FILE_NAMES[format])).join(', ')}\n`);
  return exitCodeOf(report);
}

function checkCommand(args: readonly string[], io: CliIo): number {
  const { values } = parseArgs({
    args: [...args],
    options: { spec: { type: 'string', multiple: true }, consumer: { type: 'string' }, base: { type: 'string' }, ...REPORT_OPTIONS },
  });
  if (!values.spec?.length || !values.consumer) throw new UsageError('check needs at least one --spec and a --consumer');
  const settings = reportSettings(values, io);
  const specs = values.spec.map((file) => ({ name: relative(io, file), file: relative(io, file) }));
  const consumerRoot = relative(io, values.consumer);
  refuseFolderOfProjects(io, consumerRoot);
  const report = runContractCheck({
    workspaceRoot: io.cwd,
    project: { name: consumerRoot, root: consumerRoot },
    ownedSpecs: [],
    consumedSpecs: specs,
    baseCommit: values.base ? resolveBaseCommit(io.cwd, values.base) : undefined,
    failOn: settings.failOn,
    allowList: settings.allowList,
    ...(io.now ? { now: io.now } : {}),
  });
  return emitReport(report, settings, io);
}

function scanCommand(args: readonly string[], io: CliIo): number {
  const { positionals, values } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: { explain: { type: 'boolean', default: false }, spec: { type: 'string', multiple: true } },
  });
  if (positionals.length !== 1) {
    io.stderr(`error: scan takes one folder\n\n${CLI_USAGE}`);
    return EXIT.badInput;
  }
  refuseFolderOfProjects(io, relative(io, positionals[0]));
  const read = workingTreeReader(io.cwd);
  // With specs, calls of generated clients are resolved by their operationIds too.
  const specs = (values.spec ?? []).map((file) => indexSpec(relative(io, file), read));
  const usage = scanProjectUsage(io.cwd, relative(io, positionals[0]), undefined, { explain: values.explain, operations: specs.flatMap((spec) => spec.operations) });
  // A spec that cannot be read (a typo in its path, say) would leave every call "matching no operation" without saying why.
  usage.problems = sortProblems([...usage.problems, ...specs.flatMap((spec) => spec.spec.problems)]);
  if (values.explain && specs.length > 0) {
    usage.explain = [...(usage.explain ?? []), ...unmatchedCalls(usage.calls, specs)];
  }
  io.stdout(`${JSON.stringify(usage, null, 2)}\n`);
  return usage.problems.length > 0 ? EXIT.badInput : EXIT.pass;
}

/**
 * A consumer is one project: its folder's files, without the projects nested in it. A folder that
 * only holds projects (`apps`) would be checked with nothing in it and pass; say so instead.
 */
function refuseFolderOfProjects(io: CliIo, folder: string): void {
  if (listSourceFiles(io.cwd, folder).length > 0) return;
  const nested = nestedProjectRoots(io.cwd, folder);
  if (nested.length === 0) return;
  const shown = nested.slice(0, 5).join(', ') + (nested.length > 5 ? ` and ${nested.length - 5} more` : '');
  throw new UsageError(`${folder} holds no source files of its own, only projects (${shown}): a project's folder stops at the projects inside it. Pass each project as --consumer.`);
}

/** Folders below `folder` that hold a project.json or package.json (not below one another), sorted; a few levels deep. */
function nestedProjectRoots(workspaceRoot: string, folder: string, depth = 3): string[] {
  if (depth === 0) return [];
  let entries: fs.Dirent[];
  try {
    entries = fs.readdirSync(path.join(workspaceRoot, folder), { withFileTypes: true });
  } catch {
    return [];
  }
  return entries
    .filter((entry) => entry.isDirectory() && !entry.name.startsWith('.') && entry.name !== 'node_modules')
    .map((entry) => (folder === '.' ? entry.name : `${folder}/${entry.name}`))
    .sort()
    .flatMap((child) => (PROJECT_FILES.some((name) => fs.existsSync(path.join(workspaceRoot, child, name))) ? [child] : nestedProjectRoots(workspaceRoot, child, depth - 1)));
}

/** Calls that resolve to no operation of the given specs, or to several equally well, as explanations (resolved as a check resolves them). */
function unmatchedCalls(calls: readonly CallSite[], specs: ReadonlyArray<{ operations: Operation[] }>): UnresolvedCall[] {
  return calls.flatMap((call) => {
    const resolution = resolveCallInSpecs(call.method, call.urlTemplate, specs, (spec) => spec.operations);
    if (resolution.kind === 'matched') return [];
    const text = `${call.method} ${call.urlTemplate}`;
    if (resolution.kind === 'ambiguous') {
      const candidates = resolution.candidates.map(({ operation }) => describeOperation(operation)).join(', ');
      return [{ reason: 'ambiguous-operation', message: `${text}: fits ${candidates} equally well, so it is not checked`, location: call.location, call: text }];
    }
    const nearMiss = resolution.nearMisses[0]?.resolution;
    const detail =
      nearMiss?.kind === 'method-not-found'
        ? `the path exists, but not with ${call.method}`
        : nearMiss?.kind === 'path-not-found'
          ? `no operation has this path (nearest: ${describeOperation(nearMiss.nearest)})`
          : 'no operation of the given specs has this path';
    return [{ reason: 'no-operation', message: `${text}: ${detail}`, location: call.location, call: text }];
  });
}

function diffCommand(args: readonly string[], io: CliIo): number {
  const { positionals, values } = parseArgs({ args: [...args], allowPositionals: true, options: { ...REPORT_OPTIONS, 'no-second-opinion': { type: 'boolean', default: false } } });
  if (positionals.length !== 2) throw new UsageError('diff takes two spec files');
  const settings = reportSettings(values, io);
  const report = diffReport(relative(io, positionals[0]), relative(io, positionals[1]), settings, io, !values['no-second-opinion']);
  return emitReport(report, settings, io);
}

/** `diff ../old.yaml new.yaml`: files are read inside the current folder only (so no `$ref` can leave it); say so rather than "does not exist". */
function outsideCurrentFolder(problem: InputProblem): InputProblem {
  const file = problem.location.file;
  if (problem.code !== 'spec-missing' || !(file === '..' || file.startsWith('../'))) return problem;
  return {
    ...problem,
    code: 'spec-outside-workspace',
    message: `${file} is outside the current folder; specs (and the documents their $refs point to) are read inside it only`,
    hint: `Run contract-graph from a folder that holds both specs, or copy the old version into this one (git show main:openapi.yaml > old.yaml).`,
  };
}

/**
 * The report of `diff`: every change between two spec files, judged by the rules alone (no
 * consumer is known, so each change keeps its rule's severity), as a check of the new spec.
 */
function diffReport(oldFile: string, newFile: string, settings: ReportSettings, io: CliIo, askOpenapiDiff: boolean): ContractReport {
  const read = workingTreeReader(io.cwd);
  const before = indexSpec(oldFile, read);
  const after = indexSpec(newFile, read);
  const problems = [...before.spec.problems, ...after.spec.problems].map(outsideCurrentFolder);
  const now = io.now ?? new Date();
  let findings = [] as ReturnType<typeof mergeFindings>;
  let allowed: typeof findings = [];
  let stale: ContractReport['staleAllowListEntries'] = [];
  const notes: string[] = [];
  if (before.spec.root && after.spec.root) {
    const secondOpinion = askOpenapiDiff && specCheckOptions(after.spec).secondOpinion;
    const diff = diffSpecs(before, after, { now, ...(secondOpinion ? { secondOpinion: {} } : {}) });
    notes.push(...diff.notes);
    findings = mergeFindings(diff.changes.map((change) => createChangeFinding({ change, spec: newFile, specFile: newFile, severity: change.severity, consumers: [] })));
    const breaking = diff.changes.filter((change) => change.severity === 'error' && change.category === 'breaking').length;
    const bump = checkVersionBump({ spec: newFile, specFile: newFile, base: before.spec, head: after.spec, breaking, severity: specCheckOptions(after.spec).semver });
    if (bump) findings.push(bump);
    const operationKeys = new Set([...before.operations, ...after.operations].map((operation) => normalizedOperation(describeOperation(operation))));
    const applied = applyAllowList(findings, settings.allowList, { project: newFile, diffedOwnedSpecs: [{ name: newFile, file: newFile, operationKeys }], now });
    findings = applied.findings;
    allowed = applied.allowed;
    stale = applied.stale;
    problems.push(...applied.problems);
  }
  problems.push(...settings.allowList.problems);
  const sorted = sortProblems(problems);
  return {
    reportVersion: 1,
    project: newFile,
    specs: [{ name: newFile, file: newFile, role: 'owned', operations: after.operations.length, changedOperations: before.spec.root && after.spec.root ? changedOperations(before, after) : [] }],
    usage: { files: 0, calls: 0, resolvedCalls: 0, fieldReads: 0 },
    notes,
    findings,
    problems: sorted,
    allowed,
    staleAllowListEntries: stale,
    summary: summarize(findings, sorted, { failOn: settings.failOn, allowed: allowed.length }),
  };
}
