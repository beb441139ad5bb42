// A plain require: a namespace import compiles to a getter per access, measurably slow on hot paths.
import ts = require('typescript');

/**
 * What the markup of a component reads, as the markup scanners (Angular templates, Vue `<template>`,
 * Svelte markup) find it without an HTML parser: the expressions it evaluates and the names it
 * declares. Offsets are into the text the scanner was given, so reads point at the markup's own
 * lines and columns.
 */
export interface TemplateScan {
  expressions: TemplateExpression[];
  /** Names the markup declares: loop variables (`element`), `as` / `@let` / `{@const}` names, and opaque ones (no source). */
  aliases: TemplateAlias[];
  /** Elements of other components with the props the markup binds (Vue, Svelte): `<Meta :article="a" />`. */
  elements?: TemplateElement[];
}

export interface TemplateElement {
  /** The tag as written: `ArticleMeta`, `rwv-article-meta`. */
  tag: string;
  offset: number;
  props: Array<{ name: string; value: TemplateExpression }>;
}

export interface TemplateExpression {
  /** The expression without its pipes (Angular pipes, Vue 2 filters). */
  text: string;
  offset: number;
  /** Names of the pipes applied after it (`async`, `date`), in order. */
  pipes: string[];
}

export interface TemplateAlias {
  name: string;
  source: TemplateExpression;
  /** The name is an element of its source (`let a of xs`, `v-for="a in xs"`, `{#each xs as a}`). */
  element: boolean;
  /** The name is this field of the element (or of the value): `{#each xs as { id }}`, `v-for="{ id } in xs"`. */
  field?: string;
}

/** A property-access chain of a template expression: `a?.b.c` is root `a`, steps `b`, `c`; `xs[i]` steps `[]`. */
export interface TemplateChain {
  root: string;
  steps: Array<{ name: string; offset: number }>;
  /** Offset of the root name. */
  offset: number;
  /** The chain is the whole expression (`user$`, not `user$.pipe(x)` nor `a.b + 1`). */
  whole: boolean;
  /** The chain is only written (`a.b = 1` in an event handler), not read. */
  written?: true;
  /** The root is called without arguments (`user()?.name`): a signal read, when the root is a signal. */
  called?: true;
}

const INTERPOLATION = /\{\{([\s\S]*?)\}\}/g;
const ELEMENT_STEP = '[]';
const PARSE_OPTIONS: ts.CreateSourceFileOptions = { languageVersion: ts.ScriptTarget.Latest, jsDocParsingMode: ts.JSDocParsingMode.ParseNone };

/** The markup with its HTML comments blanked (line breaks kept, so offsets stay): a commented-out binding reads nothing. */
export function withoutComments(markup: string): string {
  return markup.replace(/<!--[\s\S]*?-->/g, blankText);
}

/** The text with every character but line breaks turned into a space. */
export function blankText(text: string): string {
  return text.replace(/[^\r\n]/g, ' ');
}

/** `{{ expression }}` interpolations (Angular, Vue), added to the scan. */
export function scanInterpolations(template: string, scan: TemplateScan): void {
  for (const match of template.matchAll(INTERPOLATION)) scan.expressions.push(expressionAt(match[1], (match.index ?? 0) + 2));
}

/** Offset of an attribute's value (group 2 or 3 of an attribute pattern) in the template. */
export function valueOffset(match: RegExpMatchArray): number {
  const value = match[2] ?? match[3];
  return (match.index ?? 0) + match[0].length - 1 - value.length;
}

/** A name declared with no source the analysis can follow: it shadows a member of the same name. */
export function opaqueAlias(name: string, offset: number): TemplateAlias {
  return { name, source: expressionAt('', offset), element: false };
}

/**
 * The names a binding pattern declares (`{ item, index: i }` → `item`, `i`; `[a, ...rest]`), each
 * with the field of the whole it takes when it is a plain property of an object pattern
 * (`item` ← `item`, `i` ← `index`), or `undefined` when it does not parse as a pattern.
 */
export function patternNames(pattern: string): Array<{ name: string; field?: string }> | undefined {
  const sourceFile = ts.createSourceFile('pattern.ts', `(${pattern}\n) => 0`, PARSE_OPTIONS, true, ts.ScriptKind.TS);
  const statement = sourceFile.statements[0];
  const arrow = statement && ts.isExpressionStatement(statement) ? statement.expression : undefined;
  if (parseErrors(sourceFile) || sourceFile.statements.length !== 1 || !arrow || !ts.isArrowFunction(arrow)) return undefined;
  const names: Array<{ name: string; field?: string }> = [];
  for (const parameter of arrow.parameters) {
    if (ts.isIdentifier(parameter.name)) names.push({ name: parameter.name.text });
    else if (ts.isObjectBindingPattern(parameter.name)) names.push(...objectPatternNames(parameter.name));
    else for (const name of boundNames(parameter.name)) names.push({ name });
  }
  return names;
}

/** `{ a, b: c }` → `a` ← `a`, `c` ← `b`; a nested pattern, a default or a rest declares names of unknown value. */
function objectPatternNames(pattern: ts.ObjectBindingPattern): Array<{ name: string; field?: string }> {
  return pattern.elements.flatMap((element) => {
    const key = element.propertyName ?? element.name;
    const plain = ts.isIdentifier(element.name) && !element.dotDotDotToken && !element.initializer && ts.isIdentifier(key);
    return plain ? [{ name: (element.name as ts.Identifier).text, field: (key as ts.Identifier).text }] : boundNames(element.name).map((name) => ({ name }));
  });
}

/** Every name a binding name or pattern declares. */
function boundNames(name: ts.BindingName): string[] {
  if (ts.isIdentifier(name)) return [name.text];
  return name.elements.flatMap((element) => (ts.isOmittedExpression(element) ? [] : boundNames(element.name)));
}

/** An expression and its pipes: `a.b | date:'short'` is `a.b` piped through `date` (a `||` is not a pipe). */
export function expressionAt(text: string, offset: number): TemplateExpression {
  const [head, ...pipes] = splitTopLevel(text, '|');
  return { text: head.text, offset, pipes: pipes.map((pipe) => /^\s*([\w$]+)/.exec(pipe.text)?.[1] ?? '') };
}

/** Splits on a separator outside strings and brackets (`|` only where it is not part of `||`). */
export function splitTopLevel(text: string, separator: ';' | '|' | ','): Array<{ text: string; offset: number }> {
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

export function closingParenthesis(text: string, start: number): number | undefined {
  let depth = 1;
  for (let index = start; index < text.length; index++) {
    if (text[index] === '(') depth++;
    else if (text[index] === ')' && --depth === 0) return index;
  }
  return undefined;
}

const NESTED_ASYNC_PIPE = /(?<!\|)\|\s*async\b(?=\s*\))/g;

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
  // Names the expression declares itself (`(a) => a.b` in a Vue or Svelte event handler) are not the component's.
  const local = new Set<string>();
  const visit = (node: ts.Node): void => {
    if (ts.isIdentifier(node) && isChainRoot(node) && !local.has(node.text)) chains.push(chainFrom(node, parsed.sourceFile, parsed.offset));
    if (!ts.isFunctionLike(node)) return ts.forEachChild(node, visit);
    const declared = node.parameters.flatMap((parameter) => boundNames(parameter.name)).filter((name) => !local.has(name));
    for (const name of declared) local.add(name);
    ts.forEachChild(node, visit);
    for (const name of declared) local.delete(name);
  };
  visit(parsed.sourceFile);
  return chains;
}

/** The parsed text, or `undefined` when it is not a list of expression statements. */
function parseStatements(text: string, offset: number): { sourceFile: ts.SourceFile; offset: number } | undefined {
  const sourceFile = ts.createSourceFile('template.ts', text, PARSE_OPTIONS, true, ts.ScriptKind.TS);
  return !parseErrors(sourceFile) && sourceFile.statements.every(ts.isExpressionStatement) ? { sourceFile, offset } : undefined;
}

function parseErrors(sourceFile: ts.SourceFile): boolean {
  // Not in the public typings, but it is what the parser reports.
  return ((sourceFile as unknown as { parseDiagnostics?: readonly ts.Diagnostic[] }).parseDiagnostics ?? []).length > 0;
}

/** An identifier that names a variable (not a property name, nor an object literal key). */
function isChainRoot(node: ts.Identifier): boolean {
  const parent = node.parent;
  if ((ts.isParameter(parent) || ts.isBindingElement(parent)) && (parent.name === node || (ts.isBindingElement(parent) && parent.propertyName === node))) return false;
  if ((ts.isPropertyAccessExpression(parent) && parent.name === node) || (ts.isPropertyAssignment(parent) && parent.name === node)) return false;
  return !(ts.isCallExpression(parent) && parent.expression === node) || parent.arguments.length === 0;
}

function chainFrom(root: ts.Identifier, sourceFile: ts.SourceFile, offset: number): TemplateChain {
  const steps: TemplateChain['steps'] = [];
  const rootCall = root.parent;
  // `user()` (isChainRoot lets only calls without arguments through): the chain goes on from the call.
  const rootCalled = ts.isCallExpression(rootCall) && rootCall.expression === root;
  let current: ts.Expression = rootCalled ? rootCall : root;
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
  const called = ts.isCallExpression(current.parent) && current.parent.expression === current;
  if (called) steps.pop();
  const outer = ts.isParenthesizedExpression(current.parent) ? current.parent.parent : current.parent;
  const chain: TemplateChain = { root: root.text, steps, offset: offset + root.getStart(sourceFile), whole: !called && ts.isExpressionStatement(outer), ...(rootCalled ? { called: true as const } : {}) };
  const assignment = current.parent;
  if (ts.isBinaryExpression(assignment) && assignment.left === current && assignment.operatorToken.kind === ts.SyntaxKind.EqualsToken) chain.written = true;
  return chain;
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
