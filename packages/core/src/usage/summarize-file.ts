// A plain require: a namespace import compiles to a getter per access, measurably slow on hot paths.
import ts = require('typescript');
import type { SourceLocation } from '../model';
import { childPath, joinFieldSegments } from '../spec/field-path';
import { clientImport, derivedClient, prop } from './clients';
import { kindTable } from './scope';
import { classMember, declarationOf, initializerOf, locationOf, propertyNameText, propertyValue, thisClass, unwrap, type SourceContext } from './source-context';
import type { ActionRead, Arg, Callee, ClientRef, DispatchedAction, FileSummary, ImportRef, Origin, Read, Shape, Template, UnitSummary, ValueRef } from './summary';
import { UNKNOWN } from './static-url';
import { isLocalModule } from './resolve-module';
import { runsOnFailure } from './response-status';
import { templateFileOf } from './template-files';
import { accessChains, positionIn, scanTemplate, type TemplateAlias, type TemplateChain } from './angular-template';

/** Path segment for "an element of this array". */
export const ELEMENT = '[]';

/** A tracked value while the file is analysed: a `ValueRef` plus the token that named its last segment. */
interface Value extends ValueRef {
  at: ts.Node | undefined;
}

/** What an expression is as a callee: a function of this file, an object with methods, a client, an import. */
type LocalShape =
  | { kind: 'unit'; unit: number }
  | { kind: 'object'; node: ts.ObjectLiteralExpression | ts.ClassLikeDeclaration }
  | { kind: 'client'; client: ClientRef; member?: string }
  | { kind: 'import'; ref: number; members: string[] }
  | { kind: 'special'; special: 'openapi-factory' | 'angular-class' | 'angular-inject' | 'client-wrapper' | 'vue' };

const ELEMENT_CALLBACK_METHODS = new Set(['map', 'forEach', 'filter', 'find', 'findLast', 'findIndex', 'some', 'every', 'flatMap', 'reduce', 'sort']);
const ELEMENT_RETURNING_METHODS = new Set(['find', 'findLast', 'at', 'pop', 'shift']);
const SAME_VALUE_METHODS = new Set(['filter', 'slice', 'sort', 'reverse', 'toSorted', 'toReversed', 'catch', 'finally', 'toPromise']);
/** superagent request-builder methods that return the same request. */
const REQUEST_BUILDER_METHODS = new Set(['send', 'query', 'set', 'use', 'type', 'accept', 'withCredentials', 'timeout', 'retry', 'auth', 'ok', 'field', 'attach']);
/** RxJS operators that pass the value through unchanged, and those whose callback result is the new value. */
const RX_SAME = new Set([
  'tap', 'filter', 'take', 'first', 'last', 'retry', 'retryWhen', 'repeat', 'shareReplay', 'share', 'distinctUntilChanged', 'debounceTime', 'throttleTime',
  'auditTime', 'delay', 'finalize', 'takeUntil', 'takeWhile', 'takeUntilDestroyed', 'skip', 'skipWhile', 'catchError', 'timeout', 'startWith', 'defaultIfEmpty', 'single', 'observeOn', 'subscribeOn',
]);
/** Calls that combine a list of promises or observables into one whose value is the list of their values. */
const COMBINERS = new Set(['Promise.all', 'combineLatest', 'forkJoin', 'zip']);
const RX_MAP = new Set(['map', 'switchMap', 'mergeMap', 'concatMap', 'exhaustMap']);
const FETCH_GLOBALS = new Set(['window', 'globalThis', 'self', 'global']);
const enum WalkAction {
  None,
  Call,
  Access,
  Assignment,
  Unit,
  Name,
  Return,
  Element,
}

/** What the walk does with each kind of node; a table, since it is asked of every node of every file. */
const WALK_ACTION = new Uint8Array(ts.SyntaxKind.Count);
WALK_ACTION[ts.SyntaxKind.CallExpression] = WalkAction.Call;
WALK_ACTION[ts.SyntaxKind.PropertyAccessExpression] = WalkAction.Access;
WALK_ACTION[ts.SyntaxKind.ElementAccessExpression] = WalkAction.Access;
WALK_ACTION[ts.SyntaxKind.BindingElement] = WalkAction.Access;
WALK_ACTION[ts.SyntaxKind.BinaryExpression] = WalkAction.Assignment;
WALK_ACTION[ts.SyntaxKind.FunctionDeclaration] = WalkAction.Unit;
WALK_ACTION[ts.SyntaxKind.MethodDeclaration] = WalkAction.Unit;
WALK_ACTION[ts.SyntaxKind.ArrowFunction] = WalkAction.Unit;
WALK_ACTION[ts.SyntaxKind.FunctionExpression] = WalkAction.Unit;
WALK_ACTION[ts.SyntaxKind.Identifier] = WalkAction.Name;
WALK_ACTION[ts.SyntaxKind.ReturnStatement] = WalkAction.Return;
WALK_ACTION[ts.SyntaxKind.JsxSelfClosingElement] = WalkAction.Element;
WALK_ACTION[ts.SyntaxKind.JsxOpeningElement] = WalkAction.Element;

/** 1 for the functions a `return` belongs to (the nearest one around it). */
const OWNS_RETURNS = kindTable([
  ts.SyntaxKind.FunctionDeclaration,
  ts.SyntaxKind.MethodDeclaration,
  ts.SyntaxKind.Constructor,
  ts.SyntaxKind.GetAccessor,
  ts.SyntaxKind.SetAccessor,
  ts.SyntaxKind.FunctionExpression,
  ts.SyntaxKind.ArrowFunction,
]);

/** How deep shapes and texts are followed; guards against pathological chains. */
const MAX_DEPTH = 12;
const ANGULAR_HTTP = '@angular/common/http';
const ANGULAR_CORE = '@angular/core';

/** Summarises one parsed file: its callable units, tracked calls, reads and exports (see `FileSummary`). */
export function summarizeFile(context: SourceContext, templates: ReadonlyMap<string, string> = new Map()): FileSummary {
  return new FileSummarizer(context, templates).run();
}

class FileSummarizer {
  private readonly units: UnitSummary[] = [];
  private readonly unitOfFunction = new Map<ts.Node, number>();
  private readonly unitFunctions: Array<ts.FunctionLikeDeclaration | undefined> = [undefined];
  private readonly origins: Origin[] = [];
  private readonly originNodes: ts.Node[] = [];
  private readonly originOfCall = new Map<ts.Node, number | undefined>();
  /** Origins standing for the same value (`(a ? f : g)(x)`, `a ? f() : g()`): the first's → the others, which get the same reads. */
  private readonly twinOrigins = new Map<number, number[]>();
  private readonly paramOrigins = new Map<string, number>();
  private readonly imports: ImportRef[] = [];
  private readonly importIndex = new Map<string, number>();
  private readonly calls: ts.CallExpression[] = [];
  /** JSX elements (`<Card user={user} />`): a component of the project is called with its attributes as props. */
  private readonly elements: Array<ts.JsxSelfClosingElement | ts.JsxOpeningElement> = [];
  private readonly accesses: ts.Node[] = [];
  /** Assignments `this.x = v`, `x.value = v`, `x = v`, by the object's declaration (or class) and property ('' for the variable itself). */
  private readonly stores = new Map<ts.Node, Map<string, ts.Expression[]>>();
  private readonly values = new Map<ts.Node, Value | undefined | null>();
  private readonly returnMemo = new Map<ts.Node, Value | undefined | null>();
  /** The expressions each function's own `return` statements return (not those of functions inside it), in order. */
  private readonly returnStatements = new Map<ts.Node, ts.Expression[]>();
  private readonly shapeMemo = new Map<ts.Node, LocalShape | undefined | null>();

  constructor(
    private readonly context: SourceContext,
    /** Angular `templateUrl` files by path (as `componentTemplate` resolves them) → text. */
    private readonly templates: ReadonlyMap<string, string>,
  ) {}

  run(): FileSummary {
    this.units.push({ name: '<module>', location: { file: this.context.file, line: 1, column: 1 }, params: [], returns: [] });
    this.collect(this.context.sourceFile);
    for (const call of this.calls) this.originFor(call);
    for (const element of this.elements) this.originForElement(element);
    const reads = [...this.collectReads(), ...this.templateReads()];
    for (let unit = 1; unit < this.units.length; unit++) this.units[unit].returns = this.returnsOf(this.unitFunctions[unit] as ts.FunctionLikeDeclaration);
    const summary: FileSummary = {
      file: this.context.file,
      units: this.units,
      origins: this.origins,
      reads,
      exports: this.exportShapes(),
      imports: this.imports,
    };
    if (isGeneratedSource(this.context.sourceFile.text)) summary.generated = true;
    const prefixes = this.interceptorPrefixes();
    if (prefixes.length > 0) summary.angularUrlPrefixes = prefixes;
    const actions = this.dispatchedActions();
    if (actions.length > 0) summary.actions = actions;
    const actionReads = this.actionReads();
    if (actionReads.length > 0) summary.actionReads = actionReads;
    return summary;
  }

  /** `dispatch({ type: LOGIN, payload })` (also `store.dispatch`) where the payload is a tracked value or `Promise.all([...])` of them. */
  private dispatchedActions(): DispatchedAction[] {
    const actions: DispatchedAction[] = [];
    for (const call of this.calls) {
      const callee = unwrap(call.expression);
      const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
      const literal = name === 'dispatch' ? this.objectLiteral(call.arguments[0]) : undefined;
      const typeNode = propertyValue(literal, 'type');
      const payloadNode = propertyValue(literal, 'payload');
      if (!typeNode || !payloadNode) continue;
      const unit = this.unitOf(call);
      const type = this.textOf(typeNode, unit);
      if (type === undefined || !isKnownText(type)) continue;
      const list = this.combinedList(payloadNode);
      const payload = (list ? list.elements : [payloadNode]).map((element) => (ts.isSpreadElement(element) ? {} : this.argOf(element, unit)));
      if (!payload.some((arg) => arg.value || arg.param !== undefined)) continue;
      actions.push(list ? { type, unit, payload, list: true } : { type, unit, payload });
    }
    return actions;
  }

  /**
   * `action.payload.user.token` where `action.type` is tested: under `case LOGIN:` of
   * `switch (action.type)`, or in the `if` of `action.type === LOGIN || action.type === REGISTER`.
   * A read in the branch of `action.error ? ... : ...` that runs on errors is not a body field.
   */
  private actionReads(): ActionRead[] {
    const reads: ActionRead[] = [];
    for (const node of this.accesses) {
      if (!ts.isPropertyAccessExpression(node) || node.name.text !== 'payload' || !ts.isIdentifier(unwrap(node.expression))) continue;
      const action = declarationOf(this.context, unwrap(node.expression) as ts.Identifier);
      if (!action) continue;
      const chain = payloadChain(node);
      if (!chain || chain.path.length === 0 || onErrorBranch(node, action, this.context)) continue;
      for (const type of this.testedTypes(node, action)) reads.push({ type, path: chain.path, location: locationOf(this.context, chain.end) });
    }
    return reads;
  }

  /** The action types tested around `node` on the same action: `case T:` clauses and `if (action.type === T || ...)`. */
  private testedTypes(node: ts.Node, action: ts.Declaration): Template[] {
    const isActionType = (expression: ts.Expression): boolean => {
      const inner = unwrap(expression);
      return ts.isPropertyAccessExpression(inner) && inner.name.text === 'type' && ts.isIdentifier(unwrap(inner.expression)) && declarationOf(this.context, unwrap(inner.expression) as ts.Identifier) === action;
    };
    const unit = this.unitOf(node);
    const known = (expression: ts.Expression): Template[] => {
      const text = this.textOf(expression, unit);
      return text !== undefined && isKnownText(text) ? [text] : [];
    };
    const compared = (condition: ts.Expression): Template[] => {
      const inner = unwrap(condition);
      if (!ts.isBinaryExpression(inner)) return [];
      const operator = inner.operatorToken.kind;
      if (operator === ts.SyntaxKind.BarBarToken) {
        const left = compared(inner.left);
        const right = compared(inner.right);
        return left.length > 0 && right.length > 0 ? [...left, ...right] : [];
      }
      if (operator !== ts.SyntaxKind.EqualsEqualsEqualsToken && operator !== ts.SyntaxKind.EqualsEqualsToken) return [];
      return isActionType(inner.left) ? known(inner.right) : isActionType(inner.right) ? known(inner.left) : [];
    };
    // Up to the function that declares the action, through callbacks (`state.articles.map(a => ...)`).
    for (let child: ts.Node = node, parent = node.parent; parent && parent !== action.parent; child = parent, parent = parent.parent) {
      if (ts.isCaseClause(parent) && child !== parent.expression && isActionType(parent.parent.parent.expression)) {
        // Fall-through clauses above share this body: `case A: case B: ...`.
        const clauses = parent.parent.clauses;
        const types: Template[] = [];
        for (let index = clauses.indexOf(parent); index >= 0; index--) {
          const clause = clauses[index];
          if (!ts.isCaseClause(clause) || (index < clauses.indexOf(parent) && clause.statements.length > 0)) break;
          types.push(...known(clause.expression));
        }
        return types;
      }
      if (ts.isIfStatement(parent) && child === parent.thenStatement) {
        const types = compared(parent.expression);
        if (types.length > 0) return types;
      }
    }
    return [];
  }

  /**
   * What Angular HTTP interceptors of this file put in front of every request's URL:
   * `req.clone({ url: `${environment.apiUrl}${req.url}` })` with `req` a parameter gives the text
   * before `req.url`. Only where the file imports from `@angular/common/http` (`clone` with a
   * `url` is `HttpRequest`'s), and only a URL that ends with the request's own.
   */
  private interceptorPrefixes(): Template[] {
    if (!importsFrom(this.context.sourceFile, ANGULAR_HTTP)) return [];
    const prefixes = new Set<Template>();
    for (const call of this.calls) {
      const callee = unwrap(call.expression);
      if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'clone') continue;
      const url = propertyValue(this.objectLiteral(call.arguments[0]), 'url');
      const unit = this.unitOf(call);
      const request = this.paramPath(callee.expression, unit);
      const text = url && request !== undefined && !request.includes('.') ? this.textOf(url, unit) : undefined;
      const own = `{@${request}.url}`;
      if (text?.endsWith(own)) prefixes.add(text.slice(0, -own.length));
    }
    return [...prefixes].sort();
  }

  // ---- one walk over the file -------------------------------------------------------------------

  /** The one walk over the file: sets parent pointers (the parse leaves them out) and collects what the analysis needs. */
  private collect(root: ts.Node): void {
    const assignments: ts.BinaryExpression[] = [];
    const declaredNames = new Set<string>();
    // One closure for the whole walk (not one per node): `parent` is the node whose children are visited.
    let parent: ts.Node = root;
    const visit = (node: ts.Node): void => {
      (node as { parent: ts.Node }).parent = parent;
      switch (WALK_ACTION[node.kind]) {
        case WalkAction.Call:
          this.calls.push(node as ts.CallExpression);
          break;
        case WalkAction.Access:
          this.accesses.push(node);
          break;
        case WalkAction.Assignment:
          if ((node as ts.BinaryExpression).operatorToken.kind === ts.SyntaxKind.EqualsToken) assignments.push(node as ts.BinaryExpression);
          break;
        case WalkAction.Unit:
          this.registerUnit(node as ts.FunctionLikeDeclaration);
          break;
        case WalkAction.Name:
          if ((parent as { name?: ts.Node }).name === node) declaredNames.add((node as ts.Identifier).text);
          return;
        case WalkAction.Element:
          this.elements.push(node as ts.JsxSelfClosingElement | ts.JsxOpeningElement);
          break;
        case WalkAction.Return:
          if ((node as ts.ReturnStatement).expression) this.returnStatements.get(owner)?.push((node as ts.ReturnStatement).expression as ts.Expression);
          break;
      }
      const saved = parent;
      const savedOwner = owner;
      parent = node;
      if (OWNS_RETURNS[node.kind] === 1) {
        owner = node;
        this.returnStatements.set(node, []);
      }
      ts.forEachChild(node, visit);
      parent = saved;
      owner = savedOwner;
    };
    let owner: ts.Node = root;
    ts.forEachChild(root, visit);
    this.context.scopes.setDeclaredNames(declaredNames);
    // After the walk: resolving names needs the parent pointers of the whole file.
    for (const assignment of assignments) this.collectStore(assignment);
  }

  private registerUnit(fn: ts.FunctionLikeDeclaration): void {
    const name = unitName(fn);
    if (name === undefined || !fn.body) return;
    this.unitOfFunction.set(fn, this.units.length);
    this.unitFunctions.push(fn);
    this.units.push({ name, location: locationOf(this.context, fn.name ?? fn), params: fn.parameters.map((p) => p.name.getText(this.context.sourceFile)), returns: [] });
  }

  private collectStore(node: ts.BinaryExpression): void {
    if (node.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return;
    const left = unwrap(node.left);
    let owner: ts.Node | undefined;
    let key = '';
    if (ts.isIdentifier(left)) owner = declarationOf(this.context, left);
    else if (ts.isPropertyAccessExpression(left)) {
      key = left.name.text;
      const object = unwrap(left.expression);
      owner = object.kind === ts.SyntaxKind.ThisKeyword ? thisClass(object) : ts.isIdentifier(object) ? declarationOf(this.context, object) : undefined;
    }
    if (!owner) return;
    const byKey = this.stores.get(owner) ?? new Map<string, ts.Expression[]>();
    byKey.set(key, [...(byKey.get(key) ?? []), node.right]);
    this.stores.set(owner, byKey);
  }

  /** The unit whose parameters are in scope at `node`: the nearest enclosing named function (callbacks see through). */
  private unitOf(node: ts.Node): number {
    for (let current = node.parent; current; current = current.parent) {
      const unit = this.unitOfFunction.get(current);
      if (unit !== undefined) return unit;
    }
    return 0;
  }

  // ---- texts (URLs, methods) ----------------------------------------------------------------------

  /** The text an expression evaluates to, with slots for unknowns, parameters and imports (see `Template`). */
  private textOf(expression: ts.Expression, unit: number, depth = 0): string | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const node = unwrap(expression);
    if (ts.isStringLiteral(node) || ts.isNoSubstitutionTemplateLiteral(node) || ts.isNumericLiteral(node)) return node.text;
    if (ts.isTemplateExpression(node)) {
      let text = node.head.text;
      for (const span of node.templateSpans) text += this.partText(span.expression, unit, depth) + span.literal.text;
      return text;
    }
    if (ts.isBinaryExpression(node)) {
      const operator = node.operatorToken.kind;
      if (operator === ts.SyntaxKind.PlusToken) return this.partText(node.left, unit, depth) + this.partText(node.right, unit, depth);
      if (operator === ts.SyntaxKind.QuestionQuestionToken || operator === ts.SyntaxKind.BarBarToken) {
        const left = this.textOf(node.left, unit, depth + 1);
        return left !== undefined && left !== UNKNOWN ? left : this.textOf(node.right, unit, depth + 1);
      }
      return undefined;
    }
    if (ts.isConditionalExpression(node)) return this.conditionalText(node, unit, depth);
    if (ts.isCallExpression(node)) {
      const callee = unwrap(node.expression);
      if (ts.isIdentifier(callee) && /^(encodeURIComponent|encodeURI|String|escape)$/.test(callee.text) && node.arguments[0]) return this.textOf(node.arguments[0], unit, depth + 1);
      if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'toString') return this.textOf(callee.expression, unit, depth + 1);
      return undefined;
    }
    if (ts.isNewExpression(node)) {
      // `${new URLSearchParams({ page, size })}` → `page={}&size={}`: the query names are visible.
      const literal = ts.isIdentifier(node.expression) && node.expression.text === 'URLSearchParams' ? this.objectLiteral(node.arguments?.[0]) : undefined;
      return literal ? literalNames(literal).map((name) => `${name}=${UNKNOWN}`).join('&') : undefined;
    }
    const slot = this.slotOf(node, unit);
    if (slot !== undefined) return slot;
    if (ts.isIdentifier(node) || ts.isPropertyAccessExpression(node)) {
      const declaration = declarationOf(this.context, node);
      const initializer = declaration && constantInitializer(declaration);
      return initializer ? this.textOf(initializer, unit, depth + 1) : undefined;
    }
    return undefined;
  }

  /** A part of a text (`${a}`, `a + b`): unknown when it cannot be read. */
  private partText(inner: ts.Expression, unit: number, depth: number): string {
    return this.textOf(inner, unit, depth + 1) ?? UNKNOWN;
  }

  /**
   * `cond ? '/feed' : ''`: both literal texts, as alternatives (`{|/feed|}`), each a call of its
   * own. Branches that are not both literal keep the first known one.
   */
  private conditionalText(node: ts.ConditionalExpression, unit: number, depth: number): string | undefined {
    const whenTrue = this.textOf(node.whenTrue, unit, depth + 1);
    const whenFalse = this.textOf(node.whenFalse, unit, depth + 1);
    if (whenTrue === undefined || whenFalse === undefined || whenTrue === whenFalse) return whenTrue ?? whenFalse;
    if (!isPlainText(whenTrue) || !isPlainText(whenFalse)) return whenTrue;
    const test = this.parameterTest(node.condition, unit);
    if (!test) return `{|${whenTrue}|${whenFalse}}`;
    const [first, second] = test.equal ? [whenTrue, whenFalse] : [whenFalse, whenTrue];
    return `{|@${test.param}=${test.value}|${first}|${second}}`;
  }

  /** `type === 'feed'` (`==`, `!==`, `!=`, either side) with `type` a parameter of `unit`: a test callers' arguments decide. */
  private parameterTest(condition: ts.Expression, unit: number): { param: string; value: string; equal: boolean } | undefined {
    const node = unwrap(condition);
    if (!ts.isBinaryExpression(node)) return undefined;
    const operator = node.operatorToken.kind;
    const equal = operator === ts.SyntaxKind.EqualsEqualsEqualsToken || operator === ts.SyntaxKind.EqualsEqualsToken;
    if (!equal && operator !== ts.SyntaxKind.ExclamationEqualsEqualsToken && operator !== ts.SyntaxKind.ExclamationEqualsToken) return undefined;
    for (const [side, other] of [[node.left, node.right], [node.right, node.left]]) {
      const literal = unwrap(other);
      const param = this.paramPath(unwrap(side), unit);
      if (param !== undefined && ts.isStringLiteral(literal) && isPlainText(literal.text) && !literal.text.includes('=')) return { param, value: literal.text, equal };
    }
    return undefined;
  }

  /** `{@0}`/`{@0.url}` for a parameter of `unit` (or a property of one), `{$n}` for an imported value. */
  private slotOf(node: ts.Expression, unit: number): string | undefined {
    const param = this.paramPath(node, unit);
    if (param !== undefined) return `{@${param}}`;
    const imported = this.importChain(node);
    return imported === undefined ? undefined : `{$${imported}}`;
  }

  /** `'1'` for the second parameter of `unit`, `'0.url'` for `config.url` or a destructured `{ url }`. */
  private paramPath(node: ts.Expression, unit: number): string | undefined {
    if (unit === 0) return undefined;
    if (ts.isPropertyAccessExpression(node)) {
      const base = ts.isIdentifier(unwrap(node.expression)) ? this.paramPath(unwrap(node.expression), unit) : undefined;
      return base !== undefined && !base.includes('.') ? `${base}.${node.name.text}` : undefined;
    }
    if (!ts.isIdentifier(node)) return undefined;
    const declaration = declarationOf(this.context, node);
    if (!declaration) return undefined;
    if (ts.isParameter(declaration)) {
      const fn = declaration.parent;
      return this.unitOfFunction.get(fn) === unit ? String(fn.parameters.indexOf(declaration)) : undefined;
    }
    if (ts.isBindingElement(declaration) && ts.isObjectBindingPattern(declaration.parent) && ts.isParameter(declaration.parent.parent)) {
      const parameter = declaration.parent.parent;
      const key = bindingKey(declaration);
      if (key === undefined || this.unitOfFunction.get(parameter.parent) !== unit) return undefined;
      return `${parameter.parent.parameters.indexOf(parameter)}.${key}`;
    }
    return undefined;
  }

  /** The index of the import reference `node` names (`API_ROOT`, `environment.apiUrl`), for names imported from project modules. */
  private importChain(node: ts.Expression): number | undefined {
    const members: string[] = [];
    let current = node;
    while (ts.isPropertyAccessExpression(current)) {
      members.unshift(current.name.text);
      current = unwrap(current.expression);
    }
    if (!ts.isIdentifier(current)) return undefined;
    const declaration = declarationOf(this.context, current);
    const imported = declaration && importOf(declaration);
    if (!imported || !isProjectModule(imported.module)) return undefined;
    return this.importRef(imported.module, imported.name, members);
  }

  private importRef(module: string, name: string, members: string[]): number {
    const key = `${module}\u0000${name}\u0000${members.join('.')}`;
    let index = this.importIndex.get(key);
    if (index === undefined) {
      index = this.imports.length;
      this.imports.push({ module, name, members });
      this.importIndex.set(key, index);
    }
    return index;
  }

  // ---- arguments --------------------------------------------------------------------------------

  private argOf(expression: ts.Expression, unit: number, depth = 0): Arg {
    const node = unwrap(expression);
    if (depth < 4) {
      const stringified = jsonStringifyArgument(node) ?? urlSearchParamsArgument(node);
      if (stringified) return this.argOf(stringified, unit, depth + 1);
      const literal = this.objectLiteral(node);
      if (literal) return this.objectArg(literal, unit, depth);
    }
    const arg: Arg = {};
    const param = this.paramPath(node, unit);
    if (param !== undefined) arg.param = param;
    const text = this.textOf(node, unit);
    if (text !== undefined) arg.text = text;
    const value = this.valueOf(node);
    if (value) arg.value = { origin: value.origin, path: value.path };
    const list = depth < 4 && !value ? this.combinedList(node) : undefined;
    if (list) arg.elements = list.elements.map((element) => (ts.isSpreadElement(element) ? {} : this.argOf(element, unit, depth + 1)));
    return arg;
  }

  private objectArg(literal: ts.ObjectLiteralExpression, unit: number, depth: number): Arg {
    const arg: Arg = { props: {}, fields: [] };
    for (const property of literal.properties) {
      if (ts.isSpreadAssignment(property)) {
        withSpread(arg, this.argOf(property.expression, unit, depth + 1));
        continue;
      }
      if (!ts.isPropertyAssignment(property) && !ts.isShorthandPropertyAssignment(property) && !ts.isMethodDeclaration(property)) continue;
      const name = propertyNameText(property.name);
      if (name === undefined) continue;
      arg.fields?.push({ name, location: locationOf(this.context, property.name) });
      const props = arg.props as Record<string, Arg>;
      if (ts.isPropertyAssignment(property)) props[name] = this.argOf(property.initializer, unit, depth + 1);
      else if (ts.isShorthandPropertyAssignment(property)) props[name] = this.argOf(property.name, unit, depth + 1);
    }
    return arg;
  }

  /** The props a JSX element passes: `<Card user={user} title="x" {...rest} />` → `{ user, title, ...rest }`. */
  private propsArg(attributes: ts.JsxAttributes, unit: number): Arg {
    const arg: Arg = { props: {} };
    for (const attribute of attributes.properties) {
      if (ts.isJsxSpreadAttribute(attribute)) {
        withSpread(arg, this.argOf(attribute.expression, unit));
        continue;
      }
      if (!ts.isIdentifier(attribute.name)) continue;
      const initializer = attribute.initializer && ts.isJsxExpression(attribute.initializer) ? attribute.initializer.expression : attribute.initializer;
      (arg.props as Record<string, Arg>)[attribute.name.text] = initializer ? this.argOf(initializer, unit) : { text: 'true' };
    }
    return arg;
  }

  /** An object literal written inline or held by a `const`. */
  private objectLiteral(expression: ts.Expression | undefined): ts.ObjectLiteralExpression | undefined {
    if (!expression) return undefined;
    const node = unwrap(expression);
    if (ts.isObjectLiteralExpression(node)) return node;
    if (!ts.isIdentifier(node)) return undefined;
    const declaration = declarationOf(this.context, node);
    const initializer = declaration && constantInitializer(declaration);
    const inner = initializer && unwrap(initializer);
    return inner && ts.isObjectLiteralExpression(inner) ? inner : undefined;
  }

  // ---- callees ----------------------------------------------------------------------------------

  private originFor(call: ts.CallExpression): number | undefined {
    if (this.originOfCall.has(call)) return this.originOfCall.get(call);
    this.originOfCall.set(call, undefined);
    if (readsOnlyQueryKey(call)) return undefined;
    const mutation = this.vuexMutation(call);
    const direct: Callee | undefined = mutation === undefined ? this.calleeOf(call) : { kind: 'unit', unit: mutation };
    const branches = direct ? undefined : this.conditionalCallees(call);
    const callee = direct ?? branches?.[0];
    if (!callee) return undefined;
    const unit = this.unitOf(call);
    const location = locationOf(this.context, calleeToken(call));
    const index = this.addOrigin(call, { kind: 'call', unit, callee, args: [], location });
    this.originOfCall.set(call, index);
    const twin = branches && this.addOrigin(call, { kind: 'call', unit, callee: branches[1], args: [], location });
    if (twin !== undefined) this.addTwin(index, twin);
    // Arguments after registering: evaluating them may ask for this call's value.
    const origin = this.origins[index] as Extract<Origin, { kind: 'call' }>;
    const args = call.arguments.map((argument) => (ts.isSpreadElement(argument) ? {} : this.argOf(argument, unit)));
    // A mutation handler gets `(state, payload)` for `commit(TYPE, payload)`.
    origin.args = mutation === undefined ? args : [{}, args[1] ?? {}];
    if (twin !== undefined) (this.origins[twin] as Extract<Origin, { kind: 'call' }>).args = args;
    return index;
  }

  /**
   * `<Card user={user} />` with `Card` a function of the project is `Card({ user })`, when an
   * attribute carries a tracked value, a parameter or a text (others tell the analysis nothing).
   */
  private originForElement(element: ts.JsxSelfClosingElement | ts.JsxOpeningElement): void {
    const tag = element.tagName;
    // Lower-case tags are HTML elements.
    if (!(ts.isIdentifier(tag) && /^[A-Z]/.test(tag.text)) && !ts.isPropertyAccessExpression(tag)) return;
    const unit = this.unitOf(element);
    const props = this.propsArg(element.attributes, unit);
    if (!Object.values(props.props ?? {}).some((arg) => arg.value || arg.param !== undefined || arg.text !== undefined) && props.spread === undefined) return;
    const callee = this.calleeOfExpression(tag);
    if (callee?.kind !== 'unit' && callee?.kind !== 'import') return;
    this.addOrigin(element, { kind: 'call', unit, callee, args: [props], location: locationOf(this.context, tag) });
  }

  /**
   * `(liked ? api.unlike : api.like)(slug)`, also through a `const`: both functions are called,
   * each a call of its own with the same arguments (the second is the first's twin, see `twinOrigins`).
   */
  private conditionalCallees(call: ts.CallExpression): [Callee, Callee] | undefined {
    let node = unwrap(call.expression);
    if (ts.isIdentifier(node)) node = unwrap(initializerOf(this.context, node, true) ?? node);
    if (!ts.isConditionalExpression(node)) return undefined;
    const whenTrue = this.calleeOfExpression(node.whenTrue);
    const whenFalse = this.calleeOfExpression(node.whenFalse);
    return whenTrue && whenFalse ? [whenTrue, whenFalse] : undefined;
  }

  /**
   * Vuex: the handler `commit(SET_USER, data.user)` (`context.commit`, `store.commit`, a
   * destructured `commit`) runs, when this file's `mutations` object has it: `[SET_USER](state, user)`
   * (the same constant) or `setUser(state, user)` for `commit('setUser', ...)`.
   */
  private vuexMutation(call: ts.CallExpression): number | undefined {
    const callee = unwrap(call.expression);
    const named = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) ? callee.name.text : undefined;
    if (named !== 'commit' || call.arguments.length < 2) return undefined;
    const type = unwrap(call.arguments[0]);
    const typeDeclaration = ts.isIdentifier(type) || ts.isPropertyAccessExpression(type) ? declarationOf(this.context, type) : undefined;
    const typeText = ts.isStringLiteral(type) ? type.text : undefined;
    if (!typeDeclaration && typeText === undefined) return undefined;
    for (let unit = 1; unit < this.unitFunctions.length; unit++) {
      const member = mutationHandler(this.unitFunctions[unit] as ts.FunctionLikeDeclaration);
      if (!member?.name) continue;
      const name = member.name;
      if (ts.isComputedPropertyName(name) ? typeDeclaration !== undefined && declarationOf(this.context, name.expression) === typeDeclaration : propertyNameText(name) === typeText) return unit;
    }
    return undefined;
  }

  private addOrigin(node: ts.Node, origin: Origin): number {
    this.origins.push(origin);
    this.originNodes.push(node);
    return this.origins.length - 1;
  }

  private calleeOf(call: ts.CallExpression): Callee | undefined {
    return this.calleeOfExpression(call.expression);
  }

  private calleeOfExpression(expression: ts.Expression): Callee | undefined {
    const shape = this.shapeOf(expression, 0);
    if (!shape) return undefined;
    if (shape.kind === 'unit') return { kind: 'unit', unit: shape.unit };
    if (shape.kind === 'import') return { kind: 'import', ref: shape.ref, members: shape.members };
    if (shape.kind === 'client') return { kind: 'client', client: shape.client, member: shape.member };
    return undefined;
  }

  private shapeOf(expression: ts.Expression, depth: number): LocalShape | undefined {
    if (depth > MAX_DEPTH) return undefined;
    const node = unwrap(expression);
    if (ts.isIdentifier(node)) {
      const declaration = declarationOf(this.context, node);
      if (!declaration) return node.text === 'fetch' ? { kind: 'client', client: { library: 'fetch', base: '' } } : undefined;
      return this.shapeOfDeclaration(declaration, depth + 1);
    }
    if (ts.isPropertyAccessExpression(node)) {
      const name = node.name.text;
      const object = unwrap(node.expression);
      if (name === 'fetch' && ts.isIdentifier(object) && FETCH_GLOBALS.has(object.text) && !declarationOf(this.context, object)) {
        return { kind: 'client', client: { library: 'fetch', base: '' } };
      }
      if (object.kind === ts.SyntaxKind.ThisKeyword) {
        const owner = thisClass(object);
        const member = owner && classMember(owner, name);
        return member && this.shapeOfDeclaration(member, depth + 1);
      }
      if (isPropsObject(object)) {
        const member = this.dispatchProp(name);
        if (member) return this.shapeOfDeclaration(member, depth + 1);
      }
      const base = this.shapeOf(object, depth + 1);
      if (!base) return undefined;
      if (base.kind === 'special' && base.special === 'vue') return name === 'axios' ? { kind: 'client', client: { library: 'axios', base: '' } } : undefined;
      if (base.kind === 'object') {
        const member = ts.isObjectLiteralExpression(base.node) ? objectMember(base.node, name) : classMember(base.node, name);
        return member && this.shapeOfDeclaration(member, depth + 1);
      }
      if (base.kind === 'import') return { kind: 'import', ref: base.ref, members: [...base.members, name] };
      if (base.kind === 'client' && base.member === undefined) return { kind: 'client', client: base.client, member: name };
      return undefined;
    }
    if (ts.isCallExpression(node)) {
      const callee = this.shapeOf(node.expression, depth + 1);
      const config = node.arguments[0] ? this.argOf(node.arguments[0], 0, 2) : undefined;
      if (callee?.kind === 'client' && callee.member) {
        const derived = derivedClient(callee.client, callee.member, config);
        return derived && { kind: 'client', client: derived };
      }
      if (callee?.kind === 'special' && callee.special === 'openapi-factory') {
        const base = prop(config, 'baseUrl');
        return { kind: 'client', client: { library: 'openapi-fetch', base: base ? (base.text ?? UNKNOWN) : '' } };
      }
      if (callee?.kind === 'special' && callee.special === 'client-wrapper' && node.arguments[0]) {
        const wrapped = this.shapeOf(node.arguments[0], depth + 1);
        return wrapped?.kind === 'client' && wrapped.member === undefined ? wrapped : undefined;
      }
      if (callee?.kind === 'special' && callee.special === 'angular-inject' && node.arguments[0]) {
        const injected = this.shapeOf(node.arguments[0], depth + 1);
        return injected?.kind === 'special' && injected.special === 'angular-class' ? angularClient() : injected?.kind === 'import' || injected?.kind === 'object' ? injected : undefined;
      }
      return undefined;
    }
    if (ts.isNewExpression(node)) return this.shapeOf(node.expression, depth + 1);
    if (ts.isObjectLiteralExpression(node) || ts.isClassExpression(node)) return { kind: 'object', node };
    if (ts.isArrowFunction(node) || ts.isFunctionExpression(node)) {
      const unit = this.unitOfFunction.get(node);
      return unit === undefined ? undefined : { kind: 'unit', unit };
    }
    return undefined;
  }

  /** `props.onLoad` / `this.props.onLoad` of a component: the `onLoad` of this file's `mapDispatchToProps`, if it has one. */
  private dispatchProp(name: string): ts.Declaration | undefined {
    for (const statement of this.context.sourceFile.statements) {
      if (!ts.isVariableStatement(statement)) continue;
      for (const declaration of statement.declarationList.declarations) {
        const fn = declaration.initializer && unwrap(declaration.initializer);
        const body = fn && ts.isArrowFunction(fn) && ts.isExpression(fn.body) ? unwrap(fn.body) : undefined;
        if (body && ts.isObjectLiteralExpression(body) && isDispatchProps(body)) return objectMember(body, name);
      }
    }
    return undefined;
  }

  private shapeOfDeclaration(declaration: ts.Declaration, depth: number): LocalShape | undefined {
    const memo = this.shapeMemo.get(declaration);
    if (memo !== undefined) return memo ?? undefined;
    this.shapeMemo.set(declaration, null);
    const shape = this.computeShapeOfDeclaration(declaration, depth);
    this.shapeMemo.set(declaration, shape ?? null);
    return shape;
  }

  private computeShapeOfDeclaration(declaration: ts.Declaration, depth: number): LocalShape | undefined {
    const imported = importOf(declaration);
    if (imported) {
      const client = clientImport(imported.module, imported.name);
      if (client?.kind === 'client') return { kind: 'client', client: client.client };
      if (client) return { kind: 'special', special: client.kind };
      return isProjectModule(imported.module) ? { kind: 'import', ref: this.importRef(imported.module, imported.name, []), members: [] } : undefined;
    }
    if (ts.isFunctionDeclaration(declaration) || ts.isMethodDeclaration(declaration)) {
      const unit = this.unitOfFunction.get(declaration);
      return unit === undefined ? undefined : { kind: 'unit', unit };
    }
    if (ts.isClassDeclaration(declaration)) return { kind: 'object', node: declaration };
    if (ts.isShorthandPropertyAssignment(declaration)) return this.shapeOf(declaration.name, depth + 1);
    if (ts.isVariableDeclaration(declaration) || ts.isPropertyAssignment(declaration) || ts.isPropertyDeclaration(declaration)) {
      if (declaration.initializer) return this.shapeOf(declaration.initializer, depth + 1);
      const assigned = ts.isPropertyDeclaration(declaration) ? this.constructorAssignment(declaration) : undefined;
      const fromConstructor = assigned && this.shapeOf(assigned, depth + 1);
      if (fromConstructor) return fromConstructor;
      return ts.isPropertyDeclaration(declaration) || ts.isVariableDeclaration(declaration) ? this.shapeOfType(declaration.type, depth) : undefined;
    }
    if (ts.isParameter(declaration)) return this.shapeOfType(declaration.type, depth);
    return undefined;
  }

  /**
   * `this.client = axios.create(...)` in the constructor, for a field declared without a value:
   * the value, when it is the only assignment of the field in the class.
   */
  private constructorAssignment(field: ts.PropertyDeclaration): ts.Expression | undefined {
    const name = propertyNameText(field.name);
    const assigned = name === undefined ? undefined : this.stores.get(field.parent)?.get(name);
    if (assigned?.length !== 1) return undefined;
    const inConstructor = ts.findAncestor(assigned[0], (node) => ts.isFunctionLike(node));
    return inConstructor && ts.isConstructorDeclaration(inConstructor) && inConstructor.parent === field.parent ? assigned[0] : undefined;
  }

  /** `http: HttpClient`, `api: ApiService`, `client: AxiosInstance`: what a typed parameter or field holds, by its type's name. */
  private shapeOfType(type: ts.TypeNode | undefined, depth: number): LocalShape | undefined {
    if (!type || !ts.isTypeReferenceNode(type) || !ts.isIdentifier(type.typeName)) return undefined;
    const typeDeclaration = declarationOf(this.context, type.typeName);
    const imported = typeDeclaration && importOf(typeDeclaration);
    // An axios instance made somewhere the analyzer does not see: its base URL is unknown.
    if (imported?.module === 'axios' && imported.name === 'AxiosInstance') return { kind: 'client', client: { library: 'axios', base: UNKNOWN } };
    const shape = this.shapeOf(type.typeName, depth + 1);
    if (shape?.kind === 'special' && shape.special === 'angular-class') return angularClient();
    return shape?.kind === 'import' || shape?.kind === 'object' ? shape : undefined;
  }

  // ---- values (what a response becomes) -----------------------------------------------------------

  private valueOf(expression: ts.Expression): Value | undefined {
    const memo = this.values.get(expression);
    if (memo !== undefined) return memo ?? undefined;
    this.values.set(expression, null);
    const value = this.evaluate(unwrap(expression));
    this.values.set(expression, value ?? null);
    return value;
  }

  private evaluate(node: ts.Expression): Value | undefined {
    if (ts.isIdentifier(node)) return this.valueOfDeclaration(declarationOf(this.context, node));
    if (ts.isPropertyAccessExpression(node)) {
      const object = this.valueOf(node.expression);
      // What the code stored in a parameter's property (`state.user = user` in a Vuex mutation) is what it reads back.
      if (object && !this.isPackageCall(object) && !this.isWholeParameter(object)) return step(object, node.name.text, node.name);
      return this.storedValue(node) ?? (object && step(object, node.name.text, node.name));
    }
    if (ts.isElementAccessExpression(node)) {
      const object = this.valueOf(node.expression);
      if (!object) return undefined;
      const key = node.argumentExpression;
      return ts.isStringLiteral(key) || ts.isNoSubstitutionTemplateLiteral(key) ? step(object, key.text, key) : step(object, ELEMENT, undefined);
    }
    if (ts.isCallExpression(node)) return this.callValue(node);
    if (ts.isConditionalExpression(node)) return this.firstValue([node.whenTrue, node.whenFalse]);
    if (ts.isBinaryExpression(node)) {
      const operator = node.operatorToken.kind;
      if (operator === ts.SyntaxKind.QuestionQuestionToken || operator === ts.SyntaxKind.BarBarToken) return this.valueOf(node.left) ?? this.valueOf(node.right);
      if (operator === ts.SyntaxKind.AmpersandAmpersandToken) return this.valueOf(node.right);
    }
    return undefined;
  }

  /**
   * The result of calling a package's function (`ref([])` from 'vue'), unless a tsconfig path maps
   * the package onto a workspace library: what the code stores in it says more than the call.
   */
  private isPackageCall(value: Value): boolean {
    const origin = this.origins[value.origin];
    return value.path.length === 0 && origin.kind === 'call' && origin.callee.kind === 'import' && !isLocalModule(this.imports[origin.callee.ref].module);
  }

  /** `this.user` / `state.value` assigned elsewhere in the file: the first assigned value that is tracked. */
  private isWholeParameter(value: Value): boolean {
    return value.path.length === 0 && this.origins[value.origin].kind === 'param';
  }

  private storedValue(node: ts.PropertyAccessExpression): Value | undefined {
    const object = unwrap(node.expression);
    const owner = object.kind === ts.SyntaxKind.ThisKeyword ? thisClass(object) : ts.isIdentifier(object) ? declarationOf(this.context, object) : undefined;
    if (!owner) return undefined;
    if (object.kind === ts.SyntaxKind.ThisKeyword) {
      const member = classMember(owner as ts.ClassLikeDeclaration, node.name.text);
      if (member && ts.isPropertyDeclaration(member) && member.initializer) {
        const initial = this.valueOf(member.initializer);
        if (initial) return initial;
      }
    }
    return this.firstValue(this.stores.get(owner)?.get(node.name.text));
  }

  /**
   * The value of the first expression that has one. When every expression is a request's own call
   * (`cond ? api.update(a) : api.create(a)`, `x = api.feed()` in one branch and `x = api.all()` in
   * another), the value is any of them: the others become twins of the first, reading what it reads.
   */
  private firstValue(expressions: readonly ts.Expression[] | undefined): Value | undefined {
    const list = expressions ?? [];
    const values = list.map((expression) => this.valueOf(expression));
    const first = values.find((value) => value !== undefined);
    // Only calls made right there (the value flows nowhere else), taken the same way (`.then((res) => res.data)`).
    const ownCall = (value: Value | undefined, index: number): boolean =>
      value !== undefined && this.origins[value.origin].kind === 'call' && value.path.join('\u0000') === first?.path.join('\u0000') && isWithin(this.originNodes[value.origin], list[index]);
    if (first && values.length > 1 && values.every(ownCall)) {
      for (const value of values) if (value && value !== first) this.addTwin(first.origin, value.origin);
    }
    return first;
  }

  private addTwin(origin: number, twin: number): void {
    const twins = this.twinOrigins.get(origin) ?? [];
    if (origin !== twin && !twins.includes(twin)) this.twinOrigins.set(origin, [...twins, twin]);
  }

  private callValue(call: ts.CallExpression): Value | undefined {
    const origin = this.originFor(call);
    if (origin !== undefined) return { origin, path: [], at: undefined };
    const callee = unwrap(call.expression);
    if (ts.isIdentifier(callee) && (callee.text === 'firstValueFrom' || callee.text === 'lastValueFrom') && call.arguments[0]) return this.valueOf(call.arguments[0]);
    if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'parse' && ts.isIdentifier(callee.expression) && callee.expression.text === 'JSON' && call.arguments[0]) {
      // `JSON.parse(await res.text())` is `res.json()`.
      const text = this.valueOf(call.arguments[0]);
      return text && text.path[text.path.length - 1] === '()text' ? { ...text, path: [...text.path.slice(0, -1), '()json'] } : undefined;
    }
    if (!ts.isPropertyAccessExpression(callee)) return undefined;
    const method = callee.name.text;
    const receiver = this.valueOf(callee.expression);
    if (!receiver) return undefined;
    if (method === 'then') return this.callbackResult(call.arguments[0], call, receiver);
    if (method === 'json' || method === 'text') return step(this.failedResponse(callee.expression, receiver) ?? receiver, `()${method}`, undefined);
    if (method === 'pipe') return this.pipeValue(call, receiver, call.arguments.length);
    if (REQUEST_BUILDER_METHODS.has(method) && receiver.path.length === 0) {
      const origin = this.origins[receiver.origin];
      if (origin.kind === 'call' && origin.callee.kind === 'client') {
        origin.chained = [...(origin.chained ?? []), { method, args: call.arguments.map((argument) => this.argOf(argument, origin.unit)) }];
        return receiver;
      }
    }
    if (ELEMENT_RETURNING_METHODS.has(method)) return step(receiver, ELEMENT, undefined);
    if (SAME_VALUE_METHODS.has(method)) return receiver;
    return undefined;
  }

  /** `res` where the code has tested that the response failed (`if (!res.ok) { ... res.json() }`): its error. */
  private failedResponse(expression: ts.Expression, response: Value): Value | undefined {
    const node = unwrap(expression);
    const declaration = response.path.length === 0 && ts.isIdentifier(node) ? declarationOf(this.context, node) : undefined;
    return declaration && runsOnFailure(node, declaration, this.context) ? step(response, '!error', undefined) : undefined;
  }

  /** What `.then(cb)` / `map(cb)` gives: the callback's return value; a named function becomes a call of it. */
  private callbackResult(callback: ts.Expression | undefined, site: ts.CallExpression, input: Value): Value | undefined {
    if (!callback) return undefined;
    const fn = unwrap(callback);
    if ((ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) && !this.unitOfFunction.has(fn)) return this.returnValue(fn);
    const shape = this.shapeOf(fn, 0);
    if (shape?.kind !== 'unit' && shape?.kind !== 'import') return undefined;
    // `.then(responseBody)`: a call of `responseBody` with the resolved value, made at the `.then`.
    let index = this.originOfCall.get(fn);
    if (index === undefined) {
      const unit = this.unitOf(site);
      const callee: Callee = shape.kind === 'unit' ? { kind: 'unit', unit: shape.unit } : { kind: 'import', ref: shape.ref, members: shape.members };
      index = this.addOrigin(fn, { kind: 'call', unit, callee, args: [{ value: { origin: input.origin, path: input.path } }], location: locationOf(this.context, fn) });
      this.originOfCall.set(fn, index);
    }
    return { origin: index, path: [], at: undefined };
  }

  /** The value after the first `count` operators of `source.pipe(...)`. */
  private pipeValue(pipe: ts.CallExpression, source: Value, count: number): Value | undefined {
    let value: Value | undefined = source;
    for (const operator of pipe.arguments.slice(0, count)) {
      if (!value) return undefined;
      const call = unwrap(operator);
      if (!ts.isCallExpression(call) || !ts.isIdentifier(call.expression)) return undefined;
      const name = call.expression.text;
      if (RX_MAP.has(name)) value = this.callbackResult(call.arguments[0], call, value);
      else if (name === 'pluck') value = call.arguments.reduce<Value | undefined>((current, key) => (current && ts.isStringLiteral(key) ? step(current, key.text, key) : undefined), value);
      else if (!RX_SAME.has(name)) return undefined;
    }
    return value;
  }

  private returnValue(fn: ts.FunctionLikeDeclaration): Value | undefined {
    const memo = this.returnMemo.get(fn);
    if (memo !== undefined) return memo ?? undefined;
    this.returnMemo.set(fn, null);
    let value: Value | undefined;
    if (fn.body && !ts.isBlock(fn.body)) value = this.valueOf(fn.body);
    else if (fn.body) for (const expression of this.returnedExpressions(fn)) if ((value = this.valueOf(expression))) break;
    this.returnMemo.set(fn, value ?? null);
    return value;
  }

  private returnedExpressions(fn: ts.FunctionLikeDeclaration): readonly ts.Expression[] {
    return this.returnStatements.get(fn) ?? [];
  }

  private returnsOf(fn: ts.FunctionLikeDeclaration): ValueRef[] {
    const found: ValueRef[] = [];
    const expressions = fn.body && !ts.isBlock(fn.body) ? [fn.body] : fn.body ? this.returnedExpressions(fn) : [];
    for (const expression of expressions) {
      const value = this.valueOf(expression);
      if (value && !found.some((other) => other.origin === value.origin && other.path.join('.') === value.path.join('.'))) found.push({ origin: value.origin, path: value.path });
    }
    return found;
  }

  private valueOfDeclaration(declaration: ts.Declaration | undefined): Value | undefined {
    if (!declaration) return undefined;
    if (ts.isVariableDeclaration(declaration)) return this.valueOfVariable(declaration);
    if (ts.isBindingElement(declaration)) return this.valueOfBinding(declaration);
    if (ts.isParameter(declaration)) return this.valueOfParameter(declaration);
    if (ts.isPropertyDeclaration(declaration) && declaration.initializer) return this.valueOf(declaration.initializer);
    return undefined;
  }

  private valueOfVariable(declaration: ts.VariableDeclaration): Value | undefined {
    const memo = this.values.get(declaration);
    if (memo !== undefined) return memo ?? undefined;
    this.values.set(declaration, null);
    let value: Value | undefined;
    const statement = declaration.parent.parent;
    if (ts.isCatchClause(declaration.parent)) value = this.caughtValue(declaration.parent);
    else if (ts.isForOfStatement(statement)) {
      const iterated = this.valueOf(statement.expression);
      value = iterated && step(iterated, ELEMENT, undefined);
    } else {
      const initial = declaration.initializer && this.valueOf(declaration.initializer);
      value = initial && !this.isPackageCall(initial) ? initial : (this.firstValue(this.stores.get(declaration)?.get('')) ?? initial);
    }
    this.values.set(declaration, value ?? null);
    return value;
  }

  /** `catch (e)` around a tracked call: `e` is that call's error. */
  private caughtValue(clause: ts.CatchClause): Value | undefined {
    const tryBlock = (clause.parent as ts.TryStatement).tryBlock;
    for (let index = 0; index < this.originNodes.length; index++) {
      const node = this.originNodes[index];
      if (node.pos >= tryBlock.pos && node.end <= tryBlock.end && this.origins[index].kind === 'call') return { origin: index, path: ['!error'], at: undefined };
    }
    return undefined;
  }

  /** The value a destructuring binding (`{ email }`, `[first]`, `...rest`) takes. */
  private valueOfBinding(element: ts.BindingElement): Value | undefined {
    const memo = this.values.get(element);
    if (memo !== undefined) return memo ?? undefined;
    this.values.set(element, null);
    const value = this.computeBinding(element);
    this.values.set(element, value ?? null);
    return value;
  }

  private computeBinding(element: ts.BindingElement): Value | undefined {
    const pattern = element.parent;
    if (ts.isArrayBindingPattern(pattern)) {
      const state = this.stateSetterValue(element) ?? this.promiseAllElement(element);
      if (state) return state;
    }
    const owner = pattern.parent;
    const source = ts.isVariableDeclaration(owner)
      ? this.valueOfVariable(owner)
      : ts.isParameter(owner)
        ? this.valueOfParameter(owner)
        : ts.isBindingElement(owner)
          ? this.valueOfBinding(owner)
          : undefined;
    if (!source || element.dotDotDotToken) return source;
    if (ts.isArrayBindingPattern(pattern)) return step(source, ELEMENT, undefined);
    const key = bindingKey(element);
    return key === undefined ? undefined : step(source, key, element.propertyName ?? element.name);
  }

  /**
   * `const [a, b] = await Promise.all([getA(), getB()])`, `combineLatest([a$, b$]).subscribe(([a, b]) => ...)`
   * (also `forkJoin`, `zip`, `.then`, through pass-through operators of a `pipe`): each binding is
   * its own source's value.
   */
  private promiseAllElement(element: ts.BindingElement): Value | undefined {
    const pattern = element.parent as ts.ArrayBindingPattern;
    const owner = pattern.parent;
    const source = ts.isVariableDeclaration(owner) ? owner.initializer : ts.isParameter(owner) ? this.callbackSource(owner) : undefined;
    const list = source && this.combinedList(source);
    const item = list?.elements[pattern.elements.indexOf(element)];
    return item && !ts.isSpreadElement(item) ? this.valueOf(item) : undefined;
  }

  /** What the first parameter of `source.then(cb)` / `source.subscribe(cb)` receives values from: `source`. */
  private callbackSource(parameter: ts.ParameterDeclaration): ts.Expression | undefined {
    const fn = parameter.parent;
    if (fn.parameters[0] !== parameter || (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn))) return undefined;
    let argument: ts.Node = fn;
    while (ts.isParenthesizedExpression(argument.parent)) argument = argument.parent;
    const call = argument.parent;
    if (!ts.isCallExpression(call) || call.arguments[0] !== argument) return undefined;
    const callee = unwrap(call.expression);
    return ts.isPropertyAccessExpression(callee) && (callee.name.text === 'then' || callee.name.text === 'subscribe') ? callee.expression : undefined;
  }

  /** The array literal of `Promise.all([...])`, `combineLatest([...])`, `forkJoin([...])`, `zip([...])`, seen through `pipe(take(1), ...)`. */
  private combinedList(expression: ts.Expression): ts.ArrayLiteralExpression | undefined {
    let node = unwrap(expression);
    while (ts.isCallExpression(node) && ts.isPropertyAccessExpression(node.expression) && node.expression.name.text === 'pipe' && node.arguments.every((operator) => this.isPassThroughOperator(operator))) {
      node = unwrap(node.expression.expression);
    }
    if (!ts.isCallExpression(node) || !COMBINERS.has(node.expression.getText(this.context.sourceFile))) return undefined;
    const list = node.arguments[0] && unwrap(node.arguments[0]);
    return list && ts.isArrayLiteralExpression(list) ? list : undefined;
  }

  private isPassThroughOperator(operator: ts.Expression): boolean {
    const call = unwrap(operator);
    return ts.isCallExpression(call) && ts.isIdentifier(call.expression) && RX_SAME.has(call.expression.text);
  }

  /** `const [user, setUser] = useState()`: `user` holds what the code passes to `setUser`. */
  private stateSetterValue(element: ts.BindingElement): Value | undefined {
    const pattern = element.parent as ts.ArrayBindingPattern;
    const owner = pattern.parent;
    if (pattern.elements[0] !== element || !ts.isVariableDeclaration(owner) || !owner.initializer) return undefined;
    const init = unwrap(owner.initializer);
    if (!ts.isCallExpression(init) || !/(^|\.)use(State|Reducer)$/.test(init.expression.getText(this.context.sourceFile))) return undefined;
    const setter = pattern.elements[1];
    if (!setter || !ts.isBindingElement(setter) || !ts.isIdentifier(setter.name)) return undefined;
    for (const call of this.calls) {
      const callee = unwrap(call.expression);
      if (ts.isIdentifier(callee) && callee.text === setter.name.text && call.arguments[0] && declarationOf(this.context, callee) === setter) {
        const value = this.valueOf(call.arguments[0]);
        if (value) return value;
      }
    }
    return undefined;
  }

  /**
   * A parameter of a named function is a parameter origin (callers supply it at link time); a
   * parameter of an inline callback gets what its caller passes: `.then(r => ...)` the resolved
   * value, `.catch(e => ...)` the error, `items.map(item => ...)` an element, `pipe(map(u => ...))`
   * the value flowing through.
   */
  private valueOfParameter(parameter: ts.ParameterDeclaration): Value | undefined {
    const memo = this.values.get(parameter);
    if (memo !== undefined) return memo ?? undefined;
    this.values.set(parameter, null);
    const value = this.computeParameter(parameter);
    this.values.set(parameter, value ?? null);
    return value;
  }

  private computeParameter(parameter: ts.ParameterDeclaration): Value | undefined {
    const fn = parameter.parent;
    const index = fn.parameters.indexOf(parameter);
    const unit = this.unitOfFunction.get(fn);
    if (unit !== undefined) {
      const key = `${unit}:${index}`;
      let origin = this.paramOrigins.get(key);
      if (origin === undefined) {
        origin = this.addOrigin(parameter, { kind: 'param', unit, index });
        this.paramOrigins.set(key, origin);
      }
      return { origin, path: [], at: undefined };
    }
    if (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn)) return undefined;
    let argument: ts.Node = fn;
    while (ts.isParenthesizedExpression(argument.parent)) argument = argument.parent;
    const parent = argument.parent;
    // `subscribe({ next: (u) => ..., error: (e) => ... })`, `pipe(tap({ next, error }))`
    if (ts.isPropertyAssignment(parent) && ts.isObjectLiteralExpression(parent.parent) && ts.isCallExpression(parent.parent.parent)) {
      const call = parent.parent.parent;
      const key = propertyNameText(parent.name);
      if (index !== 0 || call.arguments[0] !== parent.parent) return undefined;
      const receiver = this.observedValue(call);
      return receiver && (key === 'next' ? receiver : key === 'error' ? step(receiver, '!error', undefined) : undefined);
    }
    if (!ts.isCallExpression(parent) || !parent.arguments.includes(argument as ts.Expression)) return undefined;
    const position = parent.arguments.indexOf(argument as ts.Expression);
    const callee = unwrap(parent.expression);
    if (ts.isIdentifier(callee)) return index === 0 ? this.operatorInput(parent, callee.text) : undefined;
    if (!ts.isPropertyAccessExpression(callee)) return undefined;
    const method = callee.name.text;
    const receiver = this.valueOf(callee.expression);
    if (!receiver) return undefined;
    if (method === 'then' || method === 'subscribe') {
      if (index !== 0) return undefined;
      return position === 0 ? receiver : position === 1 ? step(receiver, '!error', undefined) : undefined;
    }
    if (method === 'catch') return index === 0 ? step(receiver, '!error', undefined) : undefined;
    if (!ELEMENT_CALLBACK_METHODS.has(method)) return undefined;
    return index === (method === 'reduce' ? 1 : 0) ? step(receiver, ELEMENT, undefined) : undefined;
  }

  /** What an observer object watches: the source of `source.subscribe({...})`, or what flows into `tap({...})` of a `pipe`. */
  private observedValue(call: ts.CallExpression): Value | undefined {
    const callee = unwrap(call.expression);
    if (ts.isPropertyAccessExpression(callee) && callee.name.text === 'subscribe') return this.valueOf(callee.expression);
    return ts.isIdentifier(callee) && callee.text === 'tap' ? this.operatorInput(call, 'tap') : undefined;
  }

  /** The value an RxJS operator's callback receives: what flows into that operator of the `pipe`. */
  private operatorInput(operatorCall: ts.CallExpression, name: string): Value | undefined {
    if (!RX_MAP.has(name) && !RX_SAME.has(name)) return undefined;
    let argument: ts.Node = operatorCall;
    while (ts.isParenthesizedExpression(argument.parent)) argument = argument.parent;
    const pipe = argument.parent;
    if (!ts.isCallExpression(pipe)) return undefined;
    const callee = unwrap(pipe.expression);
    if (!ts.isPropertyAccessExpression(callee) || callee.name.text !== 'pipe') return undefined;
    const source = this.valueOf(callee.expression);
    const input = source && this.pipeValue(pipe, source, pipe.arguments.indexOf(argument as ts.Expression));
    return input && name === 'catchError' ? step(input, '!error', undefined) : input;
  }

  // ---- reads ------------------------------------------------------------------------------------

  private collectReads(): Read[] {
    const found: Array<{ value: Value; path: string; token: ts.Node; scope?: ts.Node }> = [];
    for (const node of this.accesses) {
      let value: Value | undefined;
      let scope: ts.Node | undefined;
      if (ts.isBindingElement(node)) {
        if (!ts.isObjectBindingPattern(node.parent) || node.dotDotDotToken || ts.isObjectBindingPattern(node.name)) continue;
        value = this.valueOfBinding(node);
      } else {
        const access = node as ts.PropertyAccessExpression | ts.ElementAccessExpression;
        if (isMethodCallee(access) || isAssignmentTarget(access) || extendedByParent(access)) continue;
        value = this.valueOf(access);
        scope = elementScope(access);
      }
      if (!value?.at) continue;
      const path = withoutTrailingElements(value.path);
      if (path.length === 0) continue;
      found.push({ value: { ...value, path }, path: joinFieldSegments(path), token: value.at, scope });
    }
    const reads: Read[] = [];
    // By origin, for the test below (against every other read of the file it was quadratic).
    let byOrigin: Map<number, typeof found> | undefined;
    for (const read of found) {
      if (read.scope) {
        const prefix = childPath(read.path, ELEMENT);
        const scope = read.scope;
        byOrigin ??= groupBy(found, (entry) => entry.value.origin);
        const sameOrigin = byOrigin.get(read.value.origin) as typeof found;
        if (sameOrigin.some((other) => other.path.startsWith(prefix) && other.token.pos >= scope.pos && other.token.end <= scope.end)) continue;
      }
      reads.push({ value: { origin: read.value.origin, path: read.value.path }, location: locationOf(this.context, read.token) });
    }
    return this.withTwins(reads);
  }

  /** The reads, and the same reads of each read value's twins. */
  private withTwins(reads: Read[]): Read[] {
    for (const read of [...reads]) {
      for (const twin of this.twinOrigins.get(read.value.origin) ?? []) reads.push({ value: { origin: twin, path: read.value.path }, location: read.location });
    }
    return reads;
  }

  // ---- Angular templates ------------------------------------------------------------------------

  /**
   * What the templates of the file's Angular components read of the component's members: a chain
   * `article.author.username` of a template is `this.article.author.username` read in the class.
   */
  private templateReads(): Read[] {
    if (!importsFrom(this.context.sourceFile, ANGULAR_CORE)) return [];
    const reads: Read[] = [];
    for (const statement of this.context.sourceFile.statements) {
      if (!ts.isClassDeclaration(statement)) continue;
      const template = this.componentTemplate(statement);
      if (template) reads.push(...this.readsOfTemplate(statement, template));
    }
    return this.withTwins(reads);
  }

  /** A component's template text, and where an offset of it is: inline (`template:`) or beside the file (`templateUrl:`). */
  private componentTemplate(component: ts.ClassDeclaration): { text: string; locate: (offset: number) => SourceLocation } | undefined {
    const options = componentOptions(component);
    const inline = propertyValue(options, 'template');
    const { sourceFile, file } = this.context;
    if (inline && (ts.isStringLiteral(inline) || ts.isNoSubstitutionTemplateLiteral(inline))) {
      // The literal's source text, not its value: offsets stay those of the file even where it has escapes.
      const start = inline.getStart(sourceFile) + 1;
      const text = sourceFile.text.slice(start, inline.end - 1);
      return { text, locate: (offset) => locationAt(file, sourceFile.getLineAndCharacterOfPosition(start + offset)) };
    }
    const url = propertyValue(options, 'templateUrl');
    if (!url || !(ts.isStringLiteral(url) || ts.isNoSubstitutionTemplateLiteral(url))) return undefined;
    const templateFile = templateFileOf(file, url.text);
    const text = this.templates.get(templateFile);
    if (text === undefined) return undefined;
    return { text, locate: (offset) => ({ file: templateFile, ...positionIn(text, offset) }) };
  }

  /** The reads of one component's template (see `templateReads`). */
  private readsOfTemplate(component: ts.ClassDeclaration, template: { text: string; locate: (offset: number) => SourceLocation }): Read[] {
    const scan = scanTemplate(template.text);
    const reads: Read[] = [];
    const resolving = new Set<string>();
    // A name of the template (`let a of …`, `as u`): the value of its source, when every declaration of it agrees.
    const aliasValue = (name: string): ValueRef | undefined => {
      if (resolving.has(name)) return undefined;
      resolving.add(name);
      const values = scan.aliases.filter((alias) => alias.name === name).map((alias) => sourceValue(alias));
      resolving.delete(name);
      return sameValue(values);
    };
    const sourceValue = (alias: TemplateAlias): ValueRef | undefined => {
      // `async` emits what the observable emits, which the analysis does not tell apart from the observable; other pipes make something new.
      if (alias.source.pipes.some((pipe) => pipe !== 'async')) return undefined;
      const chains = accessChains(alias.source) ?? [];
      const whole = chains.length === 1 && chains[0].whole ? valueOfChain(chains[0]) : undefined;
      return whole && alias.element ? { origin: whole.origin, path: [...whole.path, ELEMENT] } : whole;
    };
    const valueOfChain = (chain: TemplateChain): ValueRef | undefined => {
      const base = rootValue(chain.root);
      const steps = chain.steps.map((step) => step.name);
      const end = steps.indexOf('length');
      return base && { origin: base.origin, path: [...base.path, ...(end === -1 ? steps : steps.slice(0, end))] };
    };
    const rootValue = (name: string): ValueRef | undefined => {
      const aliased = scan.aliases.some((alias) => alias.name === name);
      // A name both a member and a template variable: which one a binding means depends on its place in the markup.
      if (aliased) return classMember(component, name) ? undefined : aliasValue(name);
      return this.memberValue(component, name);
    };
    for (const expression of scan.expressions) {
      for (const chain of accessChains(expression) ?? []) {
        const value = valueOfChain(chain);
        const fields = value && withoutTrailingElements(value.path);
        const named = chain.steps.filter((step) => step.name !== ELEMENT && step.name !== 'length');
        if (!value || !fields || fields.length === 0 || named.length === 0) continue;
        reads.push({ value: { origin: value.origin, path: fields }, location: template.locate(named[named.length - 1].offset) });
      }
    }
    return reads;
  }

  /**
   * What a component's field holds when everything the class assigns to it (its initializer, `this.x = …`)
   * that the analysis can follow is one value: a field assigned from two responses is left out.
   */
  private memberValue(component: ts.ClassDeclaration, name: string): ValueRef | undefined {
    const member = classMember(component, name);
    if (!member || !ts.isPropertyDeclaration(member)) return undefined;
    const assigned = [...(member.initializer ? [member.initializer] : []), ...(this.stores.get(component)?.get(name) ?? [])];
    const values = assigned.flatMap((expression) => {
      const value = this.valueOf(expression);
      return value && !this.isPackageCall(value) ? [value] : [];
    });
    return sameValue(values);
  }

  // ---- exports ----------------------------------------------------------------------------------

  private exportShapes(): Record<string, Shape> {
    const exports: Record<string, Shape> = {};
    const add = (name: string, shape: Shape | undefined) => {
      if (shape) exports[name] = shape;
    };
    for (const statement of this.context.sourceFile.statements) {
      const exported = hasModifier(statement, ts.SyntaxKind.ExportKeyword);
      const isDefault = hasModifier(statement, ts.SyntaxKind.DefaultKeyword);
      if (exported && (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement))) {
        add(isDefault ? 'default' : (statement.name?.text ?? 'default'), this.exportShape(this.shapeOfDeclaration(statement, 0), statement));
      } else if (exported && ts.isVariableStatement(statement)) {
        for (const declaration of statement.declarationList.declarations) {
          if (ts.isIdentifier(declaration.name)) add(declaration.name.text, this.declarationExport(declaration));
        }
      } else if (ts.isExportAssignment(statement)) {
        add('default', this.expressionExport(statement.expression));
      } else if (ts.isExportDeclaration(statement)) {
        this.reexports(statement, add);
      } else if (ts.isExpressionStatement(statement)) {
        this.commonJsExport(statement.expression, add);
      }
    }
    return exports;
  }

  private declarationExport(declaration: ts.VariableDeclaration): Shape | undefined {
    if (!declaration.initializer) return undefined;
    return this.expressionExport(declaration.initializer);
  }

  private expressionExport(expression: ts.Expression): Shape | undefined {
    const text = this.textOf(expression, 0);
    if (text !== undefined) return { kind: 'text', text };
    return this.exportShape(this.shapeOf(expression, 0), expression);
  }

  private reexports(statement: ts.ExportDeclaration, add: (name: string, shape: Shape | undefined) => void): void {
    const module = statement.moduleSpecifier && ts.isStringLiteral(statement.moduleSpecifier) ? statement.moduleSpecifier.text : undefined;
    const clause = statement.exportClause;
    if (!clause) {
      if (module && isProjectModule(module)) add(`*${this.importRef(module, '*', [])}`, { kind: 'import', ref: this.importRef(module, '*', []), members: [] });
      return;
    }
    if (!ts.isNamedExports(clause)) return;
    for (const element of clause.elements) {
      const local = (element.propertyName ?? element.name) as ts.Identifier;
      if (module) {
        if (isProjectModule(module)) add(element.name.text, { kind: 'import', ref: this.importRef(module, local.text, []), members: [] });
      } else {
        add(element.name.text, this.expressionExport(local));
      }
    }
  }

  /** `module.exports = x`, `module.exports.x = y`, `exports.x = y`. */
  private commonJsExport(expression: ts.Expression, add: (name: string, shape: Shape | undefined) => void): void {
    if (!ts.isBinaryExpression(expression) || expression.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return;
    const target = expression.left.getText(this.context.sourceFile);
    if (target === 'module.exports') {
      const shape = this.expressionExport(expression.right);
      add('default', shape);
      if (shape?.kind === 'object') for (const [name, member] of Object.entries(shape.members)) add(name, member);
      return;
    }
    const named = /^(?:module\.)?exports\.([A-Za-z_$][\w$]*)$/.exec(target);
    if (named) add(named[1], this.expressionExport(expression.right));
  }

  /** The serialisable shape of a local shape: objects and classes become member maps (a few levels deep). */
  private exportShape(shape: LocalShape | undefined, at: ts.Node, depth = 0): Shape | undefined {
    if (!shape || depth > 3) return undefined;
    switch (shape.kind) {
      case 'unit':
        return { kind: 'unit', unit: shape.unit };
      case 'client':
        return shape.member === undefined ? { kind: 'client', client: shape.client } : undefined;
      case 'import':
        return { kind: 'import', ref: shape.ref, members: shape.members };
      case 'special':
        return undefined;
      case 'object': {
        const members: Record<string, Shape> = {};
        const node = shape.node;
        const elements: readonly ts.Node[] = ts.isObjectLiteralExpression(node) ? node.properties : node.members;
        for (const element of elements) {
          const declaration = element as ts.Declaration & { name?: ts.PropertyName };
          const name = declaration.name && propertyNameText(declaration.name);
          if (name === undefined) continue;
          let member: Shape | undefined;
          if ((ts.isPropertyAssignment(element) || ts.isPropertyDeclaration(element)) && element.initializer) {
            const text = this.textOf(element.initializer, 0);
            member = text !== undefined ? { kind: 'text', text } : this.exportShape(this.shapeOfDeclaration(element, 0), element, depth + 1);
          } else {
            member = this.exportShape(this.shapeOfDeclaration(declaration, 0), element, depth + 1);
          }
          if (member) members[name] = member;
        }
        return { kind: 'object', members };
      }
    }
  }
}

/** Without `ts.getModifiers`, which copies the list (decorators filtered out) on every call. */
/**
 * `userQueryOptions(id).queryKey`: TanStack Query options built only for their cache key (to
 * invalidate or cancel a query). Their `queryFn` holds the request and is not run, so the call
 * makes no request.
 */
function readsOnlyQueryKey(call: ts.CallExpression): boolean {
  let node: ts.Node = call;
  while (ts.isParenthesizedExpression(node.parent) || ts.isNonNullExpression(node.parent)) node = node.parent;
  const parent = node.parent;
  return (ts.isPropertyAccessExpression(parent) || ts.isPropertyAccessChain(parent)) && parent.expression === node && (parent.name.text === 'queryKey' || parent.name.text === 'mutationKey');
}

/** The member of a Vuex `mutations` object (`const mutations = {...}`, `mutations: {...}`) that `fn` is, if it is one. */
function mutationHandler(fn: ts.FunctionLikeDeclaration): ts.ObjectLiteralElementLike | undefined {
  const member = ts.isMethodDeclaration(fn) ? fn : ts.isPropertyAssignment(fn.parent) && fn.parent.initializer === fn ? fn.parent : undefined;
  if (!member || !ts.isObjectLiteralExpression(member.parent)) return undefined;
  let node: ts.Node = member.parent;
  while (ts.isParenthesizedExpression(node.parent) || ts.isAsExpression(node.parent) || ts.isSatisfiesExpression(node.parent)) node = node.parent;
  const owner = node.parent;
  const ownerName = ts.isVariableDeclaration(owner) && ts.isIdentifier(owner.name) ? owner.name.text : ts.isPropertyAssignment(owner) ? propertyNameText(owner.name) : undefined;
  return ownerName === 'mutations' ? member : undefined;
}

/** react-redux's `const mapDispatchToProps = (dispatch) => ({ onLoad: (payload) => dispatch(...) })`: the props' functions. */
/** `this.props` in a class component, or a function component's `props`. */
function isPropsObject(node: ts.Expression): boolean {
  if (ts.isIdentifier(node)) return node.text === 'props';
  return ts.isPropertyAccessExpression(node) && node.name.text === 'props' && unwrap(node.expression).kind === ts.SyntaxKind.ThisKeyword;
}

function isDispatchProps(literal: ts.ObjectLiteralExpression): boolean {
  let node: ts.Node = literal;
  while (ts.isParenthesizedExpression(node.parent)) node = node.parent;
  const fn = node.parent;
  if (!ts.isArrowFunction(fn) || fn.body !== node) return false;
  let outer: ts.Node = fn;
  while (ts.isParenthesizedExpression(outer.parent)) outer = outer.parent;
  return ts.isVariableDeclaration(outer.parent) && ts.isIdentifier(outer.parent.name) && outer.parent.name.text === 'mapDispatchToProps';
}

function isWithin(node: ts.Node, ancestor: ts.Node): boolean {
  for (let current: ts.Node | undefined = node; current; current = current.parent) if (current === ancestor) return true;
  return false;
}

/** A template that names one text: no unknown part, parameter or alternative (imported constants are resolved later). */
function isKnownText(text: Template): boolean {
  return !/\{(?!\$)/.test(text);
}

/** `action.payload[0].article.slug` from its `action.payload`: the steps after `payload` and the node that ends the chain. */
function payloadChain(payload: ts.PropertyAccessExpression): { path: string[]; end: ts.Node } | undefined {
  const path: string[] = [];
  let node: ts.Expression = payload;
  let end: ts.Node = payload.name;
  for (;;) {
    const parent = node.parent;
    if (ts.isPropertyAccessExpression(parent) && parent.expression === node) {
      path.push(parent.name.text);
      end = parent.name;
    } else if (ts.isElementAccessExpression(parent) && parent.expression === node && (ts.isNumericLiteral(parent.argumentExpression) || ts.isStringLiteral(parent.argumentExpression))) {
      path.push(parent.argumentExpression.text);
      end = parent.argumentExpression;
    } else break;
    node = parent;
  }
  // A method called on the payload (`payload.then(...)`) is no field.
  if (ts.isCallExpression(node.parent) && node.parent.expression === node) return undefined;
  return { path, end };
}

/** In the branch of `action.error ? ... : ...` (or `if (action.error)`) that runs when the action carries an error. */
function onErrorBranch(node: ts.Node, action: ts.Declaration, context: SourceContext): boolean {
  const isErrorFlag = (expression: ts.Expression): boolean => {
    const inner = unwrap(expression);
    return ts.isPropertyAccessExpression(inner) && inner.name.text === 'error' && ts.isIdentifier(unwrap(inner.expression)) && declarationOf(context, unwrap(inner.expression) as ts.Identifier) === action;
  };
  for (let child: ts.Node = node, parent = node.parent; parent && parent !== action.parent; child = parent, parent = parent.parent) {
    if (ts.isConditionalExpression(parent) && child === parent.whenTrue && isErrorFlag(parent.condition)) return true;
    if (ts.isIfStatement(parent) && child === parent.thenStatement && isErrorFlag(parent.expression)) return true;
  }
  return false;
}

/**
 * Adds a spread (`...x`) to an object argument: the properties of a spread object literal; of a
 * spread parameter, a fallback for the properties not written after it; anything else makes them
 * unknown. Either way, what the spread may hold replaces the properties written before it, which
 * become unknown (`{ method: 'POST', ...init }` is POST only when `init` has no `method`).
 */
function withSpread(arg: Arg, spread: Arg): void {
  const first = arg.spread === undefined && !arg.opaque;
  if (first && spread.props && spread.spread === undefined && !spread.opaque) {
    arg.props = { ...arg.props, ...spread.props };
    return;
  }
  arg.props = Object.fromEntries(Object.keys(arg.props ?? {}).map((key) => [key, { text: UNKNOWN }]));
  const whole = spread.param !== undefined && !spread.param.includes('.') ? spread.param : undefined;
  delete arg.spread;
  if (first && whole !== undefined) arg.spread = whole;
  else arg.opaque = true;
}

/** Text that can stand in a URL alternative (`{|...|...}`): no slot or alternative syntax in it. */
function isPlainText(text: string): boolean {
  return !/[{}|]/.test(text);
}

function hasModifier(statement: ts.Statement, kind: ts.SyntaxKind.ExportKeyword | ts.SyntaxKind.DefaultKeyword): boolean {
  const modifiers = ts.canHaveModifiers(statement) ? statement.modifiers : undefined;
  if (modifiers) for (const modifier of modifiers) if (modifier.kind === kind) return true;
  return false;
}

function angularClient(): LocalShape {
  return { kind: 'client', client: { library: 'angular', base: '' } };
}

/** Steps from a value into `key`; `length` is the size of a string or array, never a body field. */
function step(value: Value, key: string, at: ts.Node | undefined): Value | undefined {
  if (key === 'length') return undefined;
  return { origin: value.origin, path: [...value.path, key], at: key === ELEMENT ? value.at : at };
}

/** The name other code calls a function by, or `undefined` for a callback (which belongs to its enclosing function). */
function unitName(fn: ts.FunctionLikeDeclaration): string | undefined {
  if (ts.isFunctionDeclaration(fn)) return fn.name?.text ?? 'default';
  if (ts.isMethodDeclaration(fn)) {
    if (ts.isObjectLiteralExpression(fn.parent) && !isNamedObject(fn.parent)) return undefined;
    const name = propertyNameText(fn.name) ?? '?';
    return `${ownerName(fn.parent)}.${name}`;
  }
  let node: ts.Node = fn;
  while (ts.isParenthesizedExpression(node.parent) || ts.isAsExpression(node.parent) || ts.isSatisfiesExpression(node.parent)) node = node.parent;
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) && parent.initializer === node && ts.isIdentifier(parent.name)) return parent.name.text;
  if (ts.isPropertyDeclaration(parent) && parent.initializer === node) return `${ownerName(parent.parent)}.${propertyNameText(parent.name) ?? '?'}`;
  if (ts.isPropertyAssignment(parent) && parent.initializer === node && isNamedObject(parent.parent)) {
    return `${ownerName(parent.parent)}.${propertyNameText(parent.name) ?? '?'}`;
  }
  if (ts.isExportAssignment(parent)) return 'default';
  return undefined;
}

/**
 * An object literal other code can reach by name (`const api = {...}`, nested in one, exported):
 * its functions are API. One written as an argument (`subscribe({ next })`) holds callbacks.
 */
function isNamedObject(literal: ts.ObjectLiteralExpression): boolean {
  let node: ts.Node = literal;
  while (ts.isParenthesizedExpression(node.parent) || ts.isAsExpression(node.parent) || ts.isSatisfiesExpression(node.parent)) node = node.parent;
  const parent = node.parent;
  if (ts.isVariableDeclaration(parent) || ts.isExportAssignment(parent) || ts.isPropertyDeclaration(parent)) return true;
  if (ts.isPropertyAssignment(parent)) return isNamedObject(parent.parent);
  if (isDispatchProps(literal)) return true;
  return ts.isBinaryExpression(parent) && parent.operatorToken.kind === ts.SyntaxKind.EqualsToken && parent.right === node;
}

function ownerName(owner: ts.Node): string {
  if (ts.isClassLike(owner)) return owner.name?.text ?? 'default';
  if (ts.isObjectLiteralExpression(owner)) {
    const parent = owner.parent;
    if (ts.isVariableDeclaration(parent) && ts.isIdentifier(parent.name)) return parent.name.text;
    if (ts.isPropertyAssignment(parent)) return `${ownerName(parent.parent)}.${propertyNameText(parent.name) ?? '?'}`;
  }
  return '?';
}

function objectMember(literal: ts.ObjectLiteralExpression, name: string): ts.Declaration | undefined {
  for (const property of literal.properties) {
    if (property.name && propertyNameText(property.name) === name) return property;
  }
  return undefined;
}

/** The initializer of a `const` (or of a class field / object property, which the code treats as constant). */
function constantInitializer(declaration: ts.Declaration): ts.Expression | undefined {
  if (ts.isVariableDeclaration(declaration)) {
    if (!ts.isIdentifier(declaration.name) || !(ts.getCombinedNodeFlags(declaration) & ts.NodeFlags.Const)) return undefined;
    return declaration.initializer;
  }
  if (ts.isPropertyAssignment(declaration) || ts.isPropertyDeclaration(declaration)) return declaration.initializer;
  if (ts.isShorthandPropertyAssignment(declaration)) return declaration.name;
  return undefined;
}

/** The module and export name an import binding (or `require`) stands for. */
function importOf(declaration: ts.Declaration): { module: string; name: string } | undefined {
  if (ts.isImportClause(declaration)) return moduleOf(declaration.parent, 'default');
  if (ts.isNamespaceImport(declaration)) return moduleOf(declaration.parent.parent, '*');
  if (ts.isImportSpecifier(declaration)) return moduleOf(declaration.parent.parent.parent, (declaration.propertyName ?? declaration.name).text);
  if (ts.isImportEqualsDeclaration(declaration)) {
    const reference = declaration.moduleReference;
    return ts.isExternalModuleReference(reference) && ts.isStringLiteral(reference.expression) ? { module: reference.expression.text, name: '*' } : undefined;
  }
  if (ts.isVariableDeclaration(declaration) && declaration.initializer) {
    let node = unwrap(declaration.initializer);
    let name = '*';
    if (ts.isPropertyAccessExpression(node)) {
      name = node.name.text;
      node = unwrap(node.expression);
    }
    if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression) || node.expression.text !== 'require') return undefined;
    const [specifier] = node.arguments;
    if (!specifier || !ts.isStringLiteral(specifier)) return undefined;
    return { module: specifier.text, name: name === 'default' ? 'default' : name };
  }
  if (ts.isBindingElement(declaration) && ts.isObjectBindingPattern(declaration.parent) && ts.isVariableDeclaration(declaration.parent.parent)) {
    // `const { request } = require('undici')`
    const required = importOf(declaration.parent.parent);
    const key = bindingKey(declaration);
    return required && key ? { module: required.module, name: key } : undefined;
  }
  return undefined;
}

function moduleOf(node: ts.Node, name: string): { module: string; name: string } | undefined {
  const declaration = ts.isImportClause(node) ? node.parent : node;
  if (!ts.isImportDeclaration(declaration) || declaration.importClause?.isTypeOnly) return undefined;
  return ts.isStringLiteral(declaration.moduleSpecifier) ? { module: declaration.moduleSpecifier.text, name } : undefined;
}

function groupBy<T, K>(items: readonly T[], keyOf: (item: T) => K): Map<K, T[]> {
  const groups = new Map<K, T[]>();
  for (const item of items) {
    const key = keyOf(item);
    const group = groups.get(key);
    if (group) group.push(item);
    else groups.set(key, [item]);
  }
  return groups;
}

/**
 * Modules that may be files of the workspace: relative paths, the usual source-root aliases
 * (`@/`, `~/`, `$lib`) and any bare specifier, which a tsconfig `paths` entry may map onto a
 * workspace library (`@acme/api-client`). Whether one does is decided when linking, so the
 * summary stays a function of the file alone. Node built-ins (`node:x`) never are.
 */
export function isProjectModule(module: string): boolean {
  return module !== '' && !module.startsWith('node:');
}

/** Banners OpenAPI client generators (openapi-generator, orval, swagger-codegen, openapi-typescript-codegen, ...) write. */
// `@generated` has no word boundary before its `@`, so it is matched on its own.
const GENERATED_BANNER = /\b(generated (by|via)|auto-?generated|do not (edit|modify)|openapi[- ]generator|swagger[- ]codegen|swagger-typescript-api|orval)\b|(^|[^\w@])@generated\b/i;

/** A file whose leading comment (before any code) says it was generated. */
export function isGeneratedSource(text: string): boolean {
  const leading = /^(\s*(\/\/[^\n]*|\/\*[\s\S]*?\*\/))+/.exec(text.slice(0, 4000))?.[0];
  return leading !== undefined && GENERATED_BANNER.test(leading);
}

function bindingKey(element: ts.BindingElement): string | undefined {
  const key = element.propertyName ?? element.name;
  if (ts.isIdentifier(key)) return key.text;
  return ts.isPropertyName(key) ? propertyNameText(key) : undefined;
}

function literalNames(literal: ts.ObjectLiteralExpression): string[] {
  return literal.properties.flatMap((property) => {
    const name = property.name && propertyNameText(property.name);
    return name === undefined ? [] : [name];
  });
}

/** `JSON.stringify(x)` → `x`. */
function jsonStringifyArgument(node: ts.Expression): ts.Expression | undefined {
  if (!ts.isCallExpression(node) || !ts.isPropertyAccessExpression(node.expression)) return undefined;
  const { expression, name } = node.expression;
  return ts.isIdentifier(expression) && expression.text === 'JSON' && name.text === 'stringify' ? node.arguments[0] : undefined;
}

/** `new URLSearchParams(x)` → `x`. */
function urlSearchParamsArgument(node: ts.Expression): ts.Expression | undefined {
  return ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'URLSearchParams' ? node.arguments?.[0] : undefined;
}

/** The token a call's location points at: `fetch`, or `get` in `api.get(...)`. */
function calleeToken(call: ts.CallExpression): ts.Node {
  const callee = unwrap(call.expression);
  return ts.isPropertyAccessExpression(callee) ? callee.name : callee;
}

/** The one value all of these are, or `undefined` when there is none or they differ. */
function sameValue(values: ReadonlyArray<ValueRef | undefined>): ValueRef | undefined {
  const first = values[0];
  const key = (value: ValueRef | undefined) => (value ? `${value.origin}\u0000${value.path.join('\u0000')}` : '');
  return first && values.every((value) => key(value) === key(first)) ? { origin: first.origin, path: first.path } : undefined;
}

/** The file has an `import … from '<module>'`. */
function importsFrom(sourceFile: ts.SourceFile, module: string): boolean {
  return sourceFile.statements.some((statement) => ts.isImportDeclaration(statement) && ts.isStringLiteral(statement.moduleSpecifier) && statement.moduleSpecifier.text === module);
}

/** The object literal of a class's `@Component({ … })` decorator. */
function componentOptions(component: ts.ClassDeclaration): ts.ObjectLiteralExpression | undefined {
  for (const decorator of ts.getDecorators(component) ?? []) {
    const call = decorator.expression;
    if (!ts.isCallExpression(call) || !ts.isIdentifier(call.expression) || call.expression.text !== 'Component') continue;
    const options = call.arguments[0];
    if (options && ts.isObjectLiteralExpression(options)) return options;
  }
  return undefined;
}

function locationAt(file: string, position: ts.LineAndCharacter): SourceLocation {
  return { file, line: position.line + 1, column: position.character + 1 };
}

function withoutTrailingElements(path: readonly string[]): string[] {
  let end = path.length;
  while (end > 0 && path[end - 1] === ELEMENT) end--;
  return path.slice(0, end);
}

function isMethodCallee(node: ts.Expression): boolean {
  const outer = outerExpression(node);
  return ts.isCallExpression(outer.parent) && outer === outer.parent.expression;
}

function isAssignmentTarget(node: ts.Expression): boolean {
  const outer = outerExpression(node);
  const parent = outer.parent;
  return ts.isBinaryExpression(parent) && parent.left === outer && parent.operatorToken.kind >= ts.SyntaxKind.FirstAssignment && parent.operatorToken.kind <= ts.SyntaxKind.LastAssignment;
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
  if (!ts.isPropertyAccessExpression(method) || method.expression !== inner || !ELEMENT_CALLBACK_METHODS.has(method.name.text)) return undefined;
  const call = outerExpression(method).parent;
  if (!ts.isCallExpression(call) || outerExpression(method) !== call.expression) return undefined;
  return call.arguments.some((argument) => ts.isArrowFunction(argument) || ts.isFunctionExpression(argument)) ? call : undefined;
}

function outerExpression(node: ts.Expression): ts.Expression {
  let current = node;
  while ((ts.isParenthesizedExpression(current.parent) || ts.isNonNullExpression(current.parent)) && current.parent.expression === current) current = current.parent;
  return current;
}

export type { SourceLocation };
