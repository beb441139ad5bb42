// A plain require: a namespace import compiles to a getter per access, measurably slow on hot paths.
import ts = require('typescript');
import type { SourceLocation } from '../model';
import { childPath, joinFieldSegments } from '../spec/field-path';
import { clientImport, derivedClient, GLOBAL_CLIENTS, prop } from './clients';
import { kindTable } from './scope';
import { classMember, declarationOf, functionOf, initializerOf, locationOf, propertyNameText, propertyValue, thisClass, unwrap, type SourceContext } from './source-context';
import { CALL_RESULT, type ActionRead, type Arg, type Callee, type ClientRef, type DispatchedAction, type FileSummary, type ImportRef, type Origin, type Read, type ReturnedField, type Shape, type Template, type UnitSummary, type ValueRef } from './summary';
import { isAbsoluteUrl, joinUrl, UNKNOWN } from './static-url';
import { isLocalModule } from './resolve-module';
import { runsOnFailure } from './response-status';
import { appendStep, appendSteps, QUERY_REF_HOLDER, QUERY_STEP, RESOURCE_STEP } from './value-steps';
import { templateFileOf } from './template-files';
import { scanTemplate } from './angular-template';
import { accessChains, positionIn, type TemplateAlias, type TemplateChain, type TemplateElement, type TemplateExpression, type TemplateScan } from './template-expressions';
import { scanVueTemplate } from './vue-template';
import { scanSvelteMarkup } from './svelte-template';

/** `rwv-article-meta` → `RwvArticleMeta` (how Vue matches a kebab-case tag to a component); a PascalCase tag stays. */
function pascalCase(tag: string): string {
  return tag.replace(/(^|-)([a-z0-9])/g, (_, __, char: string) => char.toUpperCase());
}

/** Path segment for "an element of this array". */
export const ELEMENT = '[]';

/** A tracked value while the file is analysed: a `ValueRef` plus the token that named its last segment. */
interface Value extends ValueRef {
  at: ts.Node | undefined;
}

/** The names a component's markup can use and what each holds (`undefined`: nothing tracked). */
interface MarkupMembers {
  has(name: string): boolean;
  value(name: string): ValueRef | undefined;
  /** The member is an Angular signal, read by calling it (`user()`); absent: nothing is read by a call. */
  signal?(name: string): boolean;
}

/** What a chain of a component's markup holds, and what a whole expression is (one chain, no pipe but `async`). */
interface MarkupValues {
  chain(chain: TemplateChain): ValueRef | undefined;
  whole(expression: TemplateExpression): ValueRef | undefined;
}

/** What an expression is as a callee: a function of this file, an object with methods, a client, an import. */
type LocalShape =
  | { kind: 'unit'; unit: number }
  | { kind: 'object'; node: ts.ObjectLiteralExpression | ts.ClassLikeDeclaration }
  | { kind: 'client'; client: ClientRef; member?: string }
  | { kind: 'import'; ref: number; members: string[] }
  /** Something made by a library whose members the analysis knows (an RTK Query api's hooks). */
  | { kind: 'members'; members: Map<string, LocalShape> }
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
/**
 * Angular signal factories and what the signal holds: `toSignal(obs)` what `obs` emits,
 * `computed(fn)` what `fn` returns, `signal(v)` / `linkedSignal(v)` `v` and whatever `.set(x)` stores.
 */
const ANGULAR_SIGNALS: Record<string, 'emitted' | 'computed' | 'stored'> = { toSignal: 'emitted', computed: 'computed', signal: 'stored', linkedSignal: 'stored' };
const ANGULAR_SIGNAL_MODULES = new Set([ANGULAR_CORE, '@angular/core/rxjs-interop']);
/** Angular resources that hold what a function loads (`rxResource` from rxjs-interop, `resource` from core). */
const RESOURCE_FACTORIES = new Set(['rxResource', 'resource']);
/** TanStack Query hooks (every framework's adapter) and the option holding the function whose result is the hook's `data`. */
const QUERY_HOOKS: Record<string, 'queryFn' | 'mutationFn'> = {
  useQuery: 'queryFn',
  useSuspenseQuery: 'queryFn',
  createQuery: 'queryFn',
  injectQuery: 'queryFn',
  useMutation: 'mutationFn',
  createMutation: 'mutationFn',
  injectMutation: 'mutationFn',
};
const QUERY_MODULE = /^(@tanstack\/(react|solid|svelte|vue|angular)-query(-experimental)?|react-query)$/;
const PINIA_MODULE = /^pinia$/;
/** Remix and React Router (framework mode): route data hooks and the route module export each reads. */
const ROUTER_MODULE = /^(@remix-run\/(react|node|cloudflare|deno|server-runtime)|react-router(-dom)?|@react-router\/(node|cloudflare))$/;
const ROUTE_DATA_HOOKS: Record<string, string> = { useLoaderData: 'loader', useActionData: 'action' };
/** Helpers that wrap what a loader returns: `json(data)`, `data(value)`, `defer(data)`. */
const ROUTE_DATA_WRAPPERS = new Set(['json', 'data', 'defer']);
/** Next.js (pages) data functions: the page component gets the `props` they return. */
const NEXT_DATA_FUNCTIONS = new Set(['getServerSideProps', 'getStaticProps']);
/** Redux Toolkit Query's modules. */
const RTK_QUERY_MODULE = /^@reduxjs\/toolkit\/query(\/react)?$/;
/** Where Nuxt's composables come from when they are imported rather than auto-imported. */
const NUXT_MODULES = new Set(['#app', '#imports', 'nuxt/app']);
/** SWR's hooks, by module (any local name: they are default exports). */
const SWR_MODULES = new Set(['swr', 'swr/immutable', 'swr/mutation']);
/** Helpers that return the options they are given, typed: `useQuery(queryOptions({ ... }))`. */
const QUERY_OPTION_HELPERS = new Set(['queryOptions', 'mutationOptions']);

/** Summarises one parsed file: its callable units, tracked calls, reads and exports (see `FileSummary`). */
export function summarizeFile(context: SourceContext, templates: ReadonlyMap<string, string> = new Map(), component?: string): FileSummary {
  return new FileSummarizer(context, templates, component).run();
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
  /** RTK Query endpoints' units → the request each makes (see `rtkRequests`). */
  private readonly endpointRequests = new Map<number, number>();

  constructor(
    private readonly context: SourceContext,
    /** Angular `templateUrl` files by path (as `componentTemplate` resolves them) → text. */
    private readonly templates: ReadonlyMap<string, string>,
    /** The whole text of a `.vue` / `.svelte` file (the context holds only its scripts), whose markup is read. */
    private readonly component?: string,
  ) {}

  /** The unit a Vue or Svelte component is when markup elsewhere uses it; its one parameter is the props. */
  private propsUnit: number | undefined;

  /** The Vue Options API object of the component file (`null`: none), found on the first `this` that needs it. */
  private optionsObject: ts.ObjectLiteralExpression | null | undefined;

  run(): FileSummary {
    this.units.push({ name: '<module>', location: { file: this.context.file, line: 1, column: 1 }, params: [], returns: [] });
    this.collect(this.context.sourceFile);
    this.rtkRequests();
    this.nextPageProps();
    for (const call of this.calls) this.originFor(call);
    for (const element of this.elements) this.originForElement(element);
    const reads = [...this.collectReads(), ...this.templateReads(), ...this.componentMarkupReads()];
    for (let unit = 1; unit < this.units.length; unit++) {
      const fn = this.unitFunctions[unit];
      if (!fn) continue;
      const request = this.endpointRequests.get(unit);
      this.units[unit].returns = request !== undefined ? [{ origin: request, path: [] }] : this.returnsOf(fn);
      const fields = this.units[unit].returns.length === 0 ? (this.piniaStateFields(fn) ?? this.returnedFieldsOf(fn)) : undefined;
      if (fields) this.units[unit].returnedFields = fields;
    }
    const exports = this.exportShapes();
    // What importing a component gives: the component, called with its props where markup uses it.
    if (this.propsUnit !== undefined) exports.default = { kind: 'unit', unit: this.propsUnit };
    const summary: FileSummary = {
      file: this.context.file,
      units: this.units,
      origins: this.origins,
      reads,
      exports,
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
    for (const call of this.calls) this.collectSignalSet(call);
  }

  private registerUnit(fn: ts.FunctionLikeDeclaration): void {
    const name = unitName(fn);
    if (name === undefined || !fn.body) return;
    this.unitOfFunction.set(fn, this.units.length);
    this.unitFunctions.push(fn);
    const defaults = fn.parameters.flatMap((parameter, index) => (parameter.initializer ? [index] : []));
    this.units.push({ name, location: locationOf(this.context, fn.name ?? fn), params: fn.parameters.map((p) => p.name.getText(this.context.sourceFile)), returns: [], ...(defaults.length > 0 ? { defaults } : {}) });
  }

  private collectStore(node: ts.BinaryExpression): void {
    if (node.operatorToken.kind !== ts.SyntaxKind.EqualsToken) return;
    this.addStore(unwrap(node.left), node.right);
  }

  /** `this.user.set(u)` / `user.set(u)` on an Angular `signal()`: stores `u` in it, as `this.user = u` would. */
  private collectSignalSet(call: ts.CallExpression): void {
    const callee = call.expression;
    if (call.arguments.length !== 1 || !ts.isPropertyAccessExpression(callee) || callee.name.text !== 'set') return;
    const holder = unwrap(callee.expression);
    if (this.signalKind(holder) === 'stored') this.addStore(holder, call.arguments[0]);
  }

  /** Records `value` as stored in `target` (a variable, `this.x` or `obj.x`), by the target's declaration (or class) and property. */
  private addStore(target: ts.Expression, value: ts.Expression): void {
    let owner: ts.Node | undefined;
    let key = '';
    if (ts.isIdentifier(target)) owner = declarationOf(this.context, target);
    else if (ts.isPropertyAccessExpression(target)) {
      key = target.name.text;
      const object = unwrap(target.expression);
      owner = object.kind === ts.SyntaxKind.ThisKeyword ? (this.thisOwner(object) ?? thisObject(object)) : ts.isIdentifier(object) ? declarationOf(this.context, object) : undefined;
    }
    if (!owner) return;
    const byKey = this.stores.get(owner) ?? new Map<string, ts.Expression[]>();
    byKey.set(key, [...(byKey.get(key) ?? []), value]);
    this.stores.set(owner, byKey);
  }

  /** Which Angular signal factory a variable or `this.x` was initialised with (`user = toSignal(...)`), if any. */
  private signalKind(holder: ts.Expression): (typeof ANGULAR_SIGNALS)[string] | undefined {
    const named = ts.isIdentifier(holder) || (ts.isPropertyAccessExpression(holder) && unwrap(holder.expression).kind === ts.SyntaxKind.ThisKeyword);
    if (!named) return undefined;
    const initializer = initializerOf(this.context, holder);
    const call = initializer && unwrap(initializer);
    return call && ts.isCallExpression(call) ? this.signalFactory(call) : undefined;
  }

  /** The kind of signal `call` makes when it calls an Angular signal factory imported from Angular under its own name. */
  private signalFactory(call: ts.CallExpression): (typeof ANGULAR_SIGNALS)[string] | undefined {
    const callee = unwrap(call.expression);
    // By the local name first: this is asked of every call whose value is wanted.
    if (!ts.isIdentifier(callee) || !Object.hasOwn(ANGULAR_SIGNALS, callee.text)) return undefined;
    const imported = this.importOfName(callee);
    return imported && ANGULAR_SIGNAL_MODULES.has(imported.module) && Object.hasOwn(ANGULAR_SIGNALS, imported.name) ? ANGULAR_SIGNALS[imported.name] : undefined;
  }

  /** What an Angular signal factory's signal holds (see `ANGULAR_SIGNALS`); reading the signal, `sig()`, gives it. */
  private signalValue(call: ts.CallExpression, kind: (typeof ANGULAR_SIGNALS)[string]): Value | undefined {
    const [first] = call.arguments;
    if (!first) return undefined;
    if (kind === 'computed') {
      const fn = unwrap(first);
      return ts.isArrowFunction(fn) || ts.isFunctionExpression(fn) ? this.returnValue(fn) : undefined;
    }
    // A `signal(null)` holds nothing tracked until `.set(x)`: its stores decide (see `collectSignalSet`).
    return this.valueOf(first);
  }

  /** What `this` is: the enclosing class, or in a Vue component's options, the component instance (keyed by the options object). */
  private thisOwner(node: ts.Node): ts.Node | undefined {
    const owner = thisClass(node);
    if (owner || this.component === undefined) return owner;
    this.optionsObject ??= vueOptions(this.context.sourceFile) ?? null;
    return vueInstanceOf(node, this.optionsObject ?? undefined);
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
      const url = this.urlObjectText(node, unit, depth);
      if (url !== undefined) return url;
      // `${new URLSearchParams({ page, size })}` → `page={}&size={}`: the query names are visible.
      const literal = ts.isIdentifier(node.expression) && node.expression.text === 'URLSearchParams' ? this.objectLiteral(node.arguments?.[0]) : undefined;
      return literal ? literalNames(literal).map((name) => `${name}=${UNKNOWN}`).join('&') : undefined;
    }
    const slot = this.slotOf(node, unit);
    if (slot !== undefined) return slot;
    // `url.href` of a `new URL(...)`.
    if (ts.isPropertyAccessExpression(node) && node.name.text === 'href') return this.textOf(node.expression, unit, depth + 1);
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
   * `new URL(path, base)` (and `new Request(url, init)`'s URL): an absolute path or URL as it is,
   * a relative one under the base (unknown when not visible).
   */
  private urlObjectText(node: ts.NewExpression, unit: number, depth: number): string | undefined {
    const kind = ts.isIdentifier(node.expression) ? node.expression.text : undefined;
    const [first, second] = node.arguments ?? [];
    if ((kind !== 'URL' && kind !== 'Request') || !first) return undefined;
    const path = this.textOf(first, unit, depth + 1);
    if (path === undefined || kind === 'Request' || !second || path.startsWith('/') || isAbsoluteUrl(path)) return path;
    return joinUrl(this.textOf(second, unit, depth + 1) ?? UNKNOWN, path);
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
      // `fetch(new Request(url, init))`: the URL, and the init's properties (method, body).
      const request = ts.isNewExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'Request' ? node.arguments?.[1] : undefined;
      const init = request && this.objectLiteral(request);
      if (init) return { ...this.objectArg(init, unit, depth), ...(this.textOf(node, unit) !== undefined ? { text: this.textOf(node, unit) } : {}) };
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
    const args = call.arguments.map((argument, position) => (ts.isSpreadElement(argument) ? {} : this.argOf(position === 0 && isResourceClient(callee) ? this.requestOfResource(argument) : argument, unit)));
    // A mutation handler gets `(state, payload)` for `commit(TYPE, payload)`.
    origin.args = mutation === undefined ? args : [{}, args[1] ?? {}];
    if (twin !== undefined) (this.origins[twin] as Extract<Origin, { kind: 'call' }>).args = args;
    return index;
  }

  /** What `httpResource(() => request)` requests: the function's returned expression (a URL or `{ url, method, ... }`). */
  private requestOfResource(argument: ts.Expression): ts.Expression {
    const fn = unwrap(argument);
    if (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn)) return argument;
    return ts.isBlock(fn.body) ? (this.returnedExpressions(fn)[0] ?? argument) : fn.body;
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
      if (!declaration) return Object.hasOwn(GLOBAL_CLIENTS, node.text) ? { kind: 'client', client: { library: GLOBAL_CLIENTS[node.text], base: '' } } : undefined;
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
      // `api.get(url).then(...)`: a method of what a call gives is the value analysis' business, not a function of another module.
      if (base.kind === 'import' && base.members[base.members.length - 1] === CALL_RESULT && isValueMethod(name)) return undefined;
      if (base.kind === 'import') return { kind: 'import', ref: base.ref, members: [...base.members, name] };
      if (base.kind === 'client' && base.member === undefined) return { kind: 'client', client: base.client, member: name };
      if (base.kind === 'members') return base.members.get(name);
      return undefined;
    }
    if (ts.isCallExpression(node)) {
      const api = this.rtkApi(node);
      if (api) return api;
      const store = this.piniaStore(node);
      if (store) return store;
      const callee = this.shapeOf(node.expression, depth + 1);
      const config = node.arguments[0] ? this.argOf(node.arguments[0], 0, 2) : undefined;
      // `useArticleService().get(...)`: what calling it gives, by its declared return type (another module's: see `CALL_RESULT`).
      // Only of the project's own modules: a package's function (`useQuery(...)`) gives what the value analysis knows of it.
      if (callee?.kind === 'import' && isLocalModule(this.imports[callee.ref].module)) return { kind: 'import', ref: callee.ref, members: [...callee.members, CALL_RESULT] };
      const result = callee?.kind === 'unit' ? this.returnShape(callee.unit) : undefined;
      if (result) return result;
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
      // `setUpInterceptors(instance)` that returns what it is given: the argument's shape.
      const passed = callee?.kind === 'unit' ? this.returnedParameter(callee.unit) : undefined;
      if (passed !== undefined && node.arguments[passed]) return this.shapeOf(node.arguments[passed], depth + 1);
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

  /** What calling a unit gives, by shape: its declared return type (`(): ArticleService`), a class or client it names. */
  private returnShape(unit: number): LocalShape | undefined {
    const fn = this.unitFunctions[unit];
    return fn?.type ? this.shapeOfType(fn.type, 1) : undefined;
  }

  /** The parameter a unit returns as it is (`(instance) => { ...; return instance; }`), when every return does. */
  private returnedParameter(unit: number): number | undefined {
    const fn = this.unitFunctions[unit];
    if (!fn?.body) return undefined;
    const returned = ts.isBlock(fn.body) ? this.returnedExpressions(fn) : [fn.body];
    const indexes = new Set(returned.map((expression) => {
      const node = unwrap(expression);
      const declaration = ts.isIdentifier(node) ? declarationOf(this.context, node) : undefined;
      return declaration && ts.isParameter(declaration) && declaration.parent === fn ? fn.parameters.indexOf(declaration) : -1;
    }));
    const [index] = indexes;
    return indexes.size === 1 && index !== -1 ? index : undefined;
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
    if (ts.isBindingElement(declaration)) return this.shapeOfBinding(declaration, depth);
    return undefined;
  }

  /** `const { useGetUserQuery } = api`, `const { get } = client`: that member of what is destructured. */
  private shapeOfBinding(element: ts.BindingElement, depth: number): LocalShape | undefined {
    const pattern = element.parent;
    const key = bindingKey(element);
    if (!ts.isObjectBindingPattern(pattern) || !ts.isVariableDeclaration(pattern.parent) || !pattern.parent.initializer || element.dotDotDotToken || key === undefined) return undefined;
    const whole = this.shapeOf(pattern.parent.initializer, depth + 1);
    if (whole?.kind === 'members') return whole.members.get(key);
    if (whole?.kind === 'import') return { kind: 'import', ref: whole.ref, members: [...whole.members, key] };
    if (whole?.kind === 'object') {
      const member = ts.isObjectLiteralExpression(whole.node) ? objectMember(whole.node, key) : classMember(whole.node, key);
      return member && this.shapeOfDeclaration(member, depth + 1);
    }
    return undefined;
  }

  // ---- Redux Toolkit Query -----------------------------------------------------------------------

  /**
   * `createApi({ baseQuery: fetchBaseQuery({ baseUrl }), endpoints: (builder) => ({ getUser: builder.query({ query }) }) })`
   * (or `api.injectEndpoints({ endpoints })`): each endpoint's `query` function is a unit whose
   * request is a call of the `rtk-query` client with what it returns, made here.
   */
  private rtkRequests(): void {
    for (let unit = 1; unit < this.units.length; unit++) {
      const fn = this.unitFunctions[unit] as ts.FunctionLikeDeclaration;
      const endpoint = rtkEndpointOf(fn);
      const request = fn.body && (ts.isBlock(fn.body) ? this.returnedExpressions(fn)[0] : fn.body);
      if (!endpoint || !request) continue;
      const callee = endpoint.api.call.expression;
      if (endpoint.api.kind === 'create' && !(ts.isIdentifier(callee) && this.importedFrom(callee, RTK_QUERY_MODULE))) continue;
      const baseUrl = propertyValue(this.objectLiteral(this.rtkBaseQuery(endpoint.api)?.arguments[0]), 'baseUrl');
      const base = endpoint.api.kind === 'create' ? (baseUrl ? (this.textOf(baseUrl, 0) ?? UNKNOWN) : '') : UNKNOWN;
      const origin = this.addOrigin(fn, { kind: 'call', unit, callee: { kind: 'client', client: { library: 'rtk-query', base } }, args: [this.argOf(request, unit)], location: locationOf(this.context, fn) });
      this.endpointRequests.set(unit, origin);
    }
  }

  /** The `fetchBaseQuery(...)` call of a `createApi`'s options, when it is one. */
  private rtkBaseQuery(api: RtkApi): ts.CallExpression | undefined {
    const baseQuery = propertyValue(api.options, 'baseQuery');
    const call = baseQuery && unwrap(baseQuery);
    return call && ts.isCallExpression(call) && ts.isIdentifier(call.expression) && call.expression.text === 'fetchBaseQuery' ? call : undefined;
  }

  /**
   * What `createApi(...)` / `api.injectEndpoints(...)` makes, as far as calls go: per query endpoint
   * `getUser`, the hook `useGetUserQuery(arg)` and `endpoints.getUser.useQuery(arg)` / `.initiate(arg)`,
   * each a call of the endpoint's `query` with `arg`. (Mutation hooks take no argument, their trigger
   * does: mutations are reported where they are defined.)
   */
  private rtkApi(call: ts.CallExpression): LocalShape | undefined {
    const callee = unwrap(call.expression);
    const isCreate = ts.isIdentifier(callee) && callee.text === 'createApi' && this.importedFrom(callee, RTK_QUERY_MODULE);
    const isInjected = ts.isPropertyAccessExpression(callee) && (callee.name.text === 'injectEndpoints' || callee.name.text === 'enhanceEndpoints');
    const options = (isCreate || isInjected) && this.objectLiteral(call.arguments[0]);
    const endpoints = options && endpointsObject(options);
    if (!endpoints) return undefined;
    const members = new Map<string, LocalShape>();
    const byEndpoint = new Map<string, LocalShape>();
    for (const property of endpoints.properties) {
      const name = property.name && propertyNameText(property.name);
      const builderCall = ts.isPropertyAssignment(property) ? unwrap(property.initializer) : undefined;
      if (!name || !builderCall || !ts.isCallExpression(builderCall) || !ts.isPropertyAccessExpression(builderCall.expression) || builderCall.expression.name.text !== 'query') continue;
      const query = functionOf(propertyValue(this.objectLiteral(builderCall.arguments[0]), 'query'));
      const unit = query && this.unitOfFunction.get(query);
      if (unit === undefined) continue;
      const hook: LocalShape = { kind: 'unit', unit };
      members.set(`use${name[0].toUpperCase()}${name.slice(1)}Query`, hook);
      byEndpoint.set(name, { kind: 'members', members: new Map([['useQuery', hook], ['initiate', hook]]) });
    }
    members.set('endpoints', { kind: 'members', members: byEndpoint });
    return { kind: 'members', members };
  }

  /** `defineStore(...)` of Pinia: calling the store is calling its setup (or state) function, a unit. */
  private piniaStore(call: ts.CallExpression): LocalShape | undefined {
    if (!ts.isIdentifier(call.expression) || call.expression.text !== 'defineStore') return undefined;
    for (const argument of call.arguments) {
      const options = unwrap(argument);
      const fn = functionOf(argument) ?? (ts.isObjectLiteralExpression(options) ? functionOf(propertyValue(options, 'state')) : undefined);
      const unit = fn && this.unitOfFunction.get(fn);
      if (unit !== undefined && this.isPiniaStore(fn as ts.FunctionLikeDeclaration)) return { kind: 'unit', unit };
    }
    return undefined;
  }

  /** What a name imports (`{ module, name }`), when it is an import binding. */
  private importOfName(name: ts.Identifier): { module: string; name: string } | undefined {
    const declaration = declarationOf(this.context, name);
    return declaration && importOf(declaration);
  }

  /** The name is imported under its own name from one of `modules` (`createApi` from RTK Query, say). */
  private importedFrom(name: ts.Identifier, modules: RegExp | ReadonlySet<string>): boolean {
    const imported = this.importOfName(name);
    return imported !== undefined && imported.name === name.text && (modules instanceof RegExp ? modules.test(imported.module) : modules.has(imported.module));
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
    const owner = object.kind === ts.SyntaxKind.ThisKeyword ? this.thisOwner(object) : ts.isIdentifier(object) ? declarationOf(this.context, object) : undefined;
    if (!owner) return undefined;
    if (object.kind === ts.SyntaxKind.ThisKeyword && ts.isClassLike(owner)) {
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
    // Functions of frameworks that hand on a value (before `originFor`, which takes any imported function's result for something of its own).
    const signal = this.signalFactory(call);
    if (signal) return this.signalValue(call, signal);
    const loaded = this.resourceValue(call) ?? this.queryValue(call) ?? this.queryOptionsValue(call) ?? this.swrValue(call) ?? this.asyncDataValue(call);
    if (loaded) return loaded;
    const callee = unwrap(call.expression);
    const routeData = this.routeDataValue(call);
    if (routeData) return routeData;
    // `json(data)` in a loader is `data` (Remix, React Router).
    if (ts.isIdentifier(callee) && ROUTE_DATA_WRAPPERS.has(callee.text) && call.arguments[0] && this.importedFrom(callee, ROUTER_MODULE)) return this.valueOf(call.arguments[0]);
    // Reading a signal: `this.user()` is what the signal holds.
    if (call.arguments.length === 0 && this.signalKind(callee)) return this.valueOf(callee);
    if (ts.isIdentifier(callee) && (callee.text === 'firstValueFrom' || callee.text === 'lastValueFrom') && call.arguments[0]) return this.valueOf(call.arguments[0]);
    const origin = this.originFor(call);
    if (origin !== undefined) return { origin, path: [], at: undefined };
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
    if ((method === 'value' || method === 'error') && call.arguments.length === 0) return this.resourceRead(receiver, method);
    // Angular Query: `query.data()` is a signal of the data.
    if (method === 'data' && call.arguments.length === 0 && receiver.path[receiver.path.length - 1] === QUERY_STEP) return { ...receiver, path: receiver.path.slice(0, -1) };
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

  /**
   * `rxResource({ stream: () => obs })` / `resource({ loader: async () => ... })` (Angular): the
   * resource holds what the function's observable emits or its promise gives, read as `.value()`.
   */
  private resourceValue(call: ts.CallExpression): Value | undefined {
    const callee = unwrap(call.expression);
    if (!ts.isIdentifier(callee) || !RESOURCE_FACTORIES.has(callee.text) || !this.importedFrom(callee, ANGULAR_SIGNAL_MODULES)) return undefined;
    const options = this.objectLiteral(call.arguments[0]);
    const fn = functionOf(propertyValue(options, 'stream') ?? propertyValue(options, 'loader'));
    const held = fn && this.returnValue(fn);
    return held && step(held, RESOURCE_STEP, undefined);
  }

  /**
   * TanStack Query: `useQuery({ queryKey, queryFn })` (also `useSuspenseQuery`, `useMutation` with
   * `mutationFn`, the Solid/Svelte/Angular/Vue adapters, v3's `useQuery(key, fn)`) holds what the
   * function returns; the hook's `data` is it (see `step`).
   */
  private queryValue(call: ts.CallExpression): Value | undefined {
    const hook = this.queryHook(call);
    if (!hook) return undefined;
    // Options made elsewhere (`useQuery(articleQuery(slug))`, another module's): they stand for what they load (see `queryOptionsValue`).
    const held = this.queryLoaded(call, hook.option) ?? (call.arguments[0] && this.valueOf(call.arguments[0]));
    return held && step(held, hook.vue ? QUERY_REF_HOLDER : QUERY_STEP, undefined);
  }

  /**
   * `queryOptions({ queryKey, queryFn })` stands for what its `queryFn` loads, so a function that
   * returns it (`articleQuery(slug)`, in any module) does too: a hook given it holds that data.
   * (`articleQuery(slug).queryKey` is not a use: see `readsOnlyQueryKey`.)
   */
  private queryOptionsValue(call: ts.CallExpression): Value | undefined {
    const callee = unwrap(call.expression);
    if (!ts.isIdentifier(callee) || !QUERY_OPTION_HELPERS.has(callee.text) || !this.importedFrom(callee, QUERY_MODULE)) return undefined;
    return this.queryLoaded(call, callee.text === 'mutationOptions' ? 'mutationFn' : 'queryFn');
  }

  /**
   * SWR (imported under a name starting with `useSWR`): `useSWR(key, fetcher)` calls `fetcher(key)` and its `data` is what that returns (so a
   * named fetcher is a call of it with the key, made here); without a fetcher (the app's global
   * one, `<SWRConfig value={{ fetcher }}>`) or with an inline one, a GET of the key whose `data`
   * is the body; with an array key (`[url, token]`), a GET of its first element.
   * `useSWRMutation(key, fetcher)` alike (`trigger(arg)` sends `arg`, not followed).
   */
  private swrValue(call: ts.CallExpression): Value | undefined {
    const callee = unwrap(call.expression);
    const [key, fetcher] = call.arguments;
    // By the conventional local name first (`useSWR`, `useSWRImmutable`, `useSWRMutation`): this is asked of every call whose value is wanted.
    if (!ts.isIdentifier(callee) || !callee.text.startsWith('useSWR') || !key) return undefined;
    const imported = this.importOfName(callee);
    const isHook = imported && SWR_MODULES.has(imported.module) && (imported.name === 'default' || imported.name === 'useSWR');
    if (!isHook) return undefined;
    const unit = this.unitOf(call);
    // An array key (`[url, token]`) goes to the fetcher whole, which destructures it: the URL is its first element.
    const list = unwrap(key);
    const url = ts.isArrayLiteralExpression(list) ? list.elements[0] : key;
    if (!url) return undefined;
    const named = url === key && fetcher && !functionOf(fetcher) && !ts.isObjectLiteralExpression(unwrap(fetcher)) ? this.calleeOfExpression(fetcher) : undefined;
    const origin = this.originOfCall.get(key) ?? this.addOrigin(key, {
      kind: 'call',
      unit,
      callee: named?.kind === 'unit' || named?.kind === 'import' ? named : { kind: 'client', client: { library: 'swr', base: '' } },
      args: [this.argOf(url, unit)],
      location: locationOf(this.context, key),
    });
    this.originOfCall.set(key, origin);
    return step({ origin, path: [], at: undefined }, QUERY_STEP, undefined);
  }

  /**
   * Nuxt's `useAsyncData(key, () => $fetch(url))` (and `useLazyAsyncData`, the key optional): its
   * `data` is a ref of what the function returns (`data.value.title`).
   */
  private asyncDataValue(call: ts.CallExpression): Value | undefined {
    const callee = unwrap(call.expression);
    if (!ts.isIdentifier(callee) || (callee.text !== 'useAsyncData' && callee.text !== 'useLazyAsyncData')) return undefined;
    const declaration = declarationOf(this.context, callee);
    const imported = declaration && importOf(declaration);
    if (declaration && !(imported && NUXT_MODULES.has(imported.module))) return undefined;
    const fn = functionOf(call.arguments.find((argument) => functionOf(argument) !== undefined));
    const held = fn && this.returnValue(fn);
    return held && step(held, QUERY_REF_HOLDER, undefined);
  }

  /**
   * `useLoaderData()` / `useActionData()` in a route module (Remix, React Router): what the same
   * module's `loader` / `action` returns, as a call of it (its members, when it returns an object).
   */
  private routeDataValue(call: ts.CallExpression): Value | undefined {
    const callee = unwrap(call.expression);
    if (!ts.isIdentifier(callee) || !Object.hasOwn(ROUTE_DATA_HOOKS, callee.text) || !this.importedFrom(callee, ROUTER_MODULE)) return undefined;
    const unit = this.units.findIndex((candidate, index) => index > 0 && candidate.name === ROUTE_DATA_HOOKS[callee.text] && this.isTopLevel(this.unitFunctions[index]));
    if (unit === -1) return undefined;
    let origin = this.originOfCall.get(callee);
    if (origin === undefined) {
      origin = this.addOrigin(callee, { kind: 'call', unit: this.unitOf(call), callee: { kind: 'unit', unit }, args: [], location: locationOf(this.context, callee) });
      this.originOfCall.set(callee, origin);
    }
    return { origin, path: [], at: undefined };
  }

  /**
   * A Next.js page module (`export async function getServerSideProps()` or `getStaticProps`, and a
   * default export): Next calls the page with the `props` the data function returns, as if the
   * module called `Page(getServerSideProps().props)`; so the page's reads of its props are reads of them.
   */
  private nextPageProps(): void {
    const data = this.units.findIndex((unit, index) => index > 0 && NEXT_DATA_FUNCTIONS.has(unit.name) && this.isTopLevel(this.unitFunctions[index]));
    const pageUnit = this.defaultExportedUnit();
    if (data === -1 || pageUnit === undefined) return;
    const location = locationOf(this.context, this.unitFunctions[data] as ts.Node);
    const loaded = this.addOrigin(this.unitFunctions[data] as ts.Node, { kind: 'call', unit: 0, callee: { kind: 'unit', unit: data }, args: [], location });
    this.addOrigin(this.unitFunctions[pageUnit] as ts.Node, { kind: 'call', unit: 0, callee: { kind: 'unit', unit: pageUnit }, args: [{ value: { origin: loaded, path: [] } }], location });
  }

  /** The function of this module it exports as default (`export default function Page`, `export default Page`). */
  private defaultExportedUnit(): number | undefined {
    for (const statement of this.context.sourceFile.statements) {
      if (ts.isFunctionDeclaration(statement) && hasModifier(statement, ts.SyntaxKind.DefaultKeyword)) return this.unitOfFunction.get(statement);
      if (!ts.isExportAssignment(statement) || statement.isExportEquals) continue;
      const shape = this.shapeOf(statement.expression, 0);
      return shape?.kind === 'unit' ? shape.unit : undefined;
    }
    return undefined;
  }

  /** A function declared at the module's top level (`export async function loader`, `export const action = ...`). */
  private isTopLevel(fn: ts.FunctionLikeDeclaration | undefined): boolean {
    if (!fn) return false;
    const statement = ts.isFunctionDeclaration(fn) ? fn : outerNode(fn).parent?.parent?.parent;
    return statement !== undefined && statement.parent === this.context.sourceFile;
  }

  /** What a query hook's function loads. */
  private queryLoaded(call: ts.CallExpression, option: 'queryFn' | 'mutationFn'): Value | undefined {
    const fn = this.queryFunction(call, option);
    return fn && this.loadedBy(fn, call);
  }

  /** Which TanStack Query hook `call` calls (by its own name, imported from a query package), if any. */
  private queryHook(call: ts.CallExpression): { option: 'queryFn' | 'mutationFn'; vue: boolean } | undefined {
    const callee = unwrap(call.expression);
    if (!ts.isIdentifier(callee) || !Object.hasOwn(QUERY_HOOKS, callee.text) || !this.importedFrom(callee, QUERY_MODULE)) return undefined;
    return { option: QUERY_HOOKS[callee.text], vue: (this.importOfName(callee) as { module: string }).module.startsWith('@tanstack/vue-') };
  }

  /** The options' `queryFn`/`mutationFn` (options inline, in a constant, through `queryOptions(...)` or `() => ({ ... })`), or v3's second argument. */
  private queryFunction(call: ts.CallExpression, option: 'queryFn' | 'mutationFn'): ts.Expression | undefined {
    const [first, second] = call.arguments;
    if (first && second && !ts.isObjectLiteralExpression(unwrap(second)) && ts.isArrayLiteralExpression(unwrap(first))) return second;
    let options = first && unwrap(first);
    const factory = options && functionOf(options);
    if (factory?.body && !ts.isBlock(factory.body)) options = unwrap(factory.body);
    if (options && ts.isIdentifier(options)) options = unwrap(initializerOf(this.context, options, true) ?? options);
    if (options && ts.isCallExpression(options) && ts.isIdentifier(options.expression) && QUERY_OPTION_HELPERS.has(options.expression.text)) options = options.arguments[0];
    return propertyValue(this.objectLiteral(options), option);
  }

  /** What calling `fn` gives: an inline function's return value, or a call of a named function made at `site`. */
  private loadedBy(fn: ts.Expression, site: ts.CallExpression): Value | undefined {
    const inline = functionOf(fn);
    if (inline) return this.returnValue(inline);
    let index = this.originOfCall.get(fn);
    if (index === undefined) {
      const callee = this.calleeOfExpression(fn);
      if (callee?.kind !== 'unit' && callee?.kind !== 'import') return undefined;
      index = this.addOrigin(fn, { kind: 'call', unit: this.unitOf(site), callee, args: [], location: locationOf(this.context, fn) });
      this.originOfCall.set(fn, index);
    }
    return { origin: index, path: [], at: undefined };
  }

  /** `res.value()` / `res.error()` of an Angular resource (`httpResource` or `rxResource`/`resource`). */
  private resourceRead(resource: Value, method: 'value' | 'error'): Value | undefined {
    const origin = this.origins[resource.origin];
    if (resource.path.length === 0 && origin.kind === 'call' && origin.callee.kind === 'client' && origin.callee.client.library === 'angular-resource') return step(resource, `()${method}`, undefined);
    if (method === 'value' && resource.path[resource.path.length - 1] === RESOURCE_STEP) return { ...resource, path: resource.path.slice(0, -1) };
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

  /** The fields of the object literals `fn` returns that hold tracked values (see `UnitSummary.returnedFields`). */
  private returnedFieldsOf(fn: ts.FunctionLikeDeclaration): Record<string, ReturnedField> | undefined {
    const fields: Record<string, ReturnedField> = {};
    for (const [name, expression] of returnedProperties(fn, this.returnStatements, (returned) => this.returnedData(fn, returned))) {
      const field = expression && !Object.hasOwn(fields, name) ? this.returnedField(expression) : undefined;
      if (field) fields[name] = field;
    }
    return Object.keys(fields).length > 0 ? fields : undefined;
  }

  /** A returned variable that is a ref or reactive state holds what markup would see of it; anything else, its value. */
  private returnedField(expression: ts.Expression): ReturnedField | undefined {
    const node = unwrap(expression);
    const declaration = ts.isIdentifier(node) ? declarationOf(this.context, node) : undefined;
    const initializer = declaration && ts.isVariableDeclaration(declaration) && declaration.initializer && unwrap(declaration.initializer);
    const wrapper = initializer && ts.isCallExpression(initializer) ? this.stateWrapper(initializer) : undefined;
    if (wrapper) {
      const value = this.markupVariableValue(declaration as ts.VariableDeclaration);
      return value && (wrapper === 'reactive' ? { values: this.withTwinValues(value) } : { values: this.withTwinValues(value), ref: true });
    }
    const value = this.valueOf(expression);
    return value && !this.isPackageCall(value) ? { values: this.withTwinValues(value) } : undefined;
  }

  /** A value and the same path from each twin of its origin (see `twinOrigins`). */
  private withTwinValues(value: ValueRef): ValueRef[] {
    return [value.origin, ...(this.twinOrigins.get(value.origin) ?? [])].map((origin) => ({ origin, path: value.path }));
  }

  /**
   * The object a function's callers get of what it returns: `json({ ... })` (Remix, React Router)
   * wraps it; a Next.js data function's page gets the `props` of `{ props: { ... } }`.
   */
  private returnedData(fn: ts.FunctionLikeDeclaration, returned: ts.Expression): ts.Expression {
    const data = this.wrappedData(returned);
    const unit = this.unitOfFunction.get(fn);
    const props = unit !== undefined && NEXT_DATA_FUNCTIONS.has(this.units[unit].name) && ts.isObjectLiteralExpression(data) ? this.objectLiteral(propertyValue(data, 'props')) : undefined;
    return props ?? data;
  }

  /** `json({ ... })` (Remix, React Router): the object it wraps; anything else as it is. */
  private wrappedData(expression: ts.Expression): ts.Expression {
    if (!ts.isCallExpression(expression) || !ts.isIdentifier(expression.expression) || !ROUTE_DATA_WRAPPERS.has(expression.expression.text) || !expression.arguments[0]) return expression;
    return this.importedFrom(expression.expression, ROUTER_MODULE) ? unwrap(expression.arguments[0]) : expression;
  }

  /** An options store's state (`fn` its `state` function): what its actions store in `this.<name>` (see `thisObject`). */
  private piniaStateFields(fn: ts.FunctionLikeDeclaration): Record<string, ReturnedField> | undefined {
    const store = piniaStoreOf(fn);
    const actions = store?.options && this.objectLiteral(propertyValue(store.options, 'actions'));
    const stored = actions && this.stores.get(actions);
    if (!stored || !this.isPiniaStore(fn)) return undefined;
    const fields: Record<string, ReturnedField> = {};
    for (const [name, expressions] of stored) {
      const value = this.firstValue(expressions);
      if (value && !this.isPackageCall(value)) fields[name] = { values: this.withTwinValues(value) };
    }
    return Object.keys(fields).length > 0 ? fields : undefined;
  }

  /** `fn` is a store's function (see `piniaStoreOf`) and `defineStore` comes from Pinia. */
  private isPiniaStore(fn: ts.FunctionLikeDeclaration): boolean {
    const store = piniaStoreOf(fn);
    const call = store && (outerNode(store.options ?? fn).parent as ts.CallExpression);
    return call !== undefined && this.importedFrom(call.expression as ts.Identifier, PINIA_MODULE);
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
      // `useMutation({ mutationFn, onSuccess: (data) => ... })`: what the function loaded.
      if (key === 'onSuccess') {
        const hook = this.queryHook(call);
        return hook && this.queryLoaded(call, hook.option);
      }
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
    const members: MarkupMembers = {
      has: (name) => classMember(component, name) !== undefined,
      value: (name) => this.memberValue(component, name),
      signal: (name) => this.isSignalMember(component, name),
    };
    return this.readsOfMarkup(scan, template.locate, this.markupValues(scan, members));
  }

  /**
   * The reads of a component's markup: each access chain whose root is a member of the component
   * holding a tracked value (or a name the markup declares from one) is a read of that value, located
   * at the chain's last field.
   */
  private readsOfMarkup(scan: TemplateScan, locate: (offset: number) => SourceLocation, values: MarkupValues): Read[] {
    const reads: Read[] = [];
    for (const expression of scan.expressions) {
      for (const chain of accessChains(expression) ?? []) {
        const value = chain.written ? undefined : values.chain(chain);
        const fields = value && withoutTrailingElements(value.path);
        const named = chain.steps.filter((step) => step.name !== ELEMENT && step.name !== 'length');
        // A bare name reads a field only when it stands for one (`{#each xs as { title }}`); a member's whole value is no field read.
        const fieldAlias = named.length === 0 && scan.aliases.some((alias) => alias.name === chain.root && alias.field !== undefined);
        if (!value || !fields || fields.length === 0 || (named.length === 0 && !fieldAlias)) continue;
        reads.push({ value: { origin: value.origin, path: fields }, location: locate(named.length > 0 ? named[named.length - 1].offset : chain.offset) });
      }
    }
    return reads;
  }

  /**
   * What the chains of a component's markup hold: a member's value, or for a name the markup
   * declares (`let a of …`, `as u`, `{#each xs as x}`), its source's, when every declaration of it
   * agrees. A name both a member and a markup variable holds nothing: which one a binding means
   * depends on its place in the markup, which the scan does not follow.
   */
  private markupValues(scan: TemplateScan, members: MarkupMembers): MarkupValues {
    const resolving = new Set<string>();
    const aliasValue = (name: string): ValueRef | undefined => {
      if (resolving.has(name)) return undefined;
      resolving.add(name);
      const values = scan.aliases.filter((alias) => alias.name === name).map((alias) => sourceValue(alias));
      resolving.delete(name);
      return sameValue(values);
    };
    const sourceValue = (alias: TemplateAlias): ValueRef | undefined => {
      const whole = wholeValue(alias.source);
      const steps = [...(alias.element ? [ELEMENT] : []), ...(alias.field !== undefined ? [alias.field] : [])];
      return whole && { origin: whole.origin, path: [...whole.path, ...steps] };
    };
    const wholeValue = (expression: TemplateExpression): ValueRef | undefined => {
      // `async` emits what the observable emits, which the analysis does not tell apart from the observable; other pipes make something new.
      if (expression.pipes.some((pipe) => pipe !== 'async')) return undefined;
      const chains = accessChains(expression) ?? [];
      return chains.length === 1 && chains[0].whole ? chainValue(chains[0]) : undefined;
    };
    const chainValue = (chain: TemplateChain): ValueRef | undefined => {
      // A signal member is read by calling it (`user()?.name`); anything else called is a method.
      if ((members.signal?.(chain.root) ?? false) !== (chain.called === true)) return undefined;
      const base = rootValue(chain.root);
      const steps = chain.steps.map((step) => step.name);
      const end = steps.indexOf('length');
      return base && { origin: base.origin, path: appendSteps(base.path, end === -1 ? steps : steps.slice(0, end)) };
    };
    const rootValue = (name: string): ValueRef | undefined => {
      const aliased = scan.aliases.some((alias) => alias.name === name);
      if (aliased) return members.has(name) ? undefined : aliasValue(name);
      return members.value(name);
    };
    return { chain: chainValue, whole: wholeValue };
  }

  /** The component's field is an Angular signal (`user = toSignal(...)`), read in templates as `user()`. */
  private isSignalMember(component: ts.ClassDeclaration, name: string): boolean {
    const member = classMember(component, name);
    const initializer = member && ts.isPropertyDeclaration(member) && member.initializer ? unwrap(member.initializer) : undefined;
    return initializer !== undefined && ts.isCallExpression(initializer) && this.signalFactory(initializer) !== undefined;
  }

  /**
   * What a component's field holds when everything the class assigns to it (its initializer, `this.x = …`)
   * that the analysis can follow is one value: a field assigned from two responses is left out.
   */
  private memberValue(component: ts.ClassDeclaration, name: string): ValueRef | undefined {
    const member = classMember(component, name);
    if (!member || !ts.isPropertyDeclaration(member)) return undefined;
    return this.agreedValue([...(member.initializer ? [member.initializer] : []), ...(this.stores.get(component)?.get(name) ?? [])]);
  }

  /** The one value that all of these expressions the analysis can follow agree on (package calls such as `ref([])` tell nothing). */
  private agreedValue(expressions: readonly ts.Expression[]): ValueRef | undefined {
    return sameValue(
      expressions.flatMap((expression) => {
        const value = this.valueOf(expression);
        return value && !this.isPackageCall(value) ? [value] : [];
      }),
    );
  }

  // ---- Vue and Svelte markup ---------------------------------------------------------------------

  /**
   * What the markup of a Vue or Svelte component reads of the names its script gives it: a chain
   * `article.author.username` of the markup is a read of what `article` holds. The markup is scanned
   * only when one of those names holds a tracked value.
   */
  private componentMarkupReads(): Read[] {
    if (this.component === undefined) return [];
    const svelte = /\.svelte$/i.test(this.context.file);
    const members = svelte ? this.topLevelMembers(() => true) : this.vueMembers(this.component);
    if (svelte && members.has('data')) members.set('data', this.pageData() ?? members.get('data'));
    if (![...members.values()].some((value) => value !== undefined)) return [];
    const scan = svelte ? scanSvelteMarkup(this.component) : scanVueTemplate(this.component);
    const { file, sourceFile } = this.context;
    const locate = (offset: number) => locationAt(file, sourceFile.getLineAndCharacterOfPosition(offset));
    const values = this.markupValues(scan, { has: (name) => members.has(name), value: (name) => members.get(name) });
    for (const element of scan.elements ?? []) this.originForComponentElement(element, values, locate);
    return this.withTwins(this.readsOfMarkup(scan, locate, values));
  }

  /**
   * `<ArticleMeta :article="article" />` with `ArticleMeta` imported from a component of the
   * project is a call of that component with its props (see `propsValue`), when a bound prop
   * carries a tracked value: what the child's markup reads of the prop is read of that value.
   */
  private originForComponentElement(element: TemplateElement, values: MarkupValues, locate: (offset: number) => SourceLocation): void {
    const props: Record<string, Arg> = {};
    for (const prop of element.props) {
      const value = values.whole(prop.value);
      if (value) props[prop.name] = { value };
    }
    const module = Object.keys(props).length > 0 ? this.defaultImportNamed(pascalCase(element.tag)) : undefined;
    if (module === undefined) return;
    const callee: Callee = { kind: 'import', ref: this.importRef(module, 'default', []), members: [] };
    // In the component's own unit: what the child reads of a prop passed on is read of this component's props by its callers.
    this.addOrigin(this.context.sourceFile, { kind: 'call', unit: this.propsUnit ?? 0, callee, args: [{ props }], location: locate(element.offset + 1) });
  }

  /** The module of `import <name> from '…'` in the component's script, when it is one of the project's. */
  private defaultImportNamed(name: string): string | undefined {
    for (const statement of this.context.sourceFile.statements) {
      if (!ts.isImportDeclaration(statement) || statement.importClause?.name?.text !== name || statement.importClause.isTypeOnly) continue;
      const module = ts.isStringLiteral(statement.moduleSpecifier) ? statement.moduleSpecifier.text : undefined;
      return module !== undefined && isLocalModule(module) ? module : undefined;
    }
    return undefined;
  }

  /** The value a component's prop `name` holds (`[]`: the whole props object): what callers pass, a parameter of the component unit. */
  private propsValue(path: string[]): ValueRef {
    if (this.propsUnit === undefined) {
      this.propsUnit = this.units.length;
      this.unitFunctions.push(undefined);
      this.units.push({ name: 'default', location: { file: this.context.file, line: 1, column: 1 }, params: ['props'], returns: [] });
    }
    const key = `${this.propsUnit}:0`;
    let origin = this.paramOrigins.get(key);
    if (origin === undefined) {
      origin = this.addOrigin(this.context.sourceFile, { kind: 'param', unit: this.propsUnit, index: 0 });
      this.paramOrigins.set(key, origin);
    }
    return { origin, path };
  }

  /**
   * SvelteKit: the `data` of a `+page.svelte` (`+layout.svelte`) is what the `load` of the sibling
   * `+page.server.js` or `+page.js` returns (whichever exists; the other resolves to nothing).
   */
  private pageData(): ValueRef | undefined {
    const route = /(?:^|\/)\+(page|layout)\.svelte$/i.exec(this.context.file);
    if (!route) return undefined;
    const location: SourceLocation = { file: this.context.file, line: 1, column: 1 };
    const [server, universal] = [`./+${route[1]}.server`, `./+${route[1]}`].map((module) =>
      this.addOrigin(this.context.sourceFile, { kind: 'call', unit: 0, callee: { kind: 'import', ref: this.importRef(module, 'load', []), members: [] }, args: [], location, returnsOnly: true }),
    );
    this.addTwin(server, universal);
    return { origin: server, path: [] };
  }

  /**
   * The names a Vue template sees: the top-level bindings of `<script setup>`, or the members of
   * the Options API object (`data()`, `computed`, `setup()`'s returned object, `methods`, `props`).
   */
  private vueMembers(component: string): Map<string, ValueRef | undefined> {
    const setup = /<script\b[^>]*\bsetup\b[^>]*>([\s\S]*?)<\/script\s*>/i.exec(component);
    if (setup) {
      const start = (setup.index ?? 0) + setup[0].length - setup[1].length;
      const members = this.topLevelMembers((node) => node.pos >= start && node.end <= start + setup[1].length);
      for (const name of this.definedPropNames()) if (!members.has(name)) members.set(name, this.propsValue([name]));
      return members;
    }
    this.optionsObject ??= vueOptions(this.context.sourceFile) ?? null;
    return this.optionsObject ? this.optionsMembers(this.optionsObject) : new Map();
  }

  /** Top-level variables of the script(s) (`where` picks the block), with what each holds; Svelte 4's `$: x = …` included. */
  private topLevelMembers(where: (node: ts.Node) => boolean): Map<string, ValueRef | undefined> {
    const members = new Map<string, ValueRef | undefined>();
    for (const statement of this.context.sourceFile.statements) {
      if (!where(statement)) continue;
      if (ts.isVariableStatement(statement)) {
        for (const declaration of statement.declarationList.declarations) this.addBindingMembers(declaration.name, members);
      } else if ((ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement)) && statement.name) members.set(statement.name.text, undefined);
      else if (ts.isLabeledStatement(statement) && statement.label.text === '$') {
        const assignment = ts.isExpressionStatement(statement.statement) ? statement.statement.expression : undefined;
        if (assignment && ts.isBinaryExpression(assignment) && assignment.operatorToken.kind === ts.SyntaxKind.EqualsToken && ts.isIdentifier(assignment.left) && !members.has(assignment.left.text)) {
          members.set(assignment.left.text, this.agreedValue([assignment.right]));
        }
      }
    }
    return members;
  }

  private addBindingMembers(name: ts.BindingName, members: Map<string, ValueRef | undefined>): void {
    if (ts.isIdentifier(name)) {
      const declaration = name.parent;
      const prop = this.propOf(declaration);
      members.set(name.text, prop ? this.propsValue(prop) : ts.isVariableDeclaration(declaration) ? this.markupVariableValue(declaration) : this.valueOfDeclaration(declaration as ts.Declaration));
      return;
    }
    for (const element of name.elements) if (!ts.isOmittedExpression(element)) this.addBindingMembers(element.name, members);
  }

  /**
   * The props path a script variable stands for: Svelte's `export let article` (`['article']`),
   * `let { article } = $props()` (`['article']`), `let props = $props()` (`[]`); Vue's
   * `const props = defineProps(…)` (`[]`, also inside `withDefaults`) and `const { article } = defineProps(…)`.
   */
  private propOf(declaration: ts.Node): string[] | undefined {
    if (ts.isVariableDeclaration(declaration) && ts.isIdentifier(declaration.name)) {
      const statement = declaration.parent.parent;
      // `export let` declares a prop; `export const` a value the component gives out.
      const exportedLet = ts.isVariableStatement(statement) && hasModifier(statement, ts.SyntaxKind.ExportKeyword) && !(declaration.parent.flags & ts.NodeFlags.Const);
      if (exportedLet && /\.svelte$/i.test(this.context.file)) return [declaration.name.text];
      return declaration.initializer && this.isProps(declaration.initializer) ? [] : undefined;
    }
    if (!ts.isBindingElement(declaration) || !ts.isObjectBindingPattern(declaration.parent) || declaration.dotDotDotToken) return undefined;
    const owner = declaration.parent.parent;
    const key = bindingKey(declaration);
    return ts.isVariableDeclaration(owner) && owner.initializer && this.isProps(owner.initializer) && key !== undefined ? [key] : undefined;
  }

  /** `$props()` (Svelte 5), `defineProps(…)` (Vue, also in `withDefaults(defineProps(…), …)`), `toRefs(props)` of such a `props`. */
  private isProps(expression: ts.Expression, depth = 0): boolean {
    const node = unwrap(expression);
    if (!ts.isCallExpression(node) || !ts.isIdentifier(node.expression) || depth > 2) return false;
    const name = node.expression.text;
    const [first] = node.arguments;
    if (name === '$props' || name === 'defineProps') return true;
    if (name === 'withDefaults') return first !== undefined && this.isProps(first, depth + 1);
    const declaration = name === 'toRefs' && first && ts.isIdentifier(first) ? declarationOf(this.context, first) : undefined;
    return declaration !== undefined && ts.isVariableDeclaration(declaration) && declaration.initializer !== undefined && this.isProps(declaration.initializer, depth + 1);
  }

  /**
   * What markup sees of a script variable: refs and reactive state unwrapped (`ref(x)` and what is
   * stored in its `.value`, `reactive(x)`, Svelte's `$state(x)`, `$derived(x)`), a `computed(() => x)`
   * its result; a plain variable, its initializer and assignments, when they agree.
   */
  private markupVariableValue(declaration: ts.VariableDeclaration): ValueRef | undefined {
    const initializer = declaration.initializer && unwrap(declaration.initializer);
    const stored = (key: string) => this.stores.get(declaration)?.get(key) ?? [];
    const wrapper = initializer && ts.isCallExpression(initializer) ? this.stateWrapper(initializer) : undefined;
    if (!wrapper || !initializer || !ts.isCallExpression(initializer)) return this.agreedValue([...(initializer ? [initializer] : []), ...stored('')]);
    const [first] = initializer.arguments;
    if (wrapper === 'computed') {
      const fn = first && unwrap(first);
      return fn && (ts.isArrowFunction(fn) || ts.isFunctionExpression(fn)) ? this.returnValue(fn) : undefined;
    }
    return this.agreedValue([...(first ? [first] : []), ...stored(wrapper === 'ref' ? 'value' : '')]);
  }

  /** `ref(…)`, `reactive(…)`, `computed(…)` of Vue (imported from it, or auto-imported), Svelte's `$state(…)`, `$derived(…)`. */
  private stateWrapper(call: ts.CallExpression): 'ref' | 'reactive' | 'computed' | undefined {
    const callee = unwrap(call.expression);
    const name = ts.isIdentifier(callee) ? callee.text : ts.isPropertyAccessExpression(callee) && ts.isIdentifier(callee.expression) ? `${callee.expression.text}.${callee.name.text}` : '';
    const wrapper = STATE_WRAPPERS[name];
    if (!wrapper || !ts.isIdentifier(callee)) return wrapper;
    const declaration = declarationOf(this.context, callee);
    const imported = declaration && importOf(declaration);
    return !declaration || (imported && VUE_MODULES.test(imported.module)) ? wrapper : undefined;
  }

  /** The props `<script setup>` declares and the template sees by name: `defineProps<{ a: T }>()`, `defineProps<Props>()` (an interface or type of the file), `defineProps(['a'])`, `defineProps({ a: Object })`. */
  private definedPropNames(): string[] {
    const names: string[] = [];
    const visit = (node: ts.Node): void => {
      if (ts.isCallExpression(node) && ts.isIdentifier(node.expression) && node.expression.text === 'defineProps') {
        const [type] = node.typeArguments ?? [];
        names.push(...(type ? this.typeMemberNames(type) : optionNames(node.arguments[0])));
      } else ts.forEachChild(node, visit);
    };
    for (const statement of this.context.sourceFile.statements) if (ts.isVariableStatement(statement) || ts.isExpressionStatement(statement)) visit(statement);
    return names;
  }

  private typeMemberNames(type: ts.TypeNode): string[] {
    const members = (list: ts.NodeArray<ts.TypeElement>) => list.flatMap((member) => (member.name && ts.isPropertySignature(member) ? [propertyNameText(member.name)].filter((name): name is string => name !== undefined) : []));
    if (ts.isTypeLiteralNode(type)) return members(type.members);
    if (!ts.isTypeReferenceNode(type) || !ts.isIdentifier(type.typeName)) return [];
    const name = type.typeName.text;
    for (const statement of this.context.sourceFile.statements) {
      if (ts.isInterfaceDeclaration(statement) && statement.name.text === name) return members(statement.members);
      if (ts.isTypeAliasDeclaration(statement) && statement.name.text === name) return this.typeMemberNames(statement.type);
    }
    return [];
  }

  /** The members of a Vue Options API component object and what each holds. */
  private optionsMembers(options: ts.ObjectLiteralExpression): Map<string, ValueRef | undefined> {
    const members = new Map<string, ValueRef | undefined>();
    for (const [name, initializer] of returnedProperties(memberFunction(objectMember(options, 'data')), this.returnStatements)) {
      members.set(name, this.agreedValue([...(initializer ? [initializer] : []), ...(this.stores.get(options)?.get(name) ?? [])]));
    }
    const computed = propertyValue(options, 'computed');
    for (const property of computed && ts.isObjectLiteralExpression(computed) ? computed.properties : []) {
      const name = property.name && propertyNameText(property.name);
      const getter = memberFunction(property) ?? memberFunction(ts.isPropertyAssignment(property) && ts.isObjectLiteralExpression(property.initializer) ? objectMember(property.initializer, 'get') : undefined);
      if (name !== undefined) members.set(name, getter && this.returnValue(getter));
    }
    for (const [name, initializer] of returnedProperties(memberFunction(objectMember(options, 'setup')), this.returnStatements)) {
      const declaration = initializer && ts.isIdentifier(initializer) ? declarationOf(this.context, initializer) : undefined;
      members.set(name, declaration && ts.isVariableDeclaration(declaration) ? this.markupVariableValue(declaration) : initializer && this.agreedValue([initializer]));
    }
    for (const name of optionNames(propertyValue(options, 'props'))) if (!members.has(name)) members.set(name, this.propsValue([name]));
    // Methods hold nothing; listed so that a markup variable of the same name is not taken for something else.
    for (const name of optionNames(propertyValue(options, 'methods'))) if (!members.has(name)) members.set(name, undefined);
    return members;
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
      if (exported && ts.isEnumDeclaration(statement)) {
        add(statement.name.text, this.enumExport(statement));
      } else if (exported && (ts.isFunctionDeclaration(statement) || ts.isClassDeclaration(statement))) {
        add(isDefault ? 'default' : (statement.name?.text ?? 'default'), this.exportShape(this.shapeOfDeclaration(statement, 0), statement));
      } else if (exported && ts.isVariableStatement(statement)) {
        for (const declaration of statement.declarationList.declarations) {
          if (ts.isIdentifier(declaration.name)) add(declaration.name.text, this.declarationExport(declaration));
          // `export const { useGetUserQuery } = api`
          else if (ts.isObjectBindingPattern(declaration.name)) {
            for (const element of declaration.name.elements) {
              if (ts.isIdentifier(element.name)) add(element.name.text, this.exportShape(this.shapeOfDeclaration(element, 0), element));
            }
          }
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

  /** `export enum Method { Get = 'GET' }`: its members with string values, as texts (`Method.Get` in a URL or method). */
  private enumExport(declaration: ts.EnumDeclaration): Shape {
    const members: Record<string, Shape> = {};
    for (const member of declaration.members) {
      const name = propertyNameText(member.name);
      const text = name !== undefined && member.initializer ? this.textOf(member.initializer, 0) : undefined;
      if (name !== undefined && text !== undefined) members[name] = { kind: 'text', text };
    }
    return { kind: 'object', members };
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
      case 'unit': {
        const returns = this.exportShape(this.returnShape(shape.unit), at, depth + 1);
        return { kind: 'unit', unit: shape.unit, ...(returns ? { returns } : {}) };
      }
      case 'client':
        return shape.member === undefined ? { kind: 'client', client: shape.client } : undefined;
      case 'import':
        return { kind: 'import', ref: shape.ref, members: shape.members };
      case 'special':
        return undefined;
      case 'members': {
        const members: Record<string, Shape> = {};
        for (const [name, member] of shape.members) {
          const exported = this.exportShape(member, at, depth + 1);
          if (exported) members[name] = exported;
        }
        return { kind: 'object', members };
      }
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

/** Calls whose value markup sees unwrapped: Vue's refs (`.value`), reactive objects and computed refs; Svelte 5 runes. */
const STATE_WRAPPERS: Record<string, 'ref' | 'reactive' | 'computed' | undefined> = {
  'ref': 'ref',
  'shallowRef': 'ref',
  'reactive': 'reactive',
  'shallowReactive': 'reactive',
  'readonly': 'reactive',
  'computed': 'computed',
  '$state': 'reactive',
  '$state.raw': 'reactive',
  '$derived': 'reactive',
  '$derived.by': 'computed',
};
const VUE_MODULES = /^(vue|@vue\/[\w-]+|vue-demi|#imports)$/;

/** The names an option lists: `['a', 'b']` or `{ a: …, b() {} }`. */
function optionNames(option: ts.Expression | undefined): string[] {
  const node = option && unwrap(option);
  if (!node) return [];
  const names = ts.isObjectLiteralExpression(node)
    ? node.properties.map((property) => property.name && propertyNameText(property.name))
    : ts.isArrayLiteralExpression(node)
      ? node.elements.map((element) => (ts.isStringLiteral(element) ? element.text : undefined))
      : [];
  return names.filter((name): name is string => name !== undefined);
}

/** The Vue Options API object of a component: `export default { … }`, `export default defineComponent({ … })` or `Vue.extend({ … })`. */
function vueOptions(sourceFile: ts.SourceFile): ts.ObjectLiteralExpression | undefined {
  for (const statement of sourceFile.statements) {
    if (!ts.isExportAssignment(statement)) continue;
    let node = unwrap(statement.expression);
    if (ts.isCallExpression(node) && node.arguments.length === 1 && isComponentFactory(node.expression)) node = unwrap(node.arguments[0]);
    if (ts.isObjectLiteralExpression(node)) return node;
  }
  return undefined;
}

function isComponentFactory(callee: ts.Expression): boolean {
  const node = unwrap(callee);
  if (ts.isIdentifier(node)) return node.text === 'defineComponent';
  return ts.isPropertyAccessExpression(node) && node.name.text === 'extend' && ts.isIdentifier(node.expression) && node.expression.text === 'Vue';
}

/** The function an object member is: `data() {}`, `data: function () {}`, `data: () => ({})`. */
function memberFunction(member: ts.Node | undefined): ts.FunctionLikeDeclaration | undefined {
  if (!member) return undefined;
  if (ts.isMethodDeclaration(member) || ts.isGetAccessorDeclaration(member)) return member;
  const value = ts.isPropertyAssignment(member) ? unwrap(member.initializer) : undefined;
  return value && (ts.isArrowFunction(value) || ts.isFunctionExpression(value)) ? value : undefined;
}

/** The properties of the object literals a function returns, with their values (`undefined` for a method). */
function returnedProperties(
  fn: ts.FunctionLikeDeclaration | undefined,
  returnStatements: ReadonlyMap<ts.Node, ts.Expression[]>,
  dataOf: (expression: ts.Expression) => ts.Expression = (expression) => expression,
): Array<[string, ts.Expression | undefined]> {
  if (!fn?.body) return [];
  const returned = ts.isBlock(fn.body) ? (returnStatements.get(fn) ?? []) : [fn.body];
  return returned.flatMap((expression) => {
    const literal = dataOf(unwrap(expression));
    if (!ts.isObjectLiteralExpression(literal)) return [];
    return literal.properties.flatMap((property): Array<[string, ts.Expression | undefined]> => {
      const name = property.name && propertyNameText(property.name);
      if (name === undefined) return [];
      if (ts.isPropertyAssignment(property)) return [[name, property.initializer]];
      return [[name, ts.isShorthandPropertyAssignment(property) ? property.name : undefined]];
    });
  });
}

/**
 * The Vue Options API object whose instance `this` is, inside one of its functions: `created()`,
 * `data()`, or a member of `methods`, `computed` or `watch` (arrow functions see through).
 */
function vueInstanceOf(node: ts.Node, options: ts.ObjectLiteralExpression | undefined): ts.ObjectLiteralExpression | undefined {
  if (!options) return undefined;
  let fn: ts.Node | undefined = node.parent;
  while (fn && !(ts.isFunctionLike(fn) && !ts.isArrowFunction(fn))) fn = fn.parent;
  if (!fn) return undefined;
  const member = ts.isMethodDeclaration(fn) || ts.isAccessor(fn) ? fn : fn.parent;
  const owner = member?.parent;
  if (!owner || !ts.isObjectLiteralExpression(owner)) return undefined;
  if (owner === options) return options;
  const group = owner.parent;
  return ts.isPropertyAssignment(group) && group.parent === options ? options : undefined;
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
/** The options of a `createApi(...)` or of an `api.injectEndpoints(...)`. */
interface RtkApi {
  kind: 'create' | 'injected';
  options: ts.ObjectLiteralExpression;
  call: ts.CallExpression;
}

/** Skips parentheses and type assertions upwards. */
function outerNode(node: ts.Node): ts.Node {
  while (ts.isParenthesizedExpression(node.parent) || ts.isAsExpression(node.parent) || ts.isSatisfiesExpression(node.parent)) node = node.parent;
  return node;
}

/**
 * The RTK Query endpoint whose `query` function `fn` is, found by its place alone:
 * `endpoints: (builder) => ({ getUser: builder.query({ query: fn }) })` in the options of a
 * `createApi(...)` or `x.injectEndpoints(...)` call (mutations alike).
 */
function rtkEndpointOf(fn: ts.FunctionLikeDeclaration): { name: string; api: RtkApi } | undefined {
  if (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn) && !ts.isMethodDeclaration(fn)) return undefined;
  const query = ts.isMethodDeclaration(fn) ? fn : outerNode(fn).parent;
  if (!(ts.isPropertyAssignment(query) || ts.isMethodDeclaration(query)) || propertyNameText(query.name) !== 'query') return undefined;
  const builderCall = outerNode(query.parent).parent;
  if (!ts.isCallExpression(builderCall) || !ts.isPropertyAccessExpression(builderCall.expression) || !ts.isIdentifier(builderCall.expression.expression)) return undefined;
  if (builderCall.expression.name.text !== 'query' && builderCall.expression.name.text !== 'mutation') return undefined;
  const endpoint = outerNode(builderCall).parent;
  if (!ts.isPropertyAssignment(endpoint)) return undefined;
  const name = propertyNameText(endpoint.name);
  const builder = outerNode(endpoint.parent).parent;
  if (name === undefined || !ts.isArrowFunction(builder) || builder.parameters.length === 0) return undefined;
  const endpointsProperty = outerNode(builder).parent;
  if (!ts.isPropertyAssignment(endpointsProperty) || propertyNameText(endpointsProperty.name) !== 'endpoints') return undefined;
  const options = endpointsProperty.parent;
  const call = outerNode(options).parent;
  if (!ts.isObjectLiteralExpression(options) || !ts.isCallExpression(call)) return undefined;
  const callee = call.expression;
  if (ts.isIdentifier(callee) && callee.text === 'createApi') return { name, api: { kind: 'create', options, call } };
  if (ts.isPropertyAccessExpression(callee) && (callee.name.text === 'injectEndpoints' || callee.name.text === 'enhanceEndpoints')) return { name, api: { kind: 'injected', options, call } };
  return undefined;
}

/**
 * The Pinia store `fn` stands for, found by its place alone: the setup function of
 * `const useCart = defineStore('cart', () => { ... })`, or the `state` function of an options store
 * `const useUser = defineStore('user', { state: () => ({ ... }), actions: { ... } })` (whose members
 * are what its actions store in `this`).
 */
function piniaStoreOf(fn: ts.FunctionLikeDeclaration): { name: string; options?: ts.ObjectLiteralExpression } | undefined {
  if (!ts.isArrowFunction(fn) && !ts.isFunctionExpression(fn) && !ts.isMethodDeclaration(fn)) return undefined;
  const place = ts.isMethodDeclaration(fn) ? fn : outerNode(fn).parent;
  const options = (ts.isPropertyAssignment(place) || ts.isMethodDeclaration(place)) && propertyNameText(place.name) === 'state' && ts.isObjectLiteralExpression(place.parent) ? place.parent : undefined;
  const call = outerNode(options ?? fn).parent;
  if (!ts.isCallExpression(call) || !ts.isIdentifier(call.expression) || call.expression.text !== 'defineStore' || !call.arguments.includes((options ?? outerNode(fn)) as ts.Expression)) return undefined;
  const declaration = outerNode(call).parent;
  if (!ts.isVariableDeclaration(declaration) || !ts.isIdentifier(declaration.name)) return undefined;
  return { name: declaration.name.text, ...(options ? { options } : {}) };
}

/** The endpoints object of `createApi`'s options: what `endpoints: (builder) => ({ ... })` returns. */
function endpointsObject(options: ts.ObjectLiteralExpression): ts.ObjectLiteralExpression | undefined {
  const fn = functionOf(propertyValue(options, 'endpoints'));
  const body = fn?.body && !ts.isBlock(fn.body) ? unwrap(fn.body) : undefined;
  return body && ts.isObjectLiteralExpression(body) ? body : undefined;
}

/** The object literal whose method `this` is in (`actions: { load() { this.user = ... } }`), outside classes. */
function thisObject(node: ts.Node): ts.ObjectLiteralExpression | undefined {
  for (let current = node.parent; current; current = current.parent) {
    if (!ts.isFunctionLike(current) || ts.isArrowFunction(current)) continue;
    const place = ts.isMethodDeclaration(current) ? current : outerNode(current).parent;
    return (ts.isMethodDeclaration(place) || ts.isPropertyAssignment(place)) && ts.isObjectLiteralExpression(place.parent) ? place.parent : undefined;
  }
  return undefined;
}

/** Methods of promises, observables, arrays, responses and request builders: what the value analysis follows on a call's result. */
function isValueMethod(name: string): boolean {
  return VALUE_METHODS.has(name) || SAME_VALUE_METHODS.has(name) || ELEMENT_CALLBACK_METHODS.has(name) || ELEMENT_RETURNING_METHODS.has(name) || REQUEST_BUILDER_METHODS.has(name);
}
const VALUE_METHODS = new Set(['then', 'catch', 'finally', 'pipe', 'subscribe', 'json', 'text', 'blob', 'value', 'error', 'data', 'unwrap']);

function isResourceClient(callee: Callee): boolean {
  return callee.kind === 'client' && callee.client.library === 'angular-resource';
}

function step(value: Value, key: string, at: ts.Node | undefined): Value | undefined {
  if (key === 'length') return undefined;
  // `appendStep` unwraps: a TanStack query's `data` is what its function loaded, and so on.
  return { origin: value.origin, path: appendStep(value.path, key), at: key === ELEMENT ? value.at : at };
}

/** The name other code calls a function by, or `undefined` for a callback (which belongs to its enclosing function). */
function unitName(fn: ts.FunctionLikeDeclaration): string | undefined {
  if (ts.isFunctionDeclaration(fn)) return fn.name?.text ?? 'default';
  const endpoint = rtkEndpointOf(fn);
  if (endpoint) return endpoint.name;
  const store = piniaStoreOf(fn);
  if (store) return store.name;
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
  if (ts.isPropertyAssignment(declaration) || ts.isPropertyDeclaration(declaration) || ts.isEnumMember(declaration)) return declaration.initializer;
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
