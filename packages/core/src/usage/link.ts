import type { CallSite, FieldUse, SourceLocation, UnresolvedCall } from '../model';
import { compareText } from '../compare-text';
import { childPath, joinFieldSegments } from '../spec/field-path';
import { angularResult, bodyPlace, prop as argProp, requestOf } from './clients';
import { onlyUnknown, queryNames, UNKNOWN, urlTemplate } from './static-url';
import { isLocalModule } from './resolve-module';
import { appendSteps } from './value-steps';
import { CALL_RESULT, type Arg, type Callee, type ClientLibrary, type ClientRef, type DispatchedAction, type FileSummary, type Origin, type ReturnedField, type Shape, type Template, type ValueRef } from './summary';

/** Maps an app URL onto spec paths when the app and the API are served under different prefixes. */
export interface PrefixRewrite {
  from: string;
  to: string;
}

export interface LinkOptions {
  /** The workspace-relative file an import specifier of `from` names, when it is one of the project's files. */
  resolveModule?: (from: string, module: string) => string | undefined;
  rewrites?: readonly PrefixRewrite[];
  /**
   * The files whose calls are the project's (by default all). The others are workspace libraries
   * it imports: their requests count only when the project's code reaches them through calls, at
   * the library's location, and what the analyzer missed in them is not listed.
   */
  isOwnFile?: (file: string) => boolean;
  /** Operations by operationId, each id naming exactly one operation of the consumed specs (see `generatedOperation`). */
  operations?: ReadonlyMap<string, OperationRef>;
  /** What the project's Angular interceptors put in front of every Angular request's URL (see `angularUrlPrefix`). */
  angularUrlPrefix?: Template;
}

export interface OperationRef {
  method: string;
  /** The path as callers see it, server base path included: `/api/users/{id}`. */
  path: string;
}

export interface LinkResult {
  calls: CallSite[];
  unresolved: UnresolvedCall[];
}

/** A request as the linker builds it; templates may still hold parameter slots of `owner`. */
interface Request {
  library: ClientLibrary;
  method: Template;
  url: Template;
  body?: Arg;
  query?: Arg;
  observe?: Template;
  responseType?: Template;
  location: SourceLocation;
  reads: Array<{ path: string[]; location: SourceLocation }>;
}

type Target =
  | { kind: 'request'; request: Request; path: string[] }
  | { kind: 'param'; unit: number; index: number; path: string[] }
  /**
   * An object of tracked values a unit returns (`return { user, posts }`): a read's first step picks
   * a member, which may come from several requests (`x = cond ? api.a() : api.b()`), or be a Vue ref.
   */
  | { kind: 'members'; members: Map<string, Member> };

interface Member {
  targets: Target[];
  /** A Vue ref: code reads its value through `.value`, a template without. */
  ref: boolean;
}

/** `target` followed by `steps`: into a member when it is an object of values, unwrapping library steps (see `appendStep`). */
function extendTargets(target: Target, steps: readonly string[]): Target[] {
  if (target.kind !== 'members') return [steps.length === 0 ? target : { ...target, path: appendSteps(target.path, steps) }];
  if (steps.length === 0) return [target];
  const member = target.members.get(steps[0]);
  if (!member) return [];
  const rest = member.ref && steps[1] === 'value' ? steps.slice(2) : steps.slice(1);
  return member.targets.flatMap((inner) => extendTargets(inner, rest));
}

/** The first of `extendTargets`: where one value goes. */
function extendTarget(target: Target, steps: readonly string[]): Target | undefined {
  return extendTargets(target, steps)[0];
}

interface UnitResult {
  started: boolean;
  /** Some call of this unit was resolved: its slotted requests live on as instances at the callers. */
  instantiated: boolean;
  requests: Request[];
  paramReads: Array<{ index: number; path: string[]; location: SourceLocation }>;
  returns?: Target;
  /** The units this unit calls, for reachability from the project's own files. */
  callees: UnitResult[];
  reached: boolean;
}

type ResolvedCallee =
  | { kind: 'client'; client: ClientRef; member?: string }
  | { kind: 'unit'; file: string; unit: number }
  | { kind: 'operation'; operation: OperationRef };

/** Package names of generated OpenAPI clients (`@acme/generated-api`, `petstore-openapi-client`, `./__generated__/api`). */
const GENERATED_MODULE = /(^|[/@._-])(__generated__|generated|openapi|swagger|codegen)([/._-]|$)/i;

/** Parameter names that say "this is the URL": a wrapper that takes one shows no endpoint of its own. */
const URL_PARAMETER = /url|uri|path|endpoint|route|resource|href|link/i;
const MAX_FOLLOW = 16;
const ALTERNATIVES = /\{\|[^{}]*\}/g;
const MAX_URL_ALTERNATIVES = 8;

/**
 * Joins per-file summaries into call sites. Each function is evaluated once with its parameters
 * left as slots; a call of it instantiates its slotted requests with the caller's arguments, at the
 * caller's location, until no slot is left. Requests of wrappers nobody calls are reported at the
 * wrapper itself when their URL says which endpoint they aim at, and explained otherwise.
 */
export function linkSummaries(summaries: readonly FileSummary[], options: LinkOptions = {}): LinkResult {
  return new Linker(summaries, options).run();
}

/** A file's summary plus the linker's per-file state, indexed by unit and origin (no string keys: this is the hot loop). */
interface FileState {
  summary: FileSummary;
  originsByUnit: number[][];
  readsByUnit: number[][];
  results: UnitResult[];
  /** `undefined`: not computed yet; `null`: computed (or being computed), nothing tracked. */
  targets: Array<Target | null | undefined>;
}

class Linker {
  private readonly files = new Map<string, FileSummary>();
  private readonly states = new Map<string, FileState>();
  private readonly unresolved: UnresolvedCall[] = [];

  constructor(
    summaries: readonly FileSummary[],
    private readonly options: LinkOptions,
  ) {
    for (const summary of summaries) {
      this.files.set(summary.file, summary);
      // Plain loops: `Array.from({ length })` iterates an array-like generically, three times per file.
      const state: FileState = { summary, originsByUnit: [], readsByUnit: [], results: [], targets: new Array(summary.origins.length) };
      for (let unit = 0; unit < summary.units.length; unit++) {
        state.originsByUnit.push([]);
        state.readsByUnit.push([]);
        state.results.push({ started: false, instantiated: false, requests: [], paramReads: [], callees: [], reached: false });
      }
      const { origins, reads } = summary;
      for (let index = 0; index < origins.length; index++) state.originsByUnit[origins[index].unit].push(index);
      for (let index = 0; index < reads.length; index++) state.readsByUnit[origins[reads[index].value.origin].unit].push(index);
      this.states.set(summary.file, state);
    }
  }

  run(): LinkResult {
    for (const summary of this.files.values()) for (let unit = 0; unit < summary.units.length; unit++) this.evaluate(summary.file, unit);
    const isOwn = this.options.isOwnFile ?? (() => true);
    this.markReached(isOwn);
    const calls: CallSite[] = [];
    for (const state of this.states.values()) {
      const own = isOwn(state.summary.file);
      state.results.forEach((result, unit) => {
        if (!own && !result.reached) return;
        for (const request of result.requests) {
          if (!isTemplate(request)) this.emit(request, calls);
          else if (!result.instantiated && own) this.fallback(state.summary, unit, request, calls);
        }
      });
    }
    return { calls, unresolved: this.unresolved.filter((entry) => isOwn(entry.location.file)) };
  }

  /**
   * Redux: what a reducer (or middleware) reads of `action.payload` under a test of the action's
   * type is read from the payload every `dispatch({ type, payload })` of that type sends: a
   * request's response (`payload[0]` of a `Promise.all([...])` is its first request's).
   */
  private dispatchAction(file: string, action: DispatchedAction): void {
    for (const read of this.actionReadsByType().get(this.resolveText(file, action.type, 0)) ?? []) {
      const [first, ...rest] = read.path;
      if (action.list && !/^\d+$/.test(first)) continue;
      const arg = action.list ? action.payload[Number(first)] : action.payload[0];
      if (!arg) continue;
      // A payload the unit got as a parameter (`onLoad: (payload) => dispatch(...)`) is read where its callers pass it.
      this.addRead(file, this.argTarget(file, action.unit, this.resolveArg(file, arg), []), action.list ? rest : read.path, read.location);
    }
  }

  private readsOfActionType?: Map<string, Array<{ path: string[]; location: SourceLocation }>>;

  /** Every reducer read of an action's payload, by the action type's text (imported constants resolved). */
  private actionReadsByType(): Map<string, Array<{ path: string[]; location: SourceLocation }>> {
    if (this.readsOfActionType) return this.readsOfActionType;
    const byType = new Map<string, Array<{ path: string[]; location: SourceLocation }>>();
    for (const summary of this.files.values()) {
      for (const read of summary.actionReads ?? []) {
        const type = this.resolveText(summary.file, read.type, 0);
        if (!type.includes('{')) byType.set(type, [...(byType.get(type) ?? []), { path: read.path, location: read.location }]);
      }
    }
    this.readsOfActionType = byType;
    return byType;
  }

  /** Marks every unit the own files' code calls, directly or through other units. */
  private markReached(isOwn: (file: string) => boolean): void {
    const pending: UnitResult[] = [];
    for (const state of this.states.values()) if (isOwn(state.summary.file)) pending.push(...state.results);
    for (let next = pending.pop(); next; next = pending.pop()) {
      if (next.reached) continue;
      next.reached = true;
      pending.push(...next.callees);
    }
  }

  // ---- evaluation -------------------------------------------------------------------------------

  private result(file: string, unit: number): UnitResult {
    return (this.states.get(file) as FileState).results[unit];
  }

  private evaluate(file: string, unit: number): UnitResult {
    const state = this.states.get(file) as FileState;
    const result = state.results[unit];
    if (result.started) return result;
    result.started = true;
    const summary = state.summary;
    for (const origin of state.originsByUnit[unit]) this.targetOf(file, origin);
    for (const index of state.readsByUnit[unit]) {
      const read = summary.reads[index];
      this.addRead(file, this.valueTarget(file, read.value), [], read.location);
    }
    for (const action of summary.actions ?? []) if (action.unit === unit) this.dispatchAction(file, action);
    for (const value of summary.units[unit]?.returns ?? []) {
      result.returns = this.valueTarget(file, value);
      if (result.returns) break;
    }
    if (!result.returns) result.returns = this.membersTarget(file, summary.units[unit]?.returnedFields);
    return result;
  }

  /** The fields of a returned object literal that lead somewhere, by property name. */
  private membersTarget(file: string, fields: Record<string, ReturnedField> | undefined): Target | undefined {
    const members = new Map<string, Member>();
    for (const [name, field] of Object.entries(fields ?? {})) {
      const targets = field.values.flatMap((value) => this.valueTargets(file, value));
      if (targets.length > 0) members.set(name, { targets, ref: field.ref === true });
    }
    return members.size > 0 ? { kind: 'members', members } : undefined;
  }

  private valueTarget(file: string, value: ValueRef): Target | undefined {
    return this.valueTargets(file, value)[0];
  }

  /** Where a value goes: one target, or one per request a returned member may come from. */
  private valueTargets(file: string, value: ValueRef): Target[] {
    const target = this.targetOf(file, value.origin);
    return target ? extendTargets(target, value.path) : [];
  }

  private addRead(file: string, target: Target | undefined, path: string[], location: SourceLocation): void {
    for (const end of target ? extendTargets(target, path) : []) {
      if (end.kind === 'request') end.request.reads.push({ path: end.path, location });
      else if (end.kind === 'param') this.result(file, end.unit).paramReads.push({ index: end.index, path: end.path, location });
    }
  }

  private targetOf(file: string, index: number): Target | undefined {
    const state = this.states.get(file) as FileState;
    const memo = state.targets[index];
    if (memo !== undefined) return memo ?? undefined;
    state.targets[index] = null;
    const origin = state.summary.origins[index];
    const target = origin.kind === 'param' ? paramTarget(origin.unit, origin.index) : this.callTarget(file, origin);
    state.targets[index] = target ?? null;
    return target;
  }

  private callTarget(file: string, origin: Extract<Origin, { kind: 'call' }>): Target | undefined {
    const callee = this.resolveCallee(file, origin.callee, origin);
    if (!callee) return undefined;
    const args = origin.args.map((arg) => this.resolveArg(file, arg));
    const owner = this.result(file, origin.unit);
    if (callee.kind === 'operation') {
      const request: Request = { library: 'generated', method: callee.operation.method, url: callee.operation.path, location: origin.location, reads: [] };
      owner.requests.push(request);
      return { kind: 'request', request, path: [] };
    }
    if (callee.kind === 'client') {
      const chained = (origin.chained ?? []).map((call) => ({ method: call.method, args: call.args.map((arg) => this.resolveArg(file, arg)) }));
      const parts = requestOf(callee.client, callee.member, args, chained);
      if (!parts) return undefined;
      if (parts.url === undefined || (onlyUnknown(parts.url) && !parts.url.includes('{@'))) {
        this.unresolved.push({
          reason: 'url-unknown',
          message: `${callee.client.library}${callee.member ? `.${callee.member}` : ''}(...): the URL is not visible to the analyzer (a value computed at run time)`,
          location: origin.location,
          call: `${parts.method} ${UNKNOWN}`,
        });
        return undefined;
      }
      const request: Request = { library: callee.client.library, method: parts.method, url: parts.url, body: parts.body, query: parts.query, location: origin.location, reads: [] };
      if (parts.observe !== undefined) request.observe = parts.observe;
      if (parts.responseType !== undefined) request.responseType = parts.responseType;
      owner.requests.push(request);
      return { kind: 'request', request, path: [] };
    }
    const result = this.evaluate(callee.file, callee.unit);
    owner.callees.push(result);
    // What the code receives rather than calls (a SvelteKit page's `data`): no requests are made here.
    if (origin.returnsOnly) return result.returns?.kind === 'param' ? undefined : result.returns;
    result.instantiated = true;
    const instances = new Map<Request, Request | undefined>();
    for (const template of result.requests) {
      if (!isTemplate(template)) continue;
      // `handle('submit')` of `handle(type, id?)` whose `delete` branch calls `/comments/${id}`: a
      // caller that leaves out a whole path segment does not make that request (no `/comments/`).
      if (leavesOutPathSegment(template.url, args, this.files.get(callee.file)?.units[callee.unit]?.defaults ?? [])) {
        instances.set(template, undefined);
        continue;
      }
      const instance = instantiate(template, args, origin.location);
      owner.requests.push(instance);
      instances.set(template, instance);
    }
    for (const read of result.paramReads) this.passRead(file, origin.unit, args[read.index], read.path, read.location);
    return result.returns && this.returnedTarget(file, origin.unit, result.returns, instances, args);
  }

  /** What a call gets from what its callee returns: the caller's own instance of a request, what it passed for a parameter. */
  private returnedTarget(file: string, unit: number, returned: Target, instances: ReadonlyMap<Request, Request | undefined>, args: ReadonlyArray<Arg | undefined>): Target | undefined {
    if (returned.kind === 'request') {
      const request = instances.has(returned.request) ? instances.get(returned.request) : returned.request;
      return request && { kind: 'request', request, path: returned.path };
    }
    if (returned.kind === 'param') return this.argTarget(file, unit, args[returned.index], returned.path);
    const members = new Map<string, Member>();
    for (const [name, member] of returned.members) {
      const targets = member.targets.flatMap((inner) => this.returnedTarget(file, unit, inner, instances, args) ?? []);
      if (targets.length > 0) members.set(name, { targets, ref: member.ref });
    }
    return members.size > 0 ? { kind: 'members', members } : undefined;
  }

  /** A read the callee makes of one of its parameters is a read of what the caller passed. */
  private passRead(file: string, unit: number, arg: Arg | undefined, path: string[], location: SourceLocation): void {
    const target = this.argTarget(file, unit, arg, path);
    if (!target || target.kind === 'members') return;
    if (target.kind === 'request') target.request.reads.push({ path: target.path, location });
    else this.result(file, unit).paramReads.push({ index: target.index, path: target.path, location });
  }

  private argTarget(file: string, unit: number, arg: Arg | undefined, path: string[]): Target | undefined {
    if (!arg) return undefined;
    if (arg.value) {
      const target = this.valueTarget(file, arg.value);
      return target && extendTarget(target, path);
    }
    if (arg.param !== undefined) {
      const [index, ...props] = arg.param.split('.');
      return { ...paramTarget(unit, Number(index)), path: [...props, ...path] };
    }
    const [first, ...rest] = path;
    if (first === undefined) return undefined;
    if (arg.elements && /^\d+$/.test(first)) return this.argTarget(file, unit, arg.elements[Number(first)], rest);
    // `show({ user })`, `<Card user={user} />`: a read of `props.user.email` is a read of what `user` holds.
    if (arg.props?.[first]) return this.argTarget(file, unit, arg.props[first], rest);
    if (arg.spread !== undefined) return { ...paramTarget(unit, Number(arg.spread)), path: [...path] };
    return undefined;
  }

  private resolveCallee(file: string, callee: Callee, origin: Extract<Origin, { kind: 'call' }>): ResolvedCallee | undefined {
    if (callee.kind === 'client') return { ...callee, client: this.resolveClient(file, callee.client) };
    if (callee.kind === 'unit') return { kind: 'unit', file, unit: callee.unit };
    const summary = this.files.get(file) as FileSummary;
    const ref = summary.imports[callee.ref];
    const found = this.followImport(file, ref.module, ref.name, [...ref.members, ...callee.members], 0);
    const operation = this.generatedOperation(file, ref.module, [ref.name, ...ref.members, ...callee.members], found);
    if (operation) return { kind: 'operation', operation };
    if (found?.shape.kind === 'unit') return { kind: 'unit', file: found.file, unit: found.shape.unit };
    if (found?.shape.kind === 'client') return { kind: 'client', client: this.resolveClient(found.file, found.shape.client), member: found.member };
    // A package's function is not this project's business; a project module that is missing is.
    if (!found && isLocalModule(ref.module) && origin.args.some((arg) => looksLikeUrl(arg.text))) {
      const called = `${[ref.name === 'default' || ref.name === '*' ? '' : ref.name, ...callee.members].filter(Boolean).join('.')}(...)`;
      const reexported = this.packageBehind(file, ref.module, ref.name);
      this.unresolved.push({
        reason: 'import-unresolved',
        message: reexported
          ? `${called} comes from the package '${reexported}' (through '${ref.module}'), whose client contract-graph does not know, so its calls are not checked`
          : `${called} comes from '${ref.module}', which is not a source file of this project (or does not export it)`,
        location: origin.location,
      });
    }
    return undefined;
  }

  /** The package a project module re-exports `name` from (`export { apiService }` of an import from 'ts-api-toolkit'), if it does. */
  private packageBehind(from: string, module: string, name: string): string | undefined {
    const target = this.options.resolveModule?.(from, module);
    const summary = target === undefined ? undefined : this.files.get(target);
    const shape = summary?.exports[name];
    // An imported binding exported again is a slot of the import (`{$0}`), or the import itself.
    const slot = shape?.kind === 'text' ? /^\{\$(\d+)\}$/.exec(shape.text) : undefined;
    const ref = shape?.kind === 'import' ? shape.ref : slot ? Number(slot[1]) : undefined;
    const imported = ref !== undefined ? summary?.imports[ref] : undefined;
    return imported && !isLocalModule(imported.module) ? imported.module : undefined;
  }

  /**
   * The operation a call of a generated client names by its function: `getUserById(...)` or
   * `usersApi.getUserById(...)` with the function or class imported from a generated module, and
   * `getUserById` the operationId of exactly one operation. A module is generated when its file
   * says so in its leading comment, or, for a package outside the workspace, when its name does
   * (`generated`, `openapi`, `swagger`, `codegen`). Where the generated code itself shows the
   * request (a function of the project that calls a client), that request is used instead.
   */
  private generatedOperation(file: string, module: string, names: readonly string[], found: { file: string; shape: Shape } | undefined): OperationRef | undefined {
    const operations = this.options.operations;
    const name = names[names.length - 1];
    const operation = operations && name !== undefined ? operations.get(name) : undefined;
    if (!operation) return undefined;
    const target = this.options.resolveModule?.(file, module);
    const summary = target === undefined ? undefined : this.files.get(target);
    const generated = summary ? summary.generated || (found && this.files.get(found.file)?.generated) : GENERATED_MODULE.test(module);
    if (!generated) return undefined;
    if (found?.shape.kind === 'unit' && this.evaluate(found.file, found.shape.unit).requests.length > 0) return undefined;
    return operation;
  }

  /** Follows an import to the shape it names, through re-exports and object members; a client keeps its last member as the method. */
  private followImport(
    from: string,
    module: string,
    name: string,
    members: readonly string[],
    depth: number,
  ): { file: string; shape: Shape; member?: string } | undefined {
    if (depth > MAX_FOLLOW) return undefined;
    const file = this.options.resolveModule?.(from, module);
    const summary = file === undefined ? undefined : this.files.get(file);
    if (!summary) return undefined;
    let rest = [...members];
    let exportName = name;
    if (exportName === '*') {
      if (rest.length === 0) return undefined;
      exportName = rest.shift() as string;
    }
    const shape = this.exportOf(summary, exportName, depth);
    return shape && this.walkMembers(shape.file, shape.shape, rest, depth);
  }

  private exportOf(summary: FileSummary, name: string, depth: number): { file: string; shape: Shape } | undefined {
    const direct = summary.exports[name];
    if (direct) return { file: summary.file, shape: direct };
    for (const [key, shape] of Object.entries(summary.exports)) {
      if (!key.startsWith('*') || shape.kind !== 'import') continue;
      const ref = summary.imports[shape.ref];
      const target = this.options.resolveModule?.(summary.file, ref.module);
      const next = target === undefined ? undefined : this.files.get(target);
      const found = next && depth < MAX_FOLLOW ? this.exportOf(next, name, depth + 1) : undefined;
      if (found) return found;
    }
    return undefined;
  }

  private walkMembers(file: string, shape: Shape, members: readonly string[], depth: number): { file: string; shape: Shape; member?: string } | undefined {
    if (depth > MAX_FOLLOW) return undefined;
    if (shape.kind === 'import') {
      const summary = this.files.get(file) as FileSummary;
      const ref = summary.imports[shape.ref];
      return this.followImport(file, ref.module, ref.name, [...ref.members, ...shape.members, ...members], depth + 1);
    }
    if (members.length === 0) return { file, shape };
    const [first, ...rest] = members;
    if (shape.kind === 'unit' && first === CALL_RESULT) return shape.returns && this.walkMembers(file, shape.returns, rest, depth + 1);
    if (shape.kind === 'object') {
      const member = shape.members[first];
      return member && this.walkMembers(file, member, rest, depth + 1);
    }
    if (shape.kind === 'client' && rest.length === 0) return { file, shape, member: first };
    return undefined;
  }

  /** A client whose base URL names an imported constant, with the constant's value in it. */
  private resolveClient(file: string, client: ClientRef): ClientRef {
    return client.base.includes('{$') ? { ...client, base: this.resolveText(file, client.base, 0) } : client;
  }

  /** Replaces the `{$n}` slots of an argument (constants imported by `file`) with their values. */
  private resolveArg(file: string, arg: Arg): Arg {
    if (!hasImportSlot(arg)) return arg;
    const resolved: Arg = { ...arg };
    if (arg.text !== undefined) resolved.text = this.resolveText(file, arg.text, 0);
    if (arg.props) resolved.props = Object.fromEntries(Object.entries(arg.props).map(([key, value]) => [key, this.resolveArg(file, value)]));
    return resolved;
  }

  private resolveText(file: string, text: string, depth: number): string {
    if (!text.includes('{$')) return text;
    return text.replace(/\{\$(\d+)\}/g, (_, index: string) => {
      const summary = this.files.get(file) as FileSummary;
      const ref = summary.imports[Number(index)];
      const found = ref && depth < MAX_FOLLOW ? this.followImport(file, ref.module, ref.name, ref.members, 0) : undefined;
      if (found?.shape.kind !== 'text') return UNKNOWN;
      return this.resolveText(found.file, found.shape.text, depth + 1);
    });
  }

  // ---- output -----------------------------------------------------------------------------------

  private fallback(summary: FileSummary, unit: number, request: Request, calls: CallSite[]): void {
    const params = summary.units[unit].params;
    const slots = [...`${request.method} ${request.url}`.matchAll(/\{@(\d+)(?:\.([^}]+))?\}/g)];
    const urlSlot = slots.find((slot) => URL_PARAMETER.test(slot[2] ?? params[Number(slot[1])] ?? ''));
    if (urlSlot || request.method.includes('{@')) {
      this.unresolved.push({
        reason: 'wrapper-not-called',
        message: `${summary.units[unit].name}(${params.join(', ')}) builds its ${urlSlot ? 'URL' : 'method'} from a parameter, and no call of it with a known value was found`,
        location: request.location,
        call: `${request.method.replace(/\{@[^}]*\}/g, UNKNOWN)} ${urlTemplate(request.url) ?? UNKNOWN}`,
      });
      return;
    }
    this.emit({ ...request, url: request.url.replace(/\{@[^}]*\}/g, UNKNOWN) }, calls);
  }

  /** One call per URL the request can have (`'/articles' + (feed ? '/feed' : '')` makes two). */
  private emit(request: Request, calls: CallSite[]): void {
    const seen = new Set<string | undefined>();
    for (const url of alternativeUrls(request.url)) {
      const template = urlTemplate(request.library === 'angular' || request.library === 'angular-resource' ? withInterceptorPrefix(url, this.options.angularUrlPrefix) : url);
      if (seen.has(template)) continue;
      seen.add(template);
      this.emitOne({ ...request, url }, template, calls);
    }
  }

  private emitOne(request: Request, urlPath: string | undefined, calls: CallSite[]): void {
    // Clients default to GET when no method is given.
    const method = request.method.toUpperCase() || 'GET';
    let template = urlPath;
    if (template === undefined) {
      this.unresolved.push({ reason: 'url-unknown', message: `${request.library} call: the URL is not visible to the analyzer`, location: request.location, call: `${method} ${UNKNOWN}` });
      return;
    }
    if (method.includes('{')) {
      this.unresolved.push({ reason: 'method-unknown', message: `${request.library} call to ${template}: the method is not visible to the analyzer`, location: request.location, call: `{} ${template}` });
      return;
    }
    template = rewritePrefix(relativeToUnknownBase(template), this.options.rewrites ?? []);
    const responseFields: FieldUse[] = [];
    const errorResponseFields: FieldUse[] = [];
    const angular = angularResult(request.observe, request.responseType);
    for (const read of request.reads) {
      const place = bodyPlace(request.library, read.path, angular);
      const path = place && formatPath(place.path);
      if (!path) continue;
      (place.kind === 'body' ? responseFields : errorResponseFields).push({ path, location: read.location });
    }
    const call: CallSite = {
      method,
      urlTemplate: template,
      client: request.library,
      location: request.location,
      responseFields: sortedFields(responseFields),
      requestFields: sortedFields(bodyFieldsOf(request.body)),
    };
    const query = sortedFields([...fieldsOf(request.query), ...queryNames(request.url).map((name) => ({ path: name, location: request.location }))]);
    if (query.length > 0) call.queryFields = query;
    if (errorResponseFields.length > 0) call.errorResponseFields = sortedFields(errorResponseFields);
    calls.push(call);
  }
}

function paramTarget(unit: number, index: number): Extract<Target, { kind: 'param' }> {
  return { kind: 'param', unit, index, path: [] };
}

function isTemplate(request: Request): boolean {
  const optionSlots = `${request.observe ?? ''} ${request.responseType ?? ''}`.includes('{@');
  return optionSlots || request.method.includes('{@') || request.url.includes('{@') || request.url.includes('{|@') || argHasParam(request.body) || argHasParam(request.query);
}

function argHasParam(arg: Arg | undefined): boolean {
  return !!arg && (arg.param !== undefined || arg.spread !== undefined || Object.values(arg.props ?? {}).some(argHasParam));
}

/** A copy of a slotted request with the caller's arguments in its slots, located at the caller. */
function instantiate(template: Request, args: readonly Arg[], location: SourceLocation): Request {
  return {
    library: template.library,
    method: substitute(template.method, args),
    url: substitute(template.url, args),
    body: substituteArg(template.body, args),
    query: substituteArg(template.query, args),
    ...(template.observe === undefined ? {} : { observe: substitute(template.observe, args) }),
    ...(template.responseType === undefined ? {} : { responseType: substitute(template.responseType, args) }),
    location,
    reads: [...template.reads],
  };
}

/** A URL slot that is a whole path segment (`/comments/{@1}`) for an argument the caller leaves out, and that has no default. */
function leavesOutPathSegment(url: Template, args: readonly Arg[], defaults: readonly number[]): boolean {
  for (const match of url.matchAll(/(?:^|\/)\{@(\d+)\}(?=$|[/?#])/g)) {
    const index = Number(match[1]);
    if (!args[index] && !defaults.includes(index)) return true;
  }
  return false;
}

function substitute(text: Template, args: readonly Arg[]): Template {
  return decideAlternatives(text, args).replace(/\{@(\d+)(?:\.([^}]+))?\}/g, (_, index: string, prop: string | undefined) => {
    // An argument or option the caller leaves out is absent (''), which is not the same as unknown.
    const arg = args[Number(index)];
    if (!arg) return '';
    if (prop === undefined) return arg.text ?? UNKNOWN;
    const inner = argProp(arg, prop);
    if (inner?.text !== undefined) return inner.text;
    return arg.props && !inner ? '' : UNKNOWN;
  });
}

function substituteArg(arg: Arg | undefined, args: readonly Arg[]): Arg | undefined {
  if (!arg) return undefined;
  if (arg.param !== undefined) {
    const [index, prop] = arg.param.split('.');
    const given = args[Number(index)];
    return prop === undefined ? given : argProp(given, prop);
  }
  if (!arg.props) return arg;
  const props = Object.fromEntries(Object.entries(arg.props).map(([key, value]) => [key, substituteArg(value, args) ?? {}]));
  if (arg.spread === undefined) return { ...arg, props };
  // `{ ...init, body }` with the caller's `init`: its properties, then those written after the spread.
  const given = args[Number(arg.spread)];
  const rest: Arg = { ...arg, props: { ...given?.props, ...props } };
  delete rest.spread;
  if (given?.spread !== undefined || (given?.param !== undefined && !given.param.includes('.'))) rest.spread = given.spread ?? given.param;
  else if (given && (given.opaque || !given.props)) rest.opaque = true;
  return rest;
}

function hasImportSlot(arg: Arg): boolean {
  if (arg.text !== undefined && arg.text.includes('{$')) return true;
  if (!arg.props) return false;
  for (const key in arg.props) if (hasImportSlot(arg.props[key])) return true;
  return false;
}

function fieldsOf(arg: Arg | undefined): FieldUse[] {
  return (arg?.fields ?? []).map((field) => ({ path: field.name, location: field.location }));
}

/** The top-level fields of a request body, as field paths (a name with a dot is quoted). */
function bodyFieldsOf(arg: Arg | undefined): FieldUse[] {
  return fieldsOf(arg).map((field) => ({ ...field, path: childPath('', field.path) }));
}

/** `['items', '[]', 'title']` → `items[].title`, `['@odata.nextLink']` → `["@odata.nextLink"]`; steps through method calls are not fields. */
function formatPath(path: readonly string[]): string | undefined {
  let end = path.length;
  while (end > 0 && path[end - 1] === '[]') end--;
  const segments = path.slice(0, end);
  if (segments.length === 0 || segments.some((segment) => segment.startsWith('()') || segment.startsWith('!'))) return undefined;
  return joinFieldSegments(segments);
}

/**
 * Every text a template with alternatives (`/articles{|/feed|}`, see `Template`) stands for, in
 * order. Past `MAX_URL_ALTERNATIVES` texts, each alternative keeps its first choice only.
 */
function alternativeUrls(url: Template): string[] {
  const groups = url.match(ALTERNATIVES) ?? [];
  const count = groups.reduce((product, group) => product * choicesOf(group).length, 1);
  if (count > MAX_URL_ALTERNATIVES) return [url.replace(ALTERNATIVES, (group) => choicesOf(group)[0])];
  let urls = [url];
  for (const group of groups) urls = urls.flatMap((text) => choicesOf(group).map((choice) => text.replace(group, choice)));
  return urls;
}

/** `{|/feed|}` → `['/feed', '']`; a group with a test (`{|@0=feed|/feed|}`) that no caller decided: both. */
function choicesOf(group: string): string[] {
  const parts = group.slice(2, -1).split('|');
  return parts[0].startsWith('@') ? parts.slice(1) : parts;
}

/**
 * Decides the tests of URL alternatives (`{|@0.type=feed|/feed|}`) by the caller's arguments: a
 * known text picks a choice, a parameter of the caller carries the test on, anything else keeps
 * both choices.
 */
function decideAlternatives(text: Template, args: readonly Arg[]): Template {
  return text.replace(ALTERNATIVES, (group) => {
    const [test, first, second] = group.slice(2, -1).split('|');
    if (!test.startsWith('@')) return group;
    const [param, value] = test.slice(1).split('=');
    const given = substitute(`{@${param}}`, args);
    if (!given.includes('{')) return given === value ? first : second;
    const carried = /^\{@([^}]+)\}$/.exec(given);
    return carried ? `{|@${carried[1]}=${value}|${first}|${second}}` : `{|${first}|${second}}`;
  });
}

/**
 * The one prefix the Angular interceptors of a project add to URLs (`https://api.example.com/api`
 * from `req.clone({ url: `https://api.example.com/api${req.url}` })`); `{}` when they add
 * different ones or one the analyzer cannot read; `undefined` when none rewrites the URL.
 */
export function angularUrlPrefix(summaries: readonly FileSummary[]): Template | undefined {
  const prefixes = new Set(summaries.flatMap((summary) => summary.angularUrlPrefixes ?? []));
  if (prefixes.size === 0) return undefined;
  const [only] = prefixes;
  return prefixes.size === 1 && !/\{[$@]/.test(only) ? only : UNKNOWN;
}

/** An interceptor prefixes the URL the code wrote, relative or not (it joins the two texts). */
function withInterceptorPrefix(url: Template, prefix: Template | undefined): Template {
  return prefix === undefined ? url : `${prefix}${url}`;
}

/**
 * A path without a leading `/` (`articles/{}`) is resolved by the client against a base the code
 * does not show (axios `defaults.baseURL` set at run time, the page's URL): an unknown prefix.
 */
function relativeToUnknownBase(template: string): string {
  return template.startsWith('/') || template.startsWith(UNKNOWN) ? template : `${UNKNOWN}/${template}`;
}

function looksLikeUrl(text: string | undefined): boolean {
  return !!text && /^(\/|https?:|\{\}\/)|\/[A-Za-z]/.test(text);
}

/** Applies the first rewrite whose `from` prefixes the path (at a segment boundary). */
export function rewritePrefix(template: string, rewrites: readonly PrefixRewrite[]): string {
  for (const { from, to } of rewrites) {
    const prefix = from.replace(/\/+$/, '');
    if (prefix === '' || template === prefix || template.startsWith(`${prefix}/`)) {
      const rest = template.slice(prefix.length);
      return `${to.replace(/\/+$/, '')}${rest.startsWith('/') ? rest : `/${rest}`}`.replace(/\/+$/, '') || '/';
    }
  }
  return template;
}

/** By position, then path; one entry per path and position. */
export function sortedFields(fields: readonly FieldUse[]): FieldUse[] {
  const unique = new Map<string, FieldUse>();
  for (const field of fields) unique.set(`${field.path}@${field.location.file}:${field.location.line}:${field.location.column}`, field);
  return [...unique.values()].sort((a, b) => compareLocations(a.location, b.location) || compareText(a.path, b.path));
}

export function compareLocations(a: SourceLocation, b: SourceLocation): number {
  return compareText(a.file, b.file) || a.line - b.line || a.column - b.column;
}

