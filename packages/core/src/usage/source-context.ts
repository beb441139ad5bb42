import * as ts from 'typescript';
import type { SourceLocation } from '../model';

/**
 * One parsed consumer file plus a checker over it alone. The checker is only used to resolve
 * names to their declarations (scoping, `this.x`, `obj.method`), so the program has no lib and
 * resolves no imports: that keeps it fast and independent of the consumer's build setup.
 */
export interface SourceContext {
  file: string;
  sourceFile: ts.SourceFile;
  checker: ts.TypeChecker;
}

export function createSourceContext(file: string, sourceFile: ts.SourceFile): SourceContext {
  const options: ts.CompilerOptions = { noLib: true, noResolve: true, allowJs: true, noEmit: true, types: [], jsx: ts.JsxEmit.Preserve };
  const host: ts.CompilerHost = {
    getSourceFile: (name) => (name === sourceFile.fileName ? sourceFile : undefined),
    getDefaultLibFileName: () => 'lib.d.ts',
    writeFile: () => undefined,
    getCurrentDirectory: () => '/',
    getCanonicalFileName: (name) => name,
    useCaseSensitiveFileNames: () => true,
    getNewLine: () => '\n',
    fileExists: (name) => name === sourceFile.fileName,
    readFile: () => undefined,
  };
  const program = ts.createProgram({ rootNames: [sourceFile.fileName], options, host });
  return { file, sourceFile, checker: program.getTypeChecker() };
}

/** Where `node`'s first token starts (1-based). */
export function locationOf(context: SourceContext, node: ts.Node): SourceLocation {
  const { line, character } = context.sourceFile.getLineAndCharacterOfPosition(node.getStart(context.sourceFile));
  return { file: context.file, line: line + 1, column: character + 1 };
}

/** Strips wrappers that do not change a value: parentheses, `await`, `!`, `as`, `satisfies`, `<T>x`. */
export function unwrap(expression: ts.Expression): ts.Expression {
  let current = expression;
  while (
    ts.isParenthesizedExpression(current) ||
    ts.isAwaitExpression(current) ||
    ts.isNonNullExpression(current) ||
    ts.isAsExpression(current) ||
    ts.isSatisfiesExpression(current) ||
    ts.isTypeAssertionExpression(current)
  ) {
    current = current.expression;
  }
  return current;
}

/** The declaration an identifier or property access refers to, if it is in this file. */
export function declarationOf(context: SourceContext, expression: ts.Expression): ts.Declaration | undefined {
  const name = ts.isPropertyAccessExpression(expression) ? expression.name : expression;
  if (!ts.isIdentifier(name) && !ts.isPrivateIdentifier(name)) return undefined;
  // In `{ url }` the name denotes both the property and the variable; we want the variable.
  const symbol = ts.isShorthandPropertyAssignment(name.parent)
    ? context.checker.getShorthandAssignmentValueSymbol(name.parent)
    : context.checker.getSymbolAtLocation(name);
  return symbol?.valueDeclaration ?? symbol?.declarations?.[0];
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
