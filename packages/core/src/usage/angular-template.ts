// A plain require: a namespace import compiles to a getter per access, measurably slow on hot paths.
import ts = require('typescript');

/**
 * The expressions of an Angular component template and the names it declares, found without an
 * HTML parser: interpolations `{{ x }}`, bindings `[x]="…"`, `(x)="…"`, `bind-x`/`on-x`, structural
 * directives `*ngIf`/`*ngFor`, control-flow blocks `@if`/`@for`/`@switch`/`@case` and `@let`. Offsets are
 * into the template text, so reads point at the template's own lines and columns.
 */
export interface TemplateScan {
  expressions: TemplateExpression[];
  /** `let a of xs`, `@for (a of xs)` (`element`), `… | async as u`, `@if (…; as u)`, `@let u = …;`. */
  aliases: TemplateAlias[];
}

export interface TemplateExpression {
  /** The expression without its pipes. */
  text: string;
  offset: number;
  /** Names of the pipes applied after it (`async`, `date`), in order. */
  pipes: string[];
}

export interface TemplateAlias {
  name: string;
  source: TemplateExpression;
  element: boolean;
}

/** A property-access chain of a template expression: `a?.b.c` is root `a`, steps `b`, `c`; `xs[i]` steps `[]`. */
export interface TemplateChain {
  root: string;
  steps: Array<{ name: string; offset: number }>;
  /** Offset of the root name. */
  offset: number;
  /** The chain is the whole expression (`user$`, not `user$.pipe(x)` nor `a.b + 1`). */
  whole: boolean;
  /** The root is called without arguments (`user()?.name`): a signal read, when the root is a signal. */
  called?: true;
}

const INTERPOLATION = /\{\{([\s\S]*?)\}\}/g;
const BINDING = /\s(\[\(?[^\s=\]]+\)?\]|\([^\s=)]+\)|bind-[\w.-]+|on-[\w.-]+|bindon-[\w.-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const STRUCTURAL = /\s\*([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
const BLOCK = /@(if|else\s+if|for|switch|case)\s*\(/g;
/** `@let name = expression;` (a semicolon inside a string of the expression ends it early: that binding is then skipped). */
const LET = /@let\s+([A-Za-z_$][\w$]*)\s*=([^;]*);/g;
/**
 * Template variables whose value the analysis cannot tell: `#ref` / `ref-ref` (an element or a
 * directive) and `<ng-template let-x>` (the context a directive passes). Declared with no source,
 * they shadow a member of the same name, whose reads they would otherwise become.
 */
const OPAQUE_VARIABLE = /\s(?:#|ref-|let-)([A-Za-z_$][\w$]*)/g;
const ELEMENT_STEP = '[]';

export function scanTemplate(markup: string): TemplateScan {
  // Comments blanked (line breaks kept, so offsets stay): a commented-out binding reads nothing.
  const template = markup.replace(/<!--[\s\S]*?-->/g, (comment) => comment.replace(/[^\r\n]/g, ' '));
  const scan: TemplateScan = { expressions: [], aliases: [] };
  for (const match of template.matchAll(INTERPOLATION)) scan.expressions.push(expressionAt(match[1], (match.index ?? 0) + 2));
  for (const match of template.matchAll(BINDING)) {
    const value = match[2] ?? match[3];
    scan.expressions.push(expressionAt(value, valueOffset(match)));
  }
  for (const match of template.matchAll(STRUCTURAL)) microsyntax(match[2] ?? match[3], valueOffset(match), scan);
  for (const match of template.matchAll(LET)) {
    const source = expressionAt(match[2], (match.index ?? 0) + match[0].length - 1 - match[2].length);
    scan.expressions.push(source);
    scan.aliases.push({ name: match[1], source, element: false });
  }
  for (const match of template.matchAll(OPAQUE_VARIABLE)) scan.aliases.push({ name: match[1], source: expressionAt('', (match.index ?? 0) + match[0].length), element: false });
  for (const match of template.matchAll(BLOCK)) {
    const start = (match.index ?? 0) + match[0].length;
    const end = closingParenthesis(template, start);
    if (end !== undefined) microsyntax(template.slice(start, end), start, scan);
  }
  return scan;
}

/** Offset of an attribute's value (group 2 or 3) in the template. */
function valueOffset(match: RegExpMatchArray): number {
  const value = match[2] ?? match[3];
  return (match.index ?? 0) + match[0].length - 1 - value.length;
}

/**
 * `let a of xs; trackBy: f; let i = index` (ngFor), `a of xs; track a.id` (@for), `x | async as u; else t`
 * and `x; as u` (ngIf, @if), or a plain expression (`@switch (x)`, `*appRole="r"`).
 */
function microsyntax(text: string, offset: number, scan: TemplateScan): void {
  const parts = splitTopLevel(text, ';');
  const loop = /^(\s*(?:let\s+)?)([A-Za-z_$][\w$]*)(\s+of\s+)/.exec(parts[0].text);
  if (loop) {
    const sourceOffset = offset + loop[0].length;
    const source = expressionAt(parts[0].text.slice(loop[0].length), sourceOffset);
    scan.expressions.push(source);
    scan.aliases.push({ name: loop[2], source, element: true });
    for (const part of parts.slice(1)) {
      const track = /^(\s*(?:track|trackBy)\s*:?\s+)/.exec(part.text);
      if (track) scan.expressions.push(expressionAt(part.text.slice(track[0].length), offset + part.offset + track[0].length));
    }
    return;
  }
  const inline = /\s+as\s+([A-Za-z_$][\w$]*)\s*$/.exec(parts[0].text);
  const first = inline ? parts[0].text.slice(0, inline.index) : parts[0].text;
  const source = expressionAt(first, offset);
  scan.expressions.push(source);
  const alias = inline?.[1] ?? parts.slice(1).map((part) => /^\s*as\s+([A-Za-z_$][\w$]*)\s*$/.exec(part.text)?.[1]).find((name) => name !== undefined);
  if (alias) scan.aliases.push({ name: alias, source, element: false });
}

/** An expression and its pipes: `a.b | date:'short'` is `a.b` piped through `date` (a `||` is not a pipe). */
function expressionAt(text: string, offset: number): TemplateExpression {
  const [head, ...pipes] = splitTopLevel(text, '|');
  return { text: head.text, offset, pipes: pipes.map((pipe) => /^\s*([\w$]+)/.exec(pipe.text)?.[1] ?? '') };
}

/** Splits on a separator outside strings and brackets (`|` only where it is not part of `||`). */
function splitTopLevel(text: string, separator: ';' | '|'): Array<{ text: string; offset: number }> {
  const parts: Array<{ text: string; offset: number }> = [];
  let depth = 0;
  let quote: string | undefined;
  let start = 0;
  for (let index = 0; index < text.length; index++) {
    const char = text[index];
    if (quote) {
      if (char === '\\') index++;
      else if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'" || char === '`') quote = char;
    else if (char === '(' || char === '[' || char === '{') depth++;
    else if (char === ')' || char === ']' || char === '}') depth--;
    else if (depth === 0 && char === separator) {
      if (separator === '|' && (text[index + 1] === '|' || text[index - 1] === '|')) continue;
      parts.push({ text: text.slice(start, index), offset: start });
      start = index + 1;
    }
  }
  parts.push({ text: text.slice(start), offset: start });
  return parts;
}

function closingParenthesis(text: string, start: number): number | undefined {
  let depth = 1;
  for (let index = start; index < text.length; index++) {
    if (text[index] === '(') depth++;
    else if (text[index] === ')' && --depth === 0) return index;
  }
  return undefined;
}

const NESTED_ASYNC_PIPE = /(?<!\|)\|\s*async\b(?=\s*\))/g;
const PARSE_OPTIONS: ts.CreateSourceFileOptions = { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone };

/**
 * The access chains of one expression (statements of an event handler included), or `undefined`
 * when it does not parse as TypeScript. Only maximal chains: `a.b.c` is one chain, not three.
 */
export function accessChains(expression: TemplateExpression): TemplateChain[] | undefined {
  if (expression.text.trim() === '') return [];
  // In parentheses first, so `{ active: a.b }` (an `[ngClass]`) is an object, not a block; then as
  // statements, for an event handler's `a(); b = c`.
  // `(user$ | async)?.name`: the async pipe inside parentheses, blanked (offsets kept), is the emitted value.
  const text = expression.text.replace(NESTED_ASYNC_PIPE, (pipe) => ' '.repeat(pipe.length));
  const parsed = parseStatements(`(${text}\n)`, expression.offset - 1) ?? parseStatements(text, expression.offset);
  if (!parsed) return undefined;
  const chains: TemplateChain[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && isChainRoot(node)) chains.push(chainFrom(node, parsed.sourceFile, parsed.offset));
    ts.forEachChild(node, visit);
  };
  visit(parsed.sourceFile);
  return chains;
}

/** The parsed text, or `undefined` when it is not a list of expression statements. */
function parseStatements(text: string, offset: number): { sourceFile: ts.SourceFile; offset: number } | undefined {
  const sourceFile = ts.createSourceFile('template.ts', text, PARSE_OPTIONS, true, ts.ScriptKind.TS);
  const diagnostics = (sourceFile as unknown as { parseDiagnostics?: readonly ts.Diagnostic[] }).parseDiagnostics ?? [];
  return diagnostics.length === 0 && sourceFile.statements.every(ts.isExpressionStatement) ? { sourceFile, offset } : undefined;
}

/** An identifier that names a variable (not a property name, nor an object literal key). */
function isChainRoot(node: ts.Identifier): boolean {
  const parent = node.parent;
  if ((ts.isPropertyAccessExpression(parent) && parent.name === node) || (ts.isPropertyAssignment(parent) && parent.name === node)) return false;
  return !(ts.isCallExpression(parent) && parent.expression === node) || parent.arguments.length === 0;
}

function chainFrom(root: ts.Identifier, sourceFile: ts.SourceFile, offset: number): TemplateChain {
  const steps: TemplateChain['steps'] = [];
  const rootCall = root.parent;
  // `user()` (isChainRoot lets only calls without arguments through): the chain goes on from the call.
  const called = ts.isCallExpression(rootCall) && rootCall.expression === root;
  let current: ts.Expression = called ? rootCall : root;
  for (;;) {
    const parent: ts.Node = current.parent;
    if (ts.isNonNullExpression(parent) || (ts.isParenthesizedExpression(parent) && !ts.isExpressionStatement(parent.parent))) {
      current = parent;
    } else if (ts.isPropertyAccessExpression(parent) && parent.expression === current) {
      steps.push({ name: parent.name.text, offset: offset + parent.name.getStart(sourceFile) });
      current = parent;
    } else if (ts.isCallExpression(parent) && parent.expression === current && parent.arguments.length === 0 && (steps.at(-1)?.name === 'value' || steps.at(-1)?.name === 'error')) {
      // `user.value()?.name`: an Angular resource's value (a step the summariser knows, `()value`).
      (steps[steps.length - 1] as { name: string }).name = `()${steps[steps.length - 1].name}`;
      current = parent;
    } else if (ts.isElementAccessExpression(parent) && parent.expression === current) {
      const key = parent.argumentExpression;
      const literal = ts.isStringLiteral(key) || ts.isNoSubstitutionTemplateLiteral(key);
      steps.push({ name: literal ? key.text : ELEMENT_STEP, offset: offset + key.getStart(sourceFile) });
      current = parent;
    } else break;
  }
  // A method called on the value (`a.b.toUpperCase()`) reads `a.b`, not a field `toUpperCase`.
  const methodCalled = ts.isCallExpression(current.parent) && current.parent.expression === current;
  if (methodCalled) steps.pop();
  const outer = ts.isParenthesizedExpression(current.parent) ? current.parent.parent : current.parent;
  return { root: root.text, steps, offset: offset + root.getStart(sourceFile), whole: !methodCalled && ts.isExpressionStatement(outer), ...(called ? { called: true as const } : {}) };
}

/** 1-based line and column of an offset. */
export function positionIn(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let index = text.indexOf('\n'); index !== -1 && index < offset; index = text.indexOf('\n', index + 1)) {
    line++;
    lineStart = index + 1;
  }
  return { line, column: offset - lineStart + 1 };
}
