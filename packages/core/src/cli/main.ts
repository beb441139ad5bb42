import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { BaseRevisionError, resolveBaseCommit } from '../git/git';
import { formatJson } from '../report/format-json';
import { formatStylish } from '../report/format-stylish';
import { changedOperations, indexSpec, runContractCheck, workingTreeReader } from '../workspace/contract-check';
import type { CallSite, UnresolvedCall } from '../model';
import { resolveCall } from '../spec/match-call';
import { scanProjectUsage } from '../workspace/scan-consumer';

/** Exit codes, the same as the Nx executor's: 0 pass, 1 contract broken, 2 bad input or usage. */
export const EXIT = { pass: 0, broken: 1, badInput: 2 } as const;

export interface CliIo {
  cwd: string;
  stdout(text: string): void;
  stderr(text: string): void;
  isTty: boolean;
}

const USAGE = `Usage: contract-graph <command> [options]

Commands:
  check --spec <file> [--spec <file>...] --consumer <dir> [--base <rev>] [--format stylish|json]
      Check the HTTP calls in <dir> against the specs (and what changed since <rev>).
  scan <dir> [--explain] [--spec <file>...]
      Print the HTTP calls and response fields found in <dir> as JSON. --explain adds "explain":
      the call sites that could not be resolved, and why (with --spec, also calls that match no
      operation of those specs).
  diff <old-spec> <new-spec>
      List the operations added, removed or changed between two spec files.

Paths are relative to the current directory, which must contain every spec and consumer.
Exit codes: 0 pass, 1 contract broken, 2 bad input or usage.
`;

/** Runs the CLI and returns its exit code; it prints through `io` only. */
export function runCli(argv: readonly string[], io: CliIo): number {
  const [command, ...rest] = argv;
  try {
    if (command === 'check') return checkCommand(rest, io);
    if (command === 'scan') return scanCommand(rest, io);
    if (command === 'diff') return diffCommand(rest, io);
    io[command === undefined || command === '--help' || command === '-h' ? 'stdout' : 'stderr'](USAGE);
    return command === undefined || command === '--help' || command === '-h' ? EXIT.pass : EXIT.badInput;
  } catch (error) {
    if (error instanceof BaseRevisionError) {
      io.stderr(`error: ${error.message}\n  hint: ${error.hint}\n`);
      return EXIT.badInput;
    }
    if (error instanceof TypeError && 'code' in error && String(error.code).startsWith('ERR_PARSE_ARGS')) {
      io.stderr(`error: ${error.message}\n\n${USAGE}`);
      return EXIT.badInput;
    }
    throw error;
  }
}

function relative(io: CliIo, file: string): string {
  return path.relative(io.cwd, path.resolve(io.cwd, file)).split(path.sep).join('/') || '.';
}

function checkCommand(args: readonly string[], io: CliIo): number {
  const { values } = parseArgs({
    args: [...args],
    options: { spec: { type: 'string', multiple: true }, consumer: { type: 'string' }, base: { type: 'string' }, format: { type: 'string', default: 'stylish' } },
  });
  if (!values.spec?.length || !values.consumer) {
    io.stderr(`error: check needs at least one --spec and a --consumer\n\n${USAGE}`);
    return EXIT.badInput;
  }
  const specs = values.spec.map((file) => ({ name: relative(io, file), file: relative(io, file) }));
  const consumerRoot = relative(io, values.consumer);
  const report = runContractCheck({
    workspaceRoot: io.cwd,
    project: { name: consumerRoot, root: consumerRoot },
    ownedSpecs: [],
    consumedSpecs: specs,
    baseCommit: values.base ? resolveBaseCommit(io.cwd, values.base) : undefined,
  });
  io.stdout(values.format === 'json' ? formatJson(report) : formatStylish(report, { color: io.isTty }));
  if (report.problems.length > 0 && report.summary.errors === 0) return EXIT.badInput;
  return report.summary.passed ? EXIT.pass : EXIT.broken;
}

function scanCommand(args: readonly string[], io: CliIo): number {
  const { positionals, values } = parseArgs({
    args: [...args],
    allowPositionals: true,
    options: { explain: { type: 'boolean', default: false }, spec: { type: 'string', multiple: true } },
  });
  if (positionals.length !== 1) {
    io.stderr(`error: scan takes one folder\n\n${USAGE}`);
    return EXIT.badInput;
  }
  const usage = scanProjectUsage(io.cwd, relative(io, positionals[0]), undefined, { explain: values.explain });
  if (values.explain && values.spec?.length) {
    const read = workingTreeReader(io.cwd);
    const operations = values.spec.flatMap((file) => indexSpec(relative(io, file), read).operations);
    usage.explain = [...(usage.explain ?? []), ...unmatchedCalls(usage.calls, operations)];
  }
  io.stdout(`${JSON.stringify(usage, null, 2)}\n`);
  return usage.problems.length > 0 ? EXIT.badInput : EXIT.pass;
}

/** Calls that resolve to no operation of the given specs, as explanations. */
function unmatchedCalls(calls: readonly CallSite[], operations: Parameters<typeof resolveCall>[2]): UnresolvedCall[] {
  return calls.flatMap((call) => {
    const resolution = resolveCall(call.method, call.urlTemplate, operations);
    if (resolution.kind === 'matched') return [];
    const detail =
      resolution.kind === 'method-not-found'
        ? `the path exists, but not with ${call.method}`
        : resolution.kind === 'path-not-found'
          ? `no operation has this path (nearest: ${resolution.nearest.method} ${resolution.nearest.path})`
          : 'no operation of the given specs has this path';
    return [{ reason: 'no-operation', message: `${call.method} ${call.urlTemplate}: ${detail}`, location: call.location, call: `${call.method} ${call.urlTemplate}` }];
  });
}

function diffCommand(args: readonly string[], io: CliIo): number {
  const { positionals } = parseArgs({ args: [...args], allowPositionals: true });
  if (positionals.length !== 2) {
    io.stderr(`error: diff takes two spec files\n\n${USAGE}`);
    return EXIT.badInput;
  }
  const read = workingTreeReader(io.cwd);
  const [before, after] = positionals.map((file) => indexSpec(relative(io, file), read));
  const problems = [...before.spec.problems, ...after.spec.problems];
  for (const problem of problems) io.stderr(`error ${problem.code}: ${problem.message}\n  at ${problem.location.file}:${problem.location.line}:${problem.location.column}\n`);
  if (problems.length > 0) return EXIT.badInput;
  const changes = changedOperations(before, after);
  for (const change of changes) io.stdout(`${change.change.padEnd(7)} ${change.operation}\n`);
  io.stdout(`${changes.length} operation(s) changed\n`);
  return EXIT.pass;
}
