import { blankText, expressionAt, opaqueAlias, patternNames, splitTopLevel, withoutComments, type TemplateElement, type TemplateExpression, type TemplateScan } from './template-expressions';

/** Blocks that are not markup: the component's script (analysed as code) and its CSS. */
const NOT_MARKUP = /<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;
/** Svelte 4 slot props `let:item` / `let:item={pattern}`: names the child component gives, not this one's. */
const LET_DIRECTIVE = /\slet:([A-Za-z_$][\w$]*)/g;
const TAG = /^\s*([#:/@])\s*([\w-]+(?:\s+if\b)?)/;

/**
 * The expressions of a Svelte component's markup and the names it declares: every `{expression}`
 * (text, attribute values `x={…}` and `x="a {…}"`, the shorthand `{x}`, `bind:`/`on:`/`class:`
 * directives, spreads), the blocks `{#if}`/`{:else if}`, `{#each xs as x, i (key)}` (`x` is an element
 * of `xs`, its fields when destructured), `{#await p then v}`/`{:then v}` (`v` is what `p` resolves
 * to), `{#key}`, `{@html}`, `{@render}`, `{@const x = …}`; `{:catch e}`, `{#snippet f(a)}` parameters and
 * `let:` slot props declare names of unknown value. Offsets are into the component's file.
 */
export function scanSvelteMarkup(component: string): TemplateScan {
  const markup = withoutComments(component).replace(NOT_MARKUP, blankText);
  const scan: TemplateScan = { expressions: [], aliases: [] };
  const awaiting: TemplateExpression[] = [];
  for (let start = markup.indexOf('{'); start !== -1; ) {
    const end = closingBrace(markup, start + 1);
    if (end === undefined) break;
    tag(markup.slice(start + 1, end), start + 1, scan, awaiting);
    start = markup.indexOf('{', end + 1);
  }
  for (const match of markup.matchAll(LET_DIRECTIVE)) scan.aliases.push(opaqueAlias(match[1], match.index ?? 0));
  scan.elements = componentElements(markup);
  return scan;
}

/** A component's start tag (capitalised, `<Card`, `<ui.Card`); what follows is read by `elementProps`. */
const COMPONENT_TAG = /<([A-Z][\w$]*(?:\.[\w$]+)*)(?=[\s/>])/g;

/** Other components' elements with the props bound on them: `article={a}`, `article="{a}"`, the shorthand `{article}`. */
function componentElements(markup: string): TemplateElement[] {
  const elements: TemplateElement[] = [];
  for (const tag of markup.matchAll(COMPONENT_TAG)) {
    const props = elementProps(markup, (tag.index ?? 0) + tag[0].length);
    if (props.length > 0) elements.push({ tag: tag[1], offset: tag.index ?? 0, props });
  }
  return elements;
}

/** The props of a start tag whose attributes begin at `start`, up to its `>` (braces and quotes skipped). */
function elementProps(markup: string, start: number): TemplateElement['props'] {
  const props: TemplateElement['props'] = [];
  let index = start;
  while (index < markup.length) {
    const attribute = /\s*(?:(\/?>)|\{|([^\s=/>{]+)(\s*=\s*)?)/y;
    attribute.lastIndex = index;
    const match = attribute.exec(markup);
    if (!match || match[1]) break;
    index = attribute.lastIndex;
    if (match[2] === undefined) {
      // `{article}` is `article={article}`; `{...rest}` spreads what the analysis does not split into props.
      const end = closingBrace(markup, index);
      if (end === undefined) break;
      const name = /^\s*([A-Za-z_$][\w$]*)\s*$/.exec(markup.slice(index, end))?.[1];
      if (name) props.push({ name, value: expressionAt(markup.slice(index, end), index) });
      index = end + 1;
      continue;
    }
    if (!match[3]) continue;
    const quote = markup[index] === '"' || markup[index] === "'" ? markup[index] : undefined;
    const open = quote ? index + 1 : index;
    if (markup[open] === '{') {
      const end = closingBrace(markup, open + 1);
      if (end === undefined) break;
      // A plain prop name (not `on:x`, `bind:x`, `class:x`), whose whole value is one expression.
      if (/^[A-Za-z_$][\w$]*$/.test(match[2]) && (!quote || markup[end + 1] === quote)) props.push({ name: match[2], value: expressionAt(markup.slice(open + 1, end), open + 1) });
      index = end + 1 + (quote && markup[end + 1] === quote ? 1 : 0);
    } else if (quote) {
      const end = markup.indexOf(quote, index + 1);
      if (end === -1) break;
      index = end + 1;
    } else index = open + (/^[^\s>]*/.exec(markup.slice(open))?.[0].length ?? 0);
  }
  return props;
}

/** One `{…}`: a block tag, a special tag or an expression. */
function tag(text: string, offset: number, scan: TemplateScan, awaiting: TemplateExpression[]): void {
  const match = TAG.exec(text);
  if (!match) {
    // `{...props}` spreads the value: it reads what the expression reads.
    const spread = /^\s*\.\.\./.exec(text);
    scan.expressions.push(spread ? expressionAt(text.slice(spread[0].length), offset + spread[0].length) : expressionAt(text, offset));
    return;
  }
  const rest = text.slice(match[0].length);
  const restOffset = offset + match[0].length;
  const keyword = `${match[1]}${match[2].replace(/\s+/, ' ')}`;
  if (keyword === '#if' || keyword === ':else if' || keyword === '#key' || keyword === '@html' || keyword === '@render') scan.expressions.push(expressionAt(rest, restOffset));
  else if (keyword === '#each') each(rest, restOffset, scan);
  else if (keyword === '#await') awaitBlock(rest, restOffset, scan, awaiting);
  else if (keyword === ':then') declare(rest, awaiting[awaiting.length - 1], restOffset, scan);
  else if (keyword === ':catch') declare(rest, undefined, restOffset, scan);
  else if (keyword === '/await') awaiting.pop();
  else if (keyword === '@const') constTag(rest, restOffset, scan);
  else if (keyword === '#snippet') {
    const parameters = /\(([\s\S]*)\)\s*$/.exec(rest);
    if (parameters) declare(parameters[1], undefined, restOffset, scan);
  }
}

/** `xs as x, i (key)`: `x` is an element of `xs` (a pattern: its fields), `i` opaque; the key is read. */
function each(text: string, offset: number, scan: TemplateScan): void {
  const as = topLevelWord(text, 'as');
  const source = expressionAt(as === undefined ? text : text.slice(0, as), offset);
  scan.expressions.push(source);
  if (as === undefined) return;
  let declared = text.slice(as + 2);
  const keyStart = declared.trimEnd().endsWith(')') ? lastTopLevel(declared, '(') : undefined;
  if (keyStart !== undefined) {
    const keyOffset = offset + as + 2 + keyStart + 1;
    scan.expressions.push(expressionAt(declared.slice(keyStart + 1, declared.lastIndexOf(')')), keyOffset));
    declared = declared.slice(0, keyStart);
  }
  const [item, ...others] = splitTopLevel(declared, ',');
  for (const { name, field } of patternNames(item.text) ?? []) {
    const plain = field !== undefined || /^\s*[A-Za-z_$][\w$]*\s*$/.test(item.text);
    scan.aliases.push(plain ? { name, source, element: true, ...(field ? { field } : {}) } : opaqueAlias(name, offset));
  }
  for (const other of others) declare(other.text, undefined, offset, scan);
}

/** `{#await p}`, `{#await p then v}`, `{#await p catch e}`: `p` is read; `v` is what it resolves to. */
function awaitBlock(text: string, offset: number, scan: TemplateScan, awaiting: TemplateExpression[]): void {
  const then = topLevelWord(text, 'then');
  const caught = topLevelWord(text, 'catch');
  const cut = Math.min(then ?? text.length, caught ?? text.length);
  const source = expressionAt(text.slice(0, cut), offset);
  scan.expressions.push(source);
  awaiting.push(source);
  if (then !== undefined) declare(text.slice(then + 4), source, offset, scan);
  else if (caught !== undefined) declare(text.slice(caught + 5), undefined, offset, scan);
}

/** `{@const x = expression}`, `{@const { a } = expression}`. */
function constTag(text: string, offset: number, scan: TemplateScan): void {
  const equals = text.indexOf('=');
  if (equals === -1) return;
  const source = expressionAt(text.slice(equals + 1), offset + equals + 1);
  scan.expressions.push(source);
  declare(text.slice(0, equals), source, offset, scan);
}

/** The names a pattern declares: the value of `source` (or its fields), or opaque without one. */
function declare(pattern: string, source: TemplateExpression | undefined, offset: number, scan: TemplateScan): void {
  if (pattern.trim() === '') return;
  const names = patternNames(pattern) ?? [];
  const whole = /^\s*[A-Za-z_$][\w$]*\s*$/.test(pattern);
  for (const { name, field } of names) {
    if (source && (whole || field !== undefined)) scan.aliases.push({ name, source, element: false, ...(field ? { field } : {}) });
    else scan.aliases.push(opaqueAlias(name, offset));
  }
}

/** The offset of `word` standing alone outside brackets and strings (`as` in `{#each xs as x}`). */
function topLevelWord(text: string, word: string): number | undefined {
  const pattern = new RegExp(`(?<![\\w$.])${word}(?![\\w$])`, 'g');
  for (const match of text.matchAll(pattern)) if (isTopLevel(text, match.index ?? 0)) return match.index;
  return undefined;
}

function lastTopLevel(text: string, char: string): number | undefined {
  for (let index = text.lastIndexOf(char); index !== -1; index = text.lastIndexOf(char, index - 1)) if (isTopLevel(text, index)) return index;
  return undefined;
}

/** `index` is outside every bracket and string of `text`. */
function isTopLevel(text: string, index: number): boolean {
  let depth = 0;
  let quote: string | undefined;
  for (let at = 0; at < index; at++) {
    const char = text[at];
    if (quote) {
      if (char === '\\') at++;
      else if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'" || char === '`') quote = char;
    else if (char === '(' || char === '[' || char === '{') depth++;
    else if (char === ')' || char === ']' || char === '}') depth--;
  }
  return depth === 0 && quote === undefined;
}

/** The offset of the `}` that closes a `{` opened just before `start` (strings and nested braces skipped). */
function closingBrace(text: string, start: number): number | undefined {
  let depth = 1;
  let quote: string | undefined;
  for (let index = start; index < text.length; index++) {
    const char = text[index];
    if (quote) {
      if (char === '\\') index++;
      else if (char === quote) quote = undefined;
    } else if (char === '"' || char === "'" || char === '`') quote = char;
    else if (char === '{') depth++;
    else if (char === '}' && --depth === 0) return index;
  }
  return undefined;
}
