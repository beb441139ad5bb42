import * as ts from 'typescript';
import type { CallSite, ConsumerUsage, FieldUse, InputProblem, SourceLocation } from '../model';
import { DataFlow } from './data-flow';
import { collectResponseFields } from './field-reads';
import { httpCallAt } from './http-calls';
import { createSourceContext, type SourceContext } from './source-context';

/** Files without either word cannot contain a call we detect, so they skip the checker entirely. */
const MAY_CALL_HTTP = /fetch|axios/;

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

/**
 * Names the in-memory program's only file. It must carry an extension the compiler accepts,
 * whatever the real one is; the real path is only ever reported, never resolved.
 */
const VIRTUAL_FILE_NAMES: Partial<Record<ts.ScriptKind, string>> = {
  [ts.ScriptKind.TS]: '/consumer.ts',
  [ts.ScriptKind.TSX]: '/consumer.tsx',
  [ts.ScriptKind.JS]: '/consumer.js',
  [ts.ScriptKind.JSX]: '/consumer.jsx',
};

/** Finds the HTTP calls in one TS/JS source file and the response fields the code reads. */
export function extractUsageFromSource(file: string, text: string): ConsumerUsage {
  const kind = scriptKindOf(file);
  const sourceFile = ts.createSourceFile(VIRTUAL_FILE_NAMES[kind] ?? '/consumer.ts', text, ts.ScriptTarget.Latest, true, kind);
  const parseError = firstParseError(file, sourceFile);
  if (parseError) return { calls: [], problems: [parseError] };
  if (!MAY_CALL_HTTP.test(text)) return { calls: [], problems: [] };
  try {
    return { calls: analyze(createSourceContext(file, sourceFile)), problems: [] };
  } catch (error) {
    // One odd file must not stop the run over the whole workspace; it is reported instead.
    return { calls: [], problems: [analysisFailure(file, error)] };
  }
}

/** Same over many files; output sorted by file, line, column (deterministic). */
export function extractUsage(files: ReadonlyArray<{ path: string; text: string }>): ConsumerUsage {
  const usages = files.map((file) => extractUsageFromSource(file.path, file.text));
  return {
    calls: usages.flatMap((usage) => usage.calls).sort((a, b) => compareLocations(a.location, b.location)),
    problems: usages.flatMap((usage) => usage.problems).sort((a, b) => compareLocations(a.location, b.location) || compareText(a.code, b.code)),
  };
}

function analyze(context: SourceContext): CallSite[] {
  const calls = new Map<ts.CallExpression, CallSite>();
  const visit = (node: ts.Node): void => {
    if (ts.isCallExpression(node)) {
      const call = httpCallAt(context, node);
      if (call) calls.set(node, call);
    }
    ts.forEachChild(node, visit);
  };
  visit(context.sourceFile);
  collectResponseFields(context, new DataFlow(context, calls));
  return [...calls.values()]
    .map((call) => ({ ...call, responseFields: sortedFields(call.responseFields), requestFields: sortedFields(call.requestFields) }))
    .sort((a, b) => compareLocations(a.location, b.location));
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
    location: { file, line: 1, column: 1 },
    hint: 'This is a bug in contract-graph; please report it with the file. Calls in this file are not checked.',
  };
}

/** By position, then path; one entry per path and position. */
function sortedFields(fields: readonly FieldUse[]): FieldUse[] {
  const unique = new Map<string, FieldUse>();
  for (const field of fields) {
    unique.set(`${field.path}@${field.location.line}:${field.location.column}`, field);
  }
  return [...unique.values()].sort((a, b) => compareLocations(a.location, b.location) || compareText(a.path, b.path));
}

function compareLocations(a: SourceLocation, b: SourceLocation): number {
  return compareText(a.file, b.file) || a.line - b.line || a.column - b.column;
}

/** Code-point order, not locale order, so results do not depend on the machine's locale. */
function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
