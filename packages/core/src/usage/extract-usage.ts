import type { CallSite, ConsumerUsage, InputProblem, UnresolvedCall } from '../model';
import type * as AnalyzeFileModule from './analyze-file';
import { compareText } from '../compare-text';
import { angularUrlPrefix, compareLocations, linkSummaries, type OperationRef, type PrefixRewrite } from './link';
import { createModuleResolver } from './resolve-module';
import type { FileSummary, Template } from './summary';

/** One file's analysis: a summary to link with the project's other files, or the problem that stopped it. */
export interface FileAnalysis {
  summary?: FileSummary;
  problems: InputProblem[];
}

let analyzer: typeof AnalyzeFileModule | undefined;

/**
 * Parses and summarises one TS/JS file; a file that does not parse is reported, never fatal.
 * The TypeScript compiler takes about half a second to load, so it is loaded on the first file that
 * really needs analysing: graph construction and checks whose files all come from the usage cache
 * never pay for it.
 */
export function analyzeFile(file: string, text: string, templates?: ReadonlyMap<string, string>): FileAnalysis {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  analyzer ??= require('./analyze-file') as typeof AnalyzeFileModule;
  return analyzer.analyzeFile(file, text, templates);
}

/** Angular component templates (`templateUrl`) are `.html` files: read with their component, never analysed alone. */
export const TEMPLATE_EXTENSION = '.html';

/** Usage with the call sites the analyzer could not resolve, for `--explain`. */
export interface ExplainedUsage extends ConsumerUsage {
  unresolved: UnresolvedCall[];
}

export interface LinkProjectOptions {
  projectRoot?: string;
  rewrites?: readonly PrefixRewrite[];
  /** How imports resolve; by default among the analysed files (see `createModuleResolver`). */
  resolveModule?: (from: string, module: string) => string | undefined;
  /** The project's own files, when libraries it imports are linked with it (see `LinkOptions`). */
  isOwnFile?: (file: string) => boolean;
  /** Unambiguous operationIds of the consumed specs, for calls of generated clients (see `LinkOptions`). */
  operations?: ReadonlyMap<string, OperationRef>;
  /** The Angular interceptors' URL prefix of the whole project; by default found among the given files. */
  angularUrlPrefix?: Template;
}

/** Links the analyses of a project's files into its usage (calls sorted by file, line, column). */
export function linkProject(analyses: ReadonlyArray<FileAnalysis>, options: LinkProjectOptions = {}): ExplainedUsage {
  const summaries = analyses.flatMap((analysis) => (analysis.summary ? [analysis.summary] : []));
  const resolveModule =
    options.resolveModule ??
    createModuleResolver(
      summaries.map((summary) => summary.file),
      options.projectRoot,
    );
  const angularPrefix = 'angularUrlPrefix' in options ? options.angularUrlPrefix : angularUrlPrefix(summaries);
  const linked = linkSummaries(summaries, { resolveModule, rewrites: options.rewrites, isOwnFile: options.isOwnFile, operations: options.operations, angularUrlPrefix: angularPrefix });
  return {
    calls: sortCalls(linked.calls),
    problems: sortProblems(analyses.flatMap((analysis) => analysis.problems)),
    unresolved: sortUnresolved(linked.unresolved),
  };
}

/** Sorts in place by file, line, column, then call; returns the list. */
export function sortCalls<T extends CallSite>(calls: T[]): T[] {
  return calls.sort(compareCalls);
}

export function compareCalls(a: CallSite, b: CallSite): number {
  return compareLocations(a.location, b.location) || compareText(`${a.method} ${a.urlTemplate}`, `${b.method} ${b.urlTemplate}`);
}

export function sortProblems(problems: InputProblem[]): InputProblem[] {
  return problems.sort((a, b) => compareLocations(a.location, b.location) || compareText(a.code, b.code));
}

export function sortUnresolved(unresolved: UnresolvedCall[]): UnresolvedCall[] {
  return unresolved.sort(compareUnresolved);
}

export function compareUnresolved(a: UnresolvedCall, b: UnresolvedCall): number {
  return compareLocations(a.location, b.location) || compareText(a.reason, b.reason);
}

/** Finds the HTTP calls in one TS/JS source file and the response fields the code reads. */
export function extractUsageFromSource(file: string, text: string): ConsumerUsage {
  const { calls, problems } = linkProject([analyzeFile(file, text)]);
  return { calls, problems };
}

/**
 * Same over many files, following wrappers and clients across their imports; output sorted by file,
 * line, column. `.html` files among them are the Angular components' `templateUrl` templates.
 */
export function extractUsage(files: ReadonlyArray<{ path: string; text: string }>, options: LinkProjectOptions = {}): ExplainedUsage {
  const isTemplate = (file: { path: string }) => file.path.endsWith(TEMPLATE_EXTENSION);
  const templates = new Map(files.filter(isTemplate).map((file) => [file.path, file.text]));
  return linkProject(
    files.filter((file) => !isTemplate(file)).map((file) => analyzeFile(file.path, file.text, templates)),
    options,
  );
}

