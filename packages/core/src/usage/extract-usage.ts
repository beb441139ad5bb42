// A plain require: a namespace import compiles to a getter per access, measurably slow on hot paths.
import ts = require('typescript');
import type { ConsumerUsage, InputProblem, SourceLocation, UnresolvedCall } from '../model';
import { compareLocations, compareText, linkSummaries, type PrefixRewrite } from './link';
import { createModuleResolver } from './resolve-module';
import { createSourceContext } from './source-context';
import { summarizeFile } from './summarize-file';
import type { FileSummary } from './summary';

const SCRIPT_KINDS: Record<string, ts.ScriptKind> = {
  '.ts': ts.ScriptKind.TS,
  '.mts': ts.ScriptKind.TS,
  '.cts': ts.ScriptKind.TS,
  '.tsx': ts.ScriptKind.TSX,
  '.js': ts.ScriptKind.JS,
  '.mjs': ts.ScriptKind.JS,
  '.cjs': ts.ScriptKind.JS,
  '.jsx': ts.ScriptKind.JSX,
};

/** One file's analysis: a summary to link with the project's other files, or the problem that stopped it. */
export interface FileAnalysis {
  summary?: FileSummary;
  problems: InputProblem[];
}

/** Parses and summarises one TS/JS file; a file that does not parse is reported, never fatal. */
export function analyzeFile(file: string, text: string): FileAnalysis {
  const kind = scriptKindOf(file);
  // Parent pointers are set by the summariser's own walk: a second full pass here would cost ~half a parse.
  const sourceFile = ts.createSourceFile(file, text, ts.ScriptTarget.Latest, false, kind);
  const parseError = firstParseError(file, sourceFile);
  if (parseError) return { problems: [parseError] };
  try {
    return { summary: summarizeFile(createSourceContext(file, sourceFile)), problems: [] };
  } catch (error) {
    // One odd file must not stop the run over the whole workspace; it is reported instead.
    return { problems: [analysisFailure(file, error)] };
  }
}

/** Usage with the call sites the analyzer could not resolve, for `--explain`. */
export interface ExplainedUsage extends ConsumerUsage {
  unresolved: UnresolvedCall[];
}

export interface LinkProjectOptions {
  projectRoot?: string;
  rewrites?: readonly PrefixRewrite[];
}

/** Links the analyses of a project's files into its usage (calls sorted by file, line, column). */
export function linkProject(analyses: ReadonlyArray<FileAnalysis>, options: LinkProjectOptions = {}): ExplainedUsage {
  const summaries = analyses.flatMap((analysis) => (analysis.summary ? [analysis.summary] : []));
  const resolveModule = createModuleResolver(
    summaries.map((summary) => summary.file),
    options.projectRoot,
  );
  const linked = linkSummaries(summaries, { resolveModule, rewrites: options.rewrites });
  return {
    calls: linked.calls.sort((a, b) => compareLocations(a.location, b.location) || compareText(`${a.method} ${a.urlTemplate}`, `${b.method} ${b.urlTemplate}`)),
    problems: analyses.flatMap((analysis) => analysis.problems).sort((a, b) => compareLocations(a.location, b.location) || compareText(a.code, b.code)),
    unresolved: linked.unresolved.sort((a, b) => compareLocations(a.location, b.location) || compareText(a.reason, b.reason)),
  };
}

/** Finds the HTTP calls in one TS/JS source file and the response fields the code reads. */
export function extractUsageFromSource(file: string, text: string): ConsumerUsage {
  const { calls, problems } = linkProject([analyzeFile(file, text)]);
  return { calls, problems };
}

/** Same over many files, following wrappers and clients across their imports; output sorted by file, line, column. */
export function extractUsage(files: ReadonlyArray<{ path: string; text: string }>, options: LinkProjectOptions = {}): ExplainedUsage {
  return linkProject(
    files.map((file) => analyzeFile(file.path, file.text)),
    options,
  );
}

function scriptKindOf(file: string): ts.ScriptKind {
  const extension = /\.[^./\\]+$/.exec(file)?.[0].toLowerCase() ?? '';
  return SCRIPT_KINDS[extension] ?? ts.ScriptKind.TS;
}

function firstParseError(file: string, sourceFile: ts.SourceFile): InputProblem | undefined {
  // Not in the public typings, but it is what the parser reports; a program would add semantic noise.
  const diagnostics = (sourceFile as unknown as { parseDiagnostics?: readonly ts.DiagnosticWithLocation[] }).parseDiagnostics ?? [];
  const first = diagnostics[0];
  if (!first) return undefined;
  const { line, character } = sourceFile.getLineAndCharacterOfPosition(first.start);
  return {
    code: 'consumer-parse-error',
    message: `${file} does not parse: ${ts.flattenDiagnosticMessageText(first.messageText, ' ')}`,
    location: { file, line: line + 1, column: character + 1 },
    hint: 'Fix the syntax error; contract-graph skipped this file, so calls in it are not checked.',
  };
}

function analysisFailure(file: string, error: unknown): InputProblem {
  const reason = error instanceof Error ? error.message : String(error);
  return {
    code: 'consumer-analysis-failed',
    message: `${file} could not be analyzed: ${reason}`,
    location: { file, line: 1, column: 1 } satisfies SourceLocation,
    hint: 'This is a bug in contract-graph; please report it with the file. Calls in this file are not checked.',
  };
}
