import * as ts from 'typescript';
import type { CallSite } from '../model';
import { ELEMENT, isElementCallbackMethod, type DataFlow, type Value } from './data-flow';
import { locationOf, type SourceContext } from './source-context';

/** One response field read, before it becomes a `FieldUse`. */
interface Read {
  call: CallSite;
  path: string;
  token: ts.Node;
  /**
   * Set when the read is iterated (`items.map(item => ...)`, `for (const item of items)`): reads
   * of elements inside that node (`items[].title`) already say that `items` is used, so this one
   * is dropped if there are any.
   */
  elementScope?: ts.Node;
}

/**
 * Finds every place the file reads a field of a response body and adds it to the call's
 * `responseFields`. Only the end of an access chain is a read (`user.address.city` reads
 * `address.city`, not also `address`), and every bound name of a destructuring pattern is one.
 */
export function collectResponseFields(context: SourceContext, flow: DataFlow): void {
  const reads: Read[] = [];
  const visit = (node: ts.Node): void => {
    const read = readAt(node, flow);
    if (read) reads.push(read);
    ts.forEachChild(node, visit);
  };
  visit(context.sourceFile);
  for (const read of reads) {
    if (hasElementReadInside(read, reads)) continue;
    read.call.responseFields.push({ path: read.path, location: locationOf(context, read.token) });
  }
}

function readAt(node: ts.Node, flow: DataFlow): Read | undefined {
  if (ts.isPropertyAccessExpression(node) || ts.isElementAccessExpression(node)) {
    if (isMethodCallee(node) || isAssignmentTarget(node) || extendedByParent(node)) return undefined;
    return toRead(flow.valueOf(node), elementScope(node));
  }
  if (ts.isBindingElement(node) && ts.isObjectBindingPattern(node.parent) && !node.dotDotDotToken) {
    // A nested object pattern reads deeper paths through its own elements.
    if (ts.isObjectBindingPattern(node.name)) return undefined;
    return toRead(flow.valueOfBinding(node), undefined);
  }
  return undefined;
}

function toRead(value: Value | undefined, elementScope: ts.Node | undefined): Read | undefined {
  if (value?.kind !== 'body' || !value.at) return undefined;
  const path = formatPath(withoutTrailingElements(value.path));
  return path === '' ? undefined : { call: value.call, path, token: value.at, elementScope };
}

/** `users[0]` reads the element as a whole: the field read is `users`. */
function withoutTrailingElements(path: readonly string[]): readonly string[] {
  let end = path.length;
  while (end > 0 && path[end - 1] === ELEMENT) end--;
  return path.slice(0, end);
}

/** `['items', '[]', 'title']` → `items[].title`; `['[]', 'name']` → `[].name`. */
function formatPath(segments: readonly string[]): string {
  return segments.reduce((path, segment) => (segment === ELEMENT ? `${path}${ELEMENT}` : path === '' ? segment : `${path}.${segment}`), '');
}

/** `x.toUpperCase()`, `items.map(...)`: calling a member is not reading a body field. */
function isMethodCallee(node: ts.Expression): boolean {
  const parent = outerExpression(node).parent;
  return ts.isCallExpression(parent) && outerExpression(node) === parent.expression;
}

function isAssignmentTarget(node: ts.Expression): boolean {
  const parent = outerExpression(node).parent;
  return ts.isBinaryExpression(parent) && parent.left === outerExpression(node) && isAssignmentOperator(parent.operatorToken.kind);
}

function isAssignmentOperator(kind: ts.SyntaxKind): boolean {
  return kind >= ts.SyntaxKind.FirstAssignment && kind <= ts.SyntaxKind.LastAssignment;
}

/** True when the parent access reads a deeper field of this one (`.city` after `user.address`). */
function extendedByParent(node: ts.Expression): boolean {
  const inner = outerExpression(node);
  const parent = inner.parent;
  if (ts.isElementAccessExpression(parent)) return parent.expression === inner;
  if (!ts.isPropertyAccessExpression(parent) || parent.expression !== inner) return false;
  return parent.name.text !== 'length' && !isMethodCallee(parent);
}

/** Where the elements of `node` are visited: the `for...of` over it, or `node.map(cb)` with an inline callback. */
function elementScope(node: ts.Expression): ts.Node | undefined {
  const inner = outerExpression(node);
  if (ts.isForOfStatement(inner.parent) && inner.parent.expression === inner) return inner.parent;
  const method = inner.parent;
  if (!ts.isPropertyAccessExpression(method) || method.expression !== inner || !isElementCallbackMethod(method.name.text)) return undefined;
  const call = outerExpression(method).parent;
  if (!ts.isCallExpression(call) || outerExpression(method) !== call.expression) return undefined;
  return call.arguments.some((argument) => ts.isArrowFunction(argument) || ts.isFunctionExpression(argument)) ? call : undefined;
}

function hasElementReadInside(read: Read, reads: readonly Read[]): boolean {
  const scope = read.elementScope;
  if (!scope) return false;
  const prefix = `${read.path}${ELEMENT}`;
  return reads.some(
    (other) => other.call === read.call && other.path.startsWith(prefix) && other.token.pos >= scope.pos && other.token.end <= scope.end,
  );
}

/** The outermost of the parentheses and `!` that wrap `node`: `(user.address)!.city` → `(user.address)!`. */
function outerExpression(node: ts.Expression): ts.Expression {
  let current = node;
  while ((ts.isParenthesizedExpression(current.parent) || ts.isNonNullExpression(current.parent)) && current.parent.expression === current) {
    current = current.parent;
  }
  return current;
}
