import { blankText, expressionAt, opaqueAlias, patternNames, scanInterpolations, splitTopLevel, valueOffset, withoutComments, type TemplateElement, type TemplateScan } from './template-expressions';

/**
 * Directive attributes: `v-x`/`v-x:arg` (`v-if`, `v-for`, `v-bind:href`, `v-on:click`, `v-slot:item`),
 * the shorthands `:x`, `@x`, `#x`, and Vue 2's `slot-scope`. Group 1 is the name, 2 or 3 the value.
 */
const DIRECTIVE = /\s(v-[\w-]+(?::[^\s=>]+)?|[:@#][^\s=>]+|slot-scope)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;
/** `item in xs`, `(item, index) in xs`, `{ id, title } of xs`: group 1 the declared part, 2 the rest up to the source. */
const LOOP = /^(\s*(?:\(([^)]*)\)|\{[^}]*\}|[A-Za-z_$][\w$]*)\s+(?:in|of)\s+)/;
/** Blocks that are not markup (their text is the script's, or CSS) and the SFC's custom blocks. */
const NOT_MARKUP = /<(script|style)\b[^>]*>[\s\S]*?<\/\1\s*>/gi;

/**
 * The expressions of a Vue single-file component's `<template>` and the names it declares:
 * interpolations `{{ x }}`, attribute bindings (`:x`, `v-bind:x`), directives (`v-if`, `v-else-if`,
 * `v-show`, `v-html`, `v-text`, `v-model`), event handlers (`@x`, `v-on:x`: what they read is a read),
 * `v-for` loops (the item is an element of the list) and slot props (`v-slot="{ item }"`, `#row="r"`,
 * `slot-scope`), which shadow the component's members of the same name. Offsets are into the
 * component's file.
 */
export function scanVueTemplate(component: string): TemplateScan {
  const template = templateRegion(component);
  const scan: TemplateScan = { expressions: [], aliases: [] };
  scanInterpolations(template, scan);
  scan.elements = componentElements(template);
  for (const match of template.matchAll(DIRECTIVE)) {
    const name = match[1];
    const value = match[2] ?? match[3];
    const offset = valueOffset(match);
    if (name === 'v-for') loop(value, offset, scan);
    else if (name.startsWith('#') || name === 'slot-scope' || name === 'v-slot' || name.startsWith('v-slot:')) slotProps(value, offset, scan);
    else scan.expressions.push(expressionAt(value, offset));
  }
  return scan;
}

/** A component's start tag: PascalCase, or kebab-case with a dash (`rwv-article-meta`); HTML elements have neither. Group 2: its attributes. */
const COMPONENT_TAG = /<([A-Z][\w.]*|[a-z][a-z0-9]*(?:-[a-z0-9]+)+)(\s(?:"[^"]*"|'[^']*'|[^'">])*)?>/g;
/** A bound prop: `:name="…"` or `v-bind:name="…"` (group 1 the name, 2 or 3 the value). */
const BOUND_PROP = /\s(?::|v-bind:)([\w-]+)\s*=\s*(?:"([^"]*)"|'([^']*)')/g;

/** Other components' elements and the props bound on them (`:user-image` is the prop `userImage`). */
function componentElements(template: string): TemplateElement[] {
  const elements: TemplateElement[] = [];
  for (const tag of template.matchAll(COMPONENT_TAG)) {
    const attributes = tag[2] ?? '';
    const start = (tag.index ?? 0) + 1 + tag[1].length;
    const props = [...attributes.matchAll(BOUND_PROP)].map((match) => ({
      name: match[1].replace(/-([a-z0-9])/g, (_, char: string) => char.toUpperCase()),
      value: expressionAt(match[2] ?? match[3], start + valueOffset(match)),
    }));
    if (props.length > 0) elements.push({ tag: tag[1], offset: tag.index ?? 0, props });
  }
  return elements;
}

/** The component's text with everything but its template markup blanked, offsets kept. */
function templateRegion(component: string): string {
  const markup = withoutComments(component).replace(NOT_MARKUP, blankText);
  const start = markup.search(/<template\b/i);
  const end = markup.lastIndexOf('</template');
  if (start === -1 || end <= start) return '';
  return blankText(markup.slice(0, start)) + markup.slice(start, end);
}

/** `v-for="(item, index) in list"`: the item is an element of the list (its fields, when destructured); the others are opaque. */
function loop(text: string, offset: number, scan: TemplateScan): void {
  const match = LOOP.exec(text);
  if (!match) {
    scan.expressions.push(expressionAt(text, offset));
    return;
  }
  const source = expressionAt(text.slice(match[0].length), offset + match[0].length);
  scan.expressions.push(source);
  const declared = match[1].trim().replace(/\s+(?:in|of)$/, '');
  const [item, ...others] = match[2] !== undefined ? splitTopLevel(match[2], ',').map((part) => part.text) : [declared];
  for (const { name, field } of patternNames(item) ?? []) scan.aliases.push(field === undefined && !isIdentifier(item) ? opaqueAlias(name, offset) : { name, source, element: true, ...(field ? { field } : {}) });
  for (const other of others) slotProps(other, offset, scan);
}

/** Slot props (and a loop's index): every name the pattern declares is of unknown value, not this component's. */
function slotProps(pattern: string, offset: number, scan: TemplateScan): void {
  for (const { name } of patternNames(pattern) ?? []) scan.aliases.push(opaqueAlias(name, offset));
}

function isIdentifier(text: string): boolean {
  return /^\s*[A-Za-z_$][\w$]*\s*$/.test(text);
}
