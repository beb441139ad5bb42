import ts = require('typescript');
import { declarationOf, unwrap, type SourceContext } from './source-context';

/**
 * Whether code runs only when a fetch-style response failed, judged by the tests of its `ok` and
 * `status` written around it: `res.json()` under `if (!res.ok) { ... }`, in the `else` of
 * `if (res.ok)`, or after `if (res.ok) return ...;` reads the error body. After
 * `if (!res.ok) throw ...;` the code runs on success, as it does where nothing is tested.
 */
export function runsOnFailure(node: ts.Node, response: ts.Declaration, context: SourceContext): boolean {
  const test = new StatusTest(response, context);
  for (let child: ts.Node = node, parent = node.parent; parent; child = parent, parent = parent.parent) {
    if (ts.isIfStatement(parent) || ts.isConditionalExpression(parent)) {
      const condition = ts.isIfStatement(parent) ? parent.expression : parent.condition;
      const whenTrue = ts.isIfStatement(parent) ? parent.thenStatement : parent.whenTrue;
      const whenFalse = ts.isIfStatement(parent) ? parent.elseStatement : parent.whenFalse;
      if (child === whenTrue && test.failed(condition)) return true;
      if (child === whenFalse && test.succeeded(condition)) return true;
    }
    if (ts.isBlock(parent) || ts.isSourceFile(parent)) {
      const guard = earlierGuard(parent.statements, child, test);
      if (guard !== undefined) return guard === 'failure';
    }
    // The response of another function's scope is not tested here.
    if (ts.isFunctionLike(parent)) return false;
  }
  return false;
}

/** The nearest `if (test) return/throw ...;` before `statement`: what the code after it knows. */
function earlierGuard(statements: ts.NodeArray<ts.Statement>, statement: ts.Node, test: StatusTest): 'failure' | 'success' | undefined {
  for (let index = statements.indexOf(statement as ts.Statement) - 1; index >= 0; index--) {
    const earlier = statements[index];
    if (!ts.isIfStatement(earlier) || earlier.elseStatement || !alwaysExits(earlier.thenStatement)) continue;
    // Past `if (res.ok) return`, the response failed; past `if (!res.ok) throw`, it succeeded.
    if (test.succeeded(earlier.expression)) return 'failure';
    if (test.failed(earlier.expression)) return 'success';
  }
  return undefined;
}

/** A statement that leaves the block on every path: `return`, `throw`, or a block ending in one. */
function alwaysExits(statement: ts.Statement): boolean {
  if (ts.isReturnStatement(statement) || ts.isThrowStatement(statement)) return true;
  if (ts.isBlock(statement)) {
    const last = statement.statements[statement.statements.length - 1];
    return last !== undefined && alwaysExits(last);
  }
  if (ts.isIfStatement(statement)) return !!statement.elseStatement && alwaysExits(statement.thenStatement) && alwaysExits(statement.elseStatement);
  return false;
}

/** Tests of one response's `ok` and `status`: true only when the condition proves the outcome. */
class StatusTest {
  constructor(
    private readonly response: ts.Declaration,
    private readonly context: SourceContext,
  ) {}

  /** True implies the response failed: `!res.ok`, `res.ok === false`, `res.status >= 400`, `a || b` both such, `a && b` either. */
  failed(condition: ts.Expression): boolean {
    const node = unwrap(condition);
    if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.ExclamationToken) return this.succeeded(node.operand);
    if (!ts.isBinaryExpression(node)) return false;
    const operator = node.operatorToken.kind;
    if (operator === ts.SyntaxKind.BarBarToken) return this.failed(node.left) && this.failed(node.right);
    if (operator === ts.SyntaxKind.AmpersandAmpersandToken) return this.failed(node.left) || this.failed(node.right);
    if (this.isField(node.left, 'ok') && isStrictEquality(operator)) return unwrap(node.right).kind === ts.SyntaxKind.FalseKeyword;
    const status = this.isField(node.left, 'status') ? numberOf(node.right) : undefined;
    if (status === undefined) return false;
    return (operator === ts.SyntaxKind.GreaterThanEqualsToken && status >= 400) || (operator === ts.SyntaxKind.GreaterThanToken && status >= 399);
  }

  /** True implies the response succeeded: `res.ok`, `res.ok === true`, `res.status < 400`, and the duals of `failed`. */
  succeeded(condition: ts.Expression): boolean {
    const node = unwrap(condition);
    if (this.isField(node, 'ok')) return true;
    if (ts.isPrefixUnaryExpression(node) && node.operator === ts.SyntaxKind.ExclamationToken) return this.failed(node.operand);
    if (!ts.isBinaryExpression(node)) return false;
    const operator = node.operatorToken.kind;
    if (operator === ts.SyntaxKind.AmpersandAmpersandToken) return this.succeeded(node.left) || this.succeeded(node.right);
    if (operator === ts.SyntaxKind.BarBarToken) return this.succeeded(node.left) && this.succeeded(node.right);
    if (this.isField(node.left, 'ok') && isStrictEquality(operator)) return unwrap(node.right).kind === ts.SyntaxKind.TrueKeyword;
    const status = this.isField(node.left, 'status') ? numberOf(node.right) : undefined;
    if (status === undefined) return false;
    return (operator === ts.SyntaxKind.LessThanToken && status <= 400) || (operator === ts.SyntaxKind.LessThanEqualsToken && status <= 399);
  }

  /** `res.ok` / `res.status` of this response. */
  private isField(expression: ts.Expression, name: string): boolean {
    const node = unwrap(expression);
    if (!ts.isPropertyAccessExpression(node) || node.name.text !== name) return false;
    const object = unwrap(node.expression);
    return ts.isIdentifier(object) && declarationOf(this.context, object) === this.response;
  }
}

function isStrictEquality(operator: ts.SyntaxKind): boolean {
  return operator === ts.SyntaxKind.EqualsEqualsEqualsToken || operator === ts.SyntaxKind.EqualsEqualsToken;
}

function numberOf(expression: ts.Expression): number | undefined {
  const node = unwrap(expression);
  return ts.isNumericLiteral(node) ? Number(node.text) : undefined;
}
