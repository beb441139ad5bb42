import * as ts from 'typescript';
import type { CallSite } from '../model';
import { declarationOf, functionOf, propertyNameText, unwrap, type SourceContext } from './source-context';

/** Path segment for "an element of this array". */
export const ELEMENT = '[]';

/**
 * What an expression holds, as far as response tracking cares. Promises are not modelled: `await`
 * and `.then` are transparent, so a `fetch(...)` call and its awaited result are the same value.
 */
export type Value =
  /** The response object: fetch's `Response` (body via `.json()`) or axios' response (body in `.data`). */
  | { kind: 'response'; call: CallSite }
  /** A part of the response body. `at` is the token that named its last named segment. */
  | { kind: 'body'; call: CallSite; path: readonly string[]; at: ts.Node | undefined };

type BodyValue = Extract<Value, { kind: 'body' }>;

/** Array methods whose callback receives an element as its first parameter (`reduce`: second). */
const ELEMENT_CALLBACK_METHODS = new Set(['map', 'forEach', 'filter', 'find', 'findLast', 'findIndex', 'some', 'every', 'flatMap', 'reduce']);
/** Array methods that return one element of the array. */
const ELEMENT_RETURNING_METHODS = new Set(['find', 'findLast', 'at', 'pop', 'shift']);
/** Array methods that return (a part of) the same array. */
const SAME_ARRAY_METHODS = new Set(['filter', 'slice', 'sort', 'reverse', 'toSorted', 'toReversed']);

/** True when `name` is an array method that hands each element to a callback. */
export function isElementCallbackMethod(name: string): boolean {
  return ELEMENT_CALLBACK_METHODS.has(name);
}

/**
 * Flow-insensitive value tracking within one file: a variable holds whatever its initializer
 * holds, a callback parameter whatever its caller passes, a local function call whatever the
 * function returns. Results are memoised per node; a node being evaluated counts as unknown,
 * which cuts cycles such as recursive functions.
 */
export class DataFlow {
  /** Values of expressions, bindings and parameters. */
  private readonly values = new Memo();
  /** Return values of functions, apart from `values`: a function expression's own value is unknown. */
  private readonly returns = new Memo();

  constructor(
    private readonly context: SourceContext,
    private readonly calls: ReadonlyMap<ts.CallExpression, CallSite>,
  ) {}

  valueOf(expression: ts.Expression): Value | undefined {
    return this.values.get(expression, () => this.evaluate(unwrap(expression)));
  }

  /** The value a destructuring binding (`{ email }`, `[first]`, `...rest`) takes. */
  valueOfBinding(element: ts.BindingElement): Value | undefined {
    return this.values.get(element, () => {
      const source = this.valueOfPatternSource(element.parent);
      if (!source || element.dotDotDotToken) return source;
      if (ts.isArrayBindingPattern(element.parent)) return member(source, ELEMENT, undefined);
      const key = element.propertyName ?? element.name;
      const keyText = ts.isIdentifier(key) ? key.text : ts.isPropertyName(key) ? propertyNameText(key) : undefined;
      return keyText === undefined ? undefined : member(source, keyText, key);
    });
  }

  private evaluate(node: ts.Expression): Value | undefined {
    if (ts.isIdentifier(node)) return this.valueOfDeclaration(declarationOf(this.context, node));
    if (ts.isPropertyAccessExpression(node)) return this.propertyValue(node);
    if (ts.isElementAccessExpression(node)) return this.elementValue(node);
    if (ts.isCallExpression(node)) return this.callValue(node);
    if (ts.isConditionalExpression(node)) return this.valueOf(node.whenTrue) ?? this.valueOf(node.whenFalse);
    if (ts.isBinaryExpression(node)) return this.fallbackValue(node);
    return undefined;
  }

  /** `a ?? b`, `a || b` may be either side; `a && b` is `b` when it matters. */
  private fallbackValue(node: ts.BinaryExpression): Value | undefined {
    switch (node.operatorToken.kind) {
      case ts.SyntaxKind.QuestionQuestionToken:
      case ts.SyntaxKind.BarBarToken:
        return this.valueOf(node.left) ?? this.valueOf(node.right);
      case ts.SyntaxKind.AmpersandAmpersandToken:
        return this.valueOf(node.right);
      default:
        return undefined;
    }
  }

  private propertyValue(node: ts.PropertyAccessExpression): Value | undefined {
    const object = this.valueOf(node.expression);
    return object && member(object, node.name.text, node.name);
  }

  private elementValue(node: ts.ElementAccessExpression): Value | undefined {
    const object = this.valueOf(node.expression);
    if (!object) return undefined;
    const key = node.argumentExpression;
    // Only a string key names a property; any other index (`[0]`, `[i]`) picks an element.
    return ts.isStringLiteral(key) || ts.isNoSubstitutionTemplateLiteral(key) ? member(object, key.text, key) : member(object, ELEMENT, undefined);
  }

  private callValue(call: ts.CallExpression): Value | undefined {
    const site = this.calls.get(call);
    if (site) return { kind: 'response', call: site };
    const callee = unwrap(call.expression);
    if (!ts.isPropertyAccessExpression(callee)) return this.localFunctionResult(callee);
    // `.then(cb)` resolves to what `cb` returns; its parameter gets the receiver (see valueOfParameter).
    if (callee.name.text === 'then') return this.returnValue(functionOf(call.arguments[0]));
    const receiver = this.valueOf(callee.expression);
    return receiver ? methodResult(receiver, callee.name.text) : this.localFunctionResult(callee);
  }

  /** `getUser(1)`, `this.getUser()`, `api.getUser()`: what the function declared in this file returns. */
  private localFunctionResult(callee: ts.Expression): Value | undefined {
    if (!ts.isIdentifier(callee) && !ts.isPropertyAccessExpression(callee)) return undefined;
    return this.returnValue(functionDeclaredAt(declarationOf(this.context, callee)));
  }

  /** What a function returns: its expression body, or the first `return` whose value is known. */
  private returnValue(fn: ts.FunctionLikeDeclaration | undefined): Value | undefined {
    if (!fn?.body) return undefined;
    const fnBody = fn.body;
    return this.returns.get(fn, () => {
      if (!ts.isBlock(fnBody)) return this.valueOf(fnBody);
      for (const expression of returnedExpressions(fnBody)) {
        const value = this.valueOf(expression);
        if (value) return value;
      }
      return undefined;
    });
  }

  private valueOfDeclaration(declaration: ts.Declaration | undefined): Value | undefined {
    if (!declaration) return undefined;
    if (ts.isVariableDeclaration(declaration)) return this.valueOfVariable(declaration);
    if (ts.isBindingElement(declaration)) return this.valueOfBinding(declaration);
    if (ts.isParameter(declaration)) return this.valueOfParameter(declaration);
    return undefined;
  }

  /** `const x = init` holds `init`; `for (const x of items)` holds an element of `items`. */
  private valueOfVariable(declaration: ts.VariableDeclaration): Value | undefined {
    const statement = declaration.parent.parent;
    if (ts.isForOfStatement(statement)) {
      const iterated = this.valueOf(statement.expression);
      return iterated && member(iterated, ELEMENT, undefined);
    }
    return declaration.initializer && this.valueOf(declaration.initializer);
  }

  private valueOfPatternSource(pattern: ts.BindingPattern): Value | undefined {
    const owner = pattern.parent;
    if (ts.isVariableDeclaration(owner)) return this.valueOfVariable(owner);
    if (ts.isParameter(owner)) return this.valueOfParameter(owner);
    if (ts.isBindingElement(owner)) return this.valueOfBinding(owner);
    return undefined;
  }

  /**
   * Parameters are known only for callbacks written inline: `.then(res => ...)` receives the
   * resolved receiver, `items.map(item => ...)` an element of `items`.
   */
  private valueOfParameter(parameter: ts.ParameterDeclaration): Value | undefined {
    return this.values.get(parameter, () => {
      const fn = parameter.parent;
      const owner = callbackOwner(fn);
      const receiver = owner && this.valueOf(owner.receiver);
      if (!owner || !receiver) return undefined;
      const index = fn.parameters.indexOf(parameter);
      const { method } = owner;
      if (method === 'then') return index === 0 ? receiver : undefined;
      if (receiver.kind !== 'body' || !ELEMENT_CALLBACK_METHODS.has(method)) return undefined;
      const elementIndex = method === 'reduce' ? 1 : 0;
      return index === elementIndex ? member(receiver, ELEMENT, undefined) : undefined;
    });
  }
}

/** Caches values per node; a node asked for while it is being computed is unknown (cuts cycles). */
class Memo {
  private readonly done = new Map<ts.Node, Value | undefined>();
  private readonly pending = new Set<ts.Node>();

  get(node: ts.Node, compute: () => Value | undefined): Value | undefined {
    if (this.done.has(node)) return this.done.get(node);
    if (this.pending.has(node)) return undefined;
    this.pending.add(node);
    const value = compute();
    this.pending.delete(node);
    this.done.set(node, value);
    return value;
  }
}

/** What calling `method` on a tracked value gives: `res.json()`, `items.find(cb)`, `p.catch(cb)`. */
function methodResult(receiver: Value, method: string): Value | undefined {
  if (method === 'catch' || method === 'finally') return receiver;
  if (receiver.kind === 'response') return method === 'json' && receiver.call.client === 'fetch' ? body(receiver.call) : undefined;
  if (ELEMENT_RETURNING_METHODS.has(method)) return member(receiver, ELEMENT, undefined);
  if (SAME_ARRAY_METHODS.has(method)) return receiver;
  return undefined;
}

function body(call: CallSite): BodyValue {
  return { kind: 'body', call, path: [], at: undefined };
}

/**
 * Steps from a value into `key` (a property name, or `ELEMENT`). Only axios' `.data` leads from a
 * response into its body; `length` is never a body field, it is the size of a string or array.
 */
function member(value: Value, key: string, at: ts.Node | undefined): Value | undefined {
  if (value.kind === 'response') return value.call.client === 'axios' && key === 'data' ? body(value.call) : undefined;
  if (key === 'length') return undefined;
  return { kind: 'body', call: value.call, path: [...value.path, key], at: key === ELEMENT ? value.at : at };
}

/** The method call a callback is written for: `x.then(cb)` → `then` on `x`; `items.map(cb)` → `map` on `items`. */
function callbackOwner(fn: ts.SignatureDeclaration): { method: string; receiver: ts.Expression } | undefined {
  if (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn)) return undefined;
  let argument: ts.Expression = fn;
  while (ts.isParenthesizedExpression(argument.parent)) argument = argument.parent;
  const call = argument.parent;
  if (!ts.isCallExpression(call) || !call.arguments.includes(argument)) return undefined;
  const callee = unwrap(call.expression);
  return ts.isPropertyAccessExpression(callee) ? { method: callee.name.text, receiver: callee.expression } : undefined;
}

function functionDeclaredAt(declaration: ts.Declaration | undefined): ts.FunctionLikeDeclaration | undefined {
  if (!declaration) return undefined;
  if (ts.isFunctionDeclaration(declaration) || ts.isMethodDeclaration(declaration)) return declaration;
  if (ts.isFunctionExpression(declaration) || ts.isArrowFunction(declaration)) return declaration;
  if (ts.isVariableDeclaration(declaration) || ts.isPropertyAssignment(declaration) || ts.isPropertyDeclaration(declaration)) {
    return functionOf(declaration.initializer);
  }
  return undefined;
}

/** The expressions of `return` statements that belong to this function body (not to nested functions). */
function returnedExpressions(block: ts.Block): ts.Expression[] {
  const found: ts.Expression[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isFunctionLike(node) || ts.isClassLike(node)) return;
    if (ts.isReturnStatement(node) && node.expression) found.push(node.expression);
    ts.forEachChild(node, visit);
  };
  ts.forEachChild(block, visit);
  return found;
}
