// A plain require: a namespace import compiles to a getter per access, measurably slow on hot paths.
import ts = require('typescript');
import type { InputProblem, SourceLocation } from '../model';
import type { FileAnalysis } from './extract-usage';
import { createSourceContext } from './source-context';
import { summarizeFile } from './summarize-file';

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

/** Parses and summarises one TS/JS file (loads TypeScript; see `analyzeFile` in extract-usage). */
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
