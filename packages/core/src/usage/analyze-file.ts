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

const PARSE_OPTIONS: ts.CreateSourceFileOptions = { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone };

/** Parses and summarises one TS/JS file (loads TypeScript; see `analyzeFile` in extract-usage). */
export function analyzeFile(file: string, fileText: string, templates?: ReadonlyMap<string, string>): FileAnalysis {
  if (fileText.includes('\u0000')) return { problems: [notSource(file, fileText, fileText.indexOf('\u0000'))] };
  const component = COMPONENT_EXTENSION.test(file) ? componentScripts(fileText) : undefined;
  const text = component?.text ?? fileText;
  const kind = component ? component.kind : scriptKindOf(file);
  // The parser recurses once per bracket level: refuse what would exhaust the stack before it tries.
  const tooDeep = bracketDepthExceeded(text);
  if (tooDeep !== undefined) return { problems: [tooDeepProblem(file, text, tooDeep)] };
  let sourceFile: ts.SourceFile;
  try {
    // Parent pointers are set by the summariser's own walk: a second full pass here would cost ~half a parse.
    // JSDoc is not parsed: nothing reads it, its errors are not parse errors, and in documented code
    // (a generated client, a `.d.ts`-like module) it can cost as much as the code itself.
    sourceFile = ts.createSourceFile(file, text, PARSE_OPTIONS, false, kind);
  } catch (error) {
    return { problems: [error instanceof RangeError ? tooDeepProblem(file, text, 0) : analysisFailure(file, error)] };
  }
  const parseError = firstParseError(file, sourceFile);
  if (parseError) return { problems: [parseError] };
  try {
    return { summary: summarizeFile(createSourceContext(file, sourceFile), templates, component ? fileText : undefined), problems: [] };
  } catch (error) {
    // One odd file must not stop the run over the whole workspace; it is reported instead.
    return { problems: [error instanceof RangeError ? tooDeepProblem(file, text, 0) : analysisFailure(file, error)] };
  }
}

const COMPONENT_EXTENSION = /\.(vue|svelte)$/i;
const SCRIPT_BLOCK = /(<script\b[^>]*>)([\s\S]*?)<\/script\s*>/gi;

/**
 * The `<script>` blocks of a Vue or Svelte component, at their offsets in the file (everything else
 * blanked, line breaks kept), so locations are the component file's own lines and columns. TS when
 * a block says `lang="ts"`. The markup is read by the summariser (see `componentMarkupReads`).
 */
export function componentScripts(text: string): { text: string; kind: ts.ScriptKind } {
  const blank = (part: string) => part.replace(/[^\r\n]/g, ' ');
  let result = '';
  let last = 0;
  let typescript = false;
  for (const match of text.matchAll(SCRIPT_BLOCK)) {
    const start = (match.index ?? 0) + match[1].length;
    result += blank(text.slice(last, start)) + match[2];
    last = start + match[2].length;
    if (/\blang\s*=\s*["']?(ts|typescript)\b/i.test(match[1])) typescript = true;
  }
  return { text: result + blank(text.slice(last)), kind: typescript ? ts.ScriptKind.TS : ts.ScriptKind.JS };
}

/** How deep brackets may nest in a consumer file; hand-written code stays far below. */
export const MAX_BRACKET_DEPTH = 400;

/** The offset where `(`, `[` and `{` first nest deeper than the limit (strings and comments included: it errs on the safe side). */
function bracketDepthExceeded(text: string): number | undefined {
  let depth = 0;
  for (let offset = 0; offset < text.length; offset++) {
    const code = text.charCodeAt(offset);
    if (code === 40 || code === 91 || code === 123) {
      if (++depth > MAX_BRACKET_DEPTH) return offset;
    } else if ((code === 41 || code === 93 || code === 125) && depth > 0) depth--;
  }
  return undefined;
}

function positionAt(text: string, offset: number): { line: number; column: number } {
  const before = text.slice(0, offset).split('\n');
  return { line: before.length, column: before[before.length - 1].length + 1 };
}

function tooDeepProblem(file: string, text: string, offset: number): InputProblem {
  const { line, column } = positionAt(text, offset);
  return {
    code: 'consumer-too-deep',
    message: `${file} nests too deeply to analyze (more than ${MAX_BRACKET_DEPTH} brackets, or an expression thousands of terms long) at line ${line}`,
    location: { file, line, column },
    hint: 'Calls in this file are not checked. If it is generated code, exclude it from the project (or mark it as a test/build file).',
  };
}

function notSource(file: string, text: string, offset: number): InputProblem {
  const { line, column } = positionAt(text, offset);
  return {
    code: 'consumer-not-text',
    message: `${file} is not a text source file (it contains a NUL byte)`,
    location: { file, line, column },
    hint: 'Calls in this file are not checked. Rename or move binary files out of the source folders.',
  };
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
