import * as ts from 'typescript';
import { initializerOf, unwrap, type SourceContext } from './source-context';

/** Stands for a part of a string the analyzer cannot know. */
export const UNKNOWN = '{}';

/** How many const-to-const hops are followed; guards against pathological chains. */
const MAX_DEPTH = 16;

/**
 * The text an expression evaluates to, with each part the analyzer cannot know replaced by `{}`.
 * `undefined` when nothing at all is known (a bare parameter, a function result): such a value says
 * nothing about where a call goes, so callers skip it rather than emit a `{}` URL.
 */
export function staticString(context: SourceContext, expression: ts.Expression, depth = 0): string | undefined {
  if (depth > MAX_DEPTH) return undefined;
  const node = unwrap(expression);
  if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isNumericLiteral(node)) return node.text;
  if (ts.isTemplateExpression(node)) {
    const parts = node.templateSpans.map((span) => part(context, span.expression, depth) + span.literal.text);
    return known(node.head.text + parts.join(''));
  }
  if (ts.isBinaryExpression(node) && node.operatorToken.kind === ts.SyntaxKind.PlusToken) {
    return known(part(context, node.left, depth) + part(context, node.right, depth));
  }
  if (ts.isIdentifier(node) || ts.isPropertyAccessExpression(node)) {
    const initializer = initializerOf(context, node, true);
    return initializer ? staticString(context, initializer, depth + 1) : undefined;
  }
  return undefined;
}

/** The URL template of a call: origin, query and fragment removed, runs of unknowns merged. */
export function urlTemplate(url: string): string | undefined {
  const path = stripOrigin(url).replace(/[?#].*$/s, '').replace(/(\{\})+/g, UNKNOWN);
  if (onlyUnknown(path)) return undefined;
  return path === '' ? '/' : path;
}

/** Whether a URL names its origin (`https://host/...`, `//host/...`); axios ignores `baseURL` for those. */
export function isAbsoluteUrl(url: string): boolean {
  return ORIGIN.test(url);
}

/** `baseURL` + `url` as axios joins them: exactly one `/` between the two. */
export function joinUrl(base: string, url: string): string {
  if (base === '' || isAbsoluteUrl(url)) return url;
  if (url === '') return base;
  return `${base.replace(/\/+$/, '')}/${url.replace(/^\/+/, '')}`;
}

const ORIGIN = /^([a-z][a-z\d+.-]*:)?\/\/[^/?#]*/i;

function stripOrigin(url: string): string {
  return url.replace(ORIGIN, '');
}

function part(context: SourceContext, expression: ts.Expression, depth: number): string {
  return staticString(context, expression, depth + 1) ?? UNKNOWN;
}

function known(text: string): string | undefined {
  return onlyUnknown(text) ? undefined : text;
}

function onlyUnknown(text: string): boolean {
  return text !== '' && text.split(UNKNOWN).join('') === '';
}
