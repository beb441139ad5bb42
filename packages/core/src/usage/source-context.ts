// A plain require: a namespace import compiles to a getter per access, measurably slow on hot paths.
import ts = require('typescript');
import type { SourceLocation } from '../model';
import { kindTable, Scopes } from './scope';

/**
 * One parsed consumer file and its lexical scopes. Names are resolved without a type checker
 * (see `Scopes`), so the analysis costs little more than the parse and needs no build setup.
 */
export interface SourceContext {
  file: string;
  sourceFile: ts.SourceFile;
  scopes: Scopes;
}

export function createSourceContext(file: string, sourceFile: ts.SourceFile): SourceContext {
  return { file, sourceFile, scopes: new Scopes() };
}

/** Where `node`'s first token starts (1-based). */
export function locationOf(context: SourceContext, node: ts.Node): SourceLocation {
  const position = node.getStart(context.sourceFile);
  // The line is the last whose start is at or before the position (what `getLineAndCharacterOfPosition`
  // computes, without its intermediate object: a summary holds a location per unit, call and read).
  const starts = context.sourceFile.getLineStarts();
  let line = 0;
  let last = starts.length - 1;
  while (line < last) {
    const middle = (line + last + 1) >> 1;
    if (starts[middle] <= position) line = middle;
    else last = middle - 1;
  }
  return { file: context.file, line: line + 1, column: position - starts[line] + 1 };
}

/** Strips wrappers that do not change a value: parentheses, `await`, `!`, `as`, `satisfies`, `<T>x`. */
export function unwrap(expression: ts.Expression): ts.Expression {
  let current = expression;
  // One table load per step (asked of nearly every expression the analysis looks at), not six kind tests.
  while (WRAPPER_KINDS[current.kind] === 1) current = (current as WrapperExpression).expression;
  return current;
}

type WrapperExpression = ts.ParenthesizedExpression | ts.AwaitExpression | ts.NonNullExpression | ts.AsExpression | ts.SatisfiesExpression | ts.TypeAssertion;

const WRAPPER_KINDS = kindTable([
  ts.SyntaxKind.ParenthesizedExpression,
  ts.SyntaxKind.AwaitExpression,
  ts.SyntaxKind.NonNullExpression,
  ts.SyntaxKind.AsExpression,
  ts.SyntaxKind.SatisfiesExpression,
  ts.SyntaxKind.TypeAssertionExpression,
]);

/**
 * The declaration an identifier or property access refers to, if it is in this file: a variable,
 * parameter, import, function or class for a name; for `this.x` a member of the enclosing class;
 * for `obj.x` the property `x` of the object literal or class `obj` holds.
 */
export function declarationOf(context: SourceContext, expression: ts.Expression): ts.Declaration | undefined {
  if (ts.isIdentifier(expression)) {
    // In `{ url }` the name denotes both the property and the variable; scoping finds the variable.
    return context.scopes.declarationOf(expression);
  }
  if (!ts.isPropertyAccessExpression(expression)) return undefined;
  const name = expression.name.text;
  const object = unwrap(expression.expression);
  if (object.kind === ts.SyntaxKind.ThisKeyword) {
    const owner = thisClass(object);
    return owner && classMember(owner, name);
  }
  return memberOfValue(context, object, name, 0);
}

/** How many hops `memberOfValue` follows through variables before giving up. */
const MAX_MEMBER_HOPS = 8;

function memberOfValue(context: SourceContext, object: ts.Expression, name: string, hops: number): ts.Declaration | undefined {
  if (hops > MAX_MEMBER_HOPS) return undefined;
  const node = unwrap(object);
  if (ts.isObjectLiteralExpression(node)) return objectMember(node, name);
  if (ts.isClassLike(node)) return classMember(node, name);
  if (ts.isNewExpression(node)) return memberOfValue(context, node.expression, name, hops + 1);
  if (!ts.isIdentifier(node) && !ts.isPropertyAccessExpression(node)) return undefined;
  const declaration = declarationOf(context, node);
  if (!declaration) return undefined;
  if (ts.isClassDeclaration(declaration)) return classMember(declaration, name);
  // `Method.Get` of `enum Method { Get = 'GET' }`.
  if (ts.isEnumDeclaration(declaration)) return declaration.members.find((member) => propertyNameText(member.name) === name);
  const initializer = initializerOfDeclaration(declaration);
  return initializer ? memberOfValue(context, initializer, name, hops + 1) : undefined;
}

function objectMember(literal: ts.ObjectLiteralExpression, name: string): ts.Declaration | undefined {
  for (const property of literal.properties) {
    if (property.name && propertyNameText(property.name) === name) return property;
  }
  return undefined;
}

/** A named member of a class: field, method, accessor, or constructor parameter property. */
export function classMember(owner: ts.ClassLikeDeclaration, name: string): ts.Declaration | undefined {
  for (const member of owner.members) {
    if (member.name && propertyNameText(member.name) === name) return member;
    if (ts.isConstructorDeclaration(member)) {
      for (const parameter of member.parameters) {
        if (ts.isIdentifier(parameter.name) && parameter.name.text === name && ts.getModifiers(parameter)?.length) return parameter;
      }
    }
  }
  return undefined;
}

/** The class `this` refers to at `node`: arrow functions see through, other functions end the search. */
export function thisClass(node: ts.Node): ts.ClassLikeDeclaration | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (ts.isClassLike(current)) return current;
    if (ts.isFunctionLike(current) && !ts.isArrowFunction(current) && !ts.isClassElement(current)) return undefined;
  }
  return undefined;
}

function initializerOfDeclaration(declaration: ts.Declaration): ts.Expression | undefined {
  if (ts.isVariableDeclaration(declaration) || ts.isPropertyAssignment(declaration) || ts.isPropertyDeclaration(declaration)) return declaration.initializer;
  if (ts.isShorthandPropertyAssignment(declaration)) return declaration.name;
  return undefined;
}

/**
 * The expression a name was initialised with: `const x = ...`, a class field `api = ...`, or an
 * object literal property `{ users: ... }`. With `constOnly`, only `const` variables count, since
 * anything else may be reassigned before use.
 */
export function initializerOf(context: SourceContext, expression: ts.Expression, constOnly = false): ts.Expression | undefined {
  const declaration = declarationOf(context, unwrap(expression));
  if (!declaration) return undefined;
  if (ts.isVariableDeclaration(declaration)) {
    if (!ts.isIdentifier(declaration.name)) return undefined;
    if (constOnly && !(ts.getCombinedNodeFlags(declaration) & ts.NodeFlags.Const)) return undefined;
    return declaration.initializer;
  }
  if (ts.isPropertyAssignment(declaration) || ts.isPropertyDeclaration(declaration)) return declaration.initializer;
  if (ts.isShorthandPropertyAssignment(declaration)) return declaration.name;
  return undefined;
}

/** An object literal written inline or held by a variable. */
export function objectLiteralOf(context: SourceContext, expression: ts.Expression | undefined): ts.ObjectLiteralExpression | undefined {
  if (!expression) return undefined;
  const direct = unwrap(expression);
  if (ts.isObjectLiteralExpression(direct)) return direct;
  const initializer = ts.isIdentifier(direct) ? initializerOf(context, direct) : undefined;
  const resolved = initializer && unwrap(initializer);
  return resolved && ts.isObjectLiteralExpression(resolved) ? resolved : undefined;
}

/** The value expression of property `name` in an object literal (`{ url }` yields the `url` name itself). */
export function propertyValue(literal: ts.ObjectLiteralExpression | undefined, name: string): ts.Expression | undefined {
  for (const property of literal?.properties ?? []) {
    if (ts.isPropertyAssignment(property) && propertyNameText(property.name) === name) return property.initializer;
    if (ts.isShorthandPropertyAssignment(property) && property.name.text === name) return property.name;
  }
  return undefined;
}

/** The text of a non-computed property name (`a`, `'a'`, `1`). */
export function propertyNameText(name: ts.PropertyName): string | undefined {
  if (ts.isIdentifier(name) || ts.isStringLiteral(name) || ts.isNumericLiteral(name) || ts.isNoSubstitutionTemplateLiteral(name)) return name.text;
  return undefined;
}

/** The function an initializer holds, looking through parentheses. */
export function functionOf(expression: ts.Expression | undefined): ts.FunctionLikeDeclaration | undefined {
  if (!expression) return undefined;
  const inner = unwrap(expression);
  return ts.isArrowFunction(inner) || ts.isFunctionExpression(inner) ? inner : undefined;
}
