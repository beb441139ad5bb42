import { closingParenthesis, expressionAt, opaqueAlias, scanInterpolations, splitTopLevel, valueOffset, withoutComments, type TemplateScan } from './template-expressions';

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

/**
 * The expressions of an Angular component template and the names it declares: interpolations
 * `{{ x }}`, bindings `[x]="…"`, `(x)="…"`, `bind-x`/`on-x`, structural directives `*ngIf`/`*ngFor`,
 * control-flow blocks `@if`/`@for`/`@switch`/`@case` and `@let`.
 */
export function scanTemplate(markup: string): TemplateScan {
  const template = withoutComments(markup);
  const scan: TemplateScan = { expressions: [], aliases: [] };
  scanInterpolations(template, scan);
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
  for (const match of template.matchAll(OPAQUE_VARIABLE)) scan.aliases.push(opaqueAlias(match[1], (match.index ?? 0) + match[0].length));
  for (const match of template.matchAll(BLOCK)) {
    const start = (match.index ?? 0) + match[0].length;
    const end = closingParenthesis(template, start);
    if (end !== undefined) microsyntax(template.slice(start, end), start, scan);
  }
  return scan;
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

