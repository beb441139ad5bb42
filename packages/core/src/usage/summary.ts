import type { SourceLocation } from '../model';

/**
 * What one file contributes to a project's usage, independent of every other file, so it can be
 * cached by the file's content hash. The link phase (`link.ts`) joins the summaries of a project.
 *
 * Strings that stand for URLs and methods are *templates*: literal text with slots.
 * - `{}`          a value the analyzer cannot know;
 * - `{@2}`        the third parameter of the enclosing function (`{@0.url}`: its property `url`);
 * - `{$1}`        the value of the file's second import reference (a constant from another module);
 * - `{|/feed|}`   one of the literal texts between the bars (`cond ? '/feed' : ''`): each is a call;
 * - `{|@0.type=feed|/feed|}` the first text when that parameter (property) is `'feed'`, else the
 *                 second (`config.type === 'feed' ? '/feed' : ''`): callers' arguments decide.
 */
export type Template = string;

/** One summarised file. */
export interface FileSummary {
  file: string;
  /** Functions that other code can call by name; index 0 is the module's top level (no parameters). */
  units: UnitSummary[];
  /** Everything whose result the code tracks: client calls, calls of functions, parameters. */
  origins: Origin[];
  /** Reads of tracked values: the end of each access chain, destructured names. */
  reads: Read[];
  /** What the module exports, by export name (`default` included). */
  exports: Record<string, Shape>;
  /** Things imported from other modules, referenced by `{$n}` slots and `import` shapes. */
  imports: ImportRef[];
  /** The file says it was generated (an OpenAPI client): its functions may be called by operationId. */
  generated?: true;
  /**
   * What the Angular HTTP interceptors of this file prepend to every request's URL (`{}` parts and
   * `{$n}` slots: not known here). They apply to every Angular call of the project.
   */
  angularUrlPrefixes?: Template[];
  /** Redux actions this file dispatches with a tracked payload: `dispatch({ type: LOGIN, payload: agent.Auth.login() })`. */
  actions?: DispatchedAction[];
  /** Reads of a Redux action's payload under a test of its type: `case LOGIN: ... action.payload.user`. */
  actionReads?: ActionRead[];
}

export interface DispatchedAction {
  /** The action type, as a template (`{$0}` for an imported constant). */
  type: Template;
  unit: number;
  /** The payload; with `list`, the elements of `Promise.all([...])`, read as `payload[0]`, `payload[1]`. */
  payload: Arg[];
  list?: true;
}

export interface ActionRead {
  type: Template;
  /** Steps after `payload`; a leading index (`'0'`) for `payload[0]`. */
  path: string[];
  location: SourceLocation;
}

export interface UnitSummary {
  /** `getUser`, `ApiService.get`, `requests.get`; `<module>` for the top level. */
  name: string;
  location: SourceLocation;
  /** Names of the parameters, for explanations. */
  params: string[];
  /** Indexes of the parameters with a default value (`slug = ''`): a caller leaving one out passes the default. */
  defaults?: number[];
  /** Tracked values the function returns, best first. */
  returns: ValueRef[];
  /**
   * When it returns none: the fields of the object literals it returns that hold tracked values
   * (`return { article, comments }` of a SvelteKit `load`, `return { articles }` of a composable).
   */
  returnedFields?: Record<string, ReturnedField>;
}

export interface ReturnedField {
  /** What it holds: one value, or one per request it may come from (`x = cond ? api.a() : api.b()`). */
  values: ValueRef[];
  /** A Vue ref holding the value: code reads it through `.value`, templates without. */
  ref?: true;
}

/** A tracked value: where it comes from (an origin of the same file) and the path taken from there. */
export interface ValueRef {
  origin: number;
  /**
   * Raw steps from the origin's result: property names, `[]` for an element, `()name` for a method
   * call (`()json`), `!error` for what a rejection or error callback receives.
   */
  path: string[];
}

export type Origin =
  /** A call of a client, of a function, or of something imported. */
  | { kind: 'call'; unit: number; callee: Callee; args: Arg[]; location: SourceLocation; chained?: ChainedCall[]; returnsOnly?: true }
  /** A parameter of a unit: reads of it are reads of whatever callers pass. */
  | { kind: 'param'; unit: number; index: number };

/**
 * `returnsOnly` on a call origin: the code does not call the function but receives what it returns
 * (a SvelteKit page's `data` is what the sibling `+page.js` `load` returns): its requests are not
 * instantiated here.
 */

/** A method called on a request builder before it is sent: superagent's `.send(body)`, `.query(q)`. */
export interface ChainedCall {
  method: string;
  args: Arg[];
}

/** What a call goes to. */
export type Callee =
  | { kind: 'client'; client: ClientRef; member?: string }
  | { kind: 'unit'; unit: number }
  /** `members` are property names taken from the import, then called: `agent.Articles.get` → `['Articles', 'get']`. */
  | { kind: 'import'; ref: number; members: string[] };

/** An HTTP client as the code holds it: the library and the prefix its instance adds to URLs. */
export interface ClientRef {
  library: ClientLibrary;
  /** `baseURL`, `prefixUrl` or `baseUrl` of an instance; '' for the module itself. */
  base: Template;
}

/**
 * `generated`: a function of a generated OpenAPI client, resolved by its operationId.
 * `angular-resource`: Angular's `httpResource(() => url)`, whose body is read as `res.value()`.
 * `rtk-query`: an endpoint of Redux Toolkit Query's `createApi` (`query: (id) => `users/${id}``); `data` is the body.
 * `ofetch`: `ofetch(url, opts)` / Nuxt's `$fetch`, which resolve to the body; `nuxt-fetch`: Nuxt's `useFetch(url, opts)`, whose `data.value` is it.
 * `swr`: `useSWR(url)` with the app's global fetcher (or an inline one): a GET of the key, its `data` the body.
 */
export type ClientLibrary = 'fetch' | 'axios' | 'angular' | 'angular-resource' | 'ky' | 'got' | 'superagent' | 'undici' | 'openapi-fetch' | 'swr' | 'rtk-query' | 'ofetch' | 'nuxt-fetch' | 'generated';

/** A call argument as far as it matters: its text, its properties, the fields of an object literal, the value it carries. */
export interface Arg {
  text?: Template;
  props?: Record<string, Arg>;
  /** Property names of an object literal, where they are written. */
  fields?: FieldRef[];
  /** A tracked value passed along (a response, a body, a part of one). */
  value?: ValueRef;
  /** `Promise.all([a, b])`: what each element carries, for reads of `[0]`, `[1]` of the combined value. */
  elements?: Arg[];
  /** The whole argument is a parameter of the enclosing unit (`{@1}` or `{@0.data}`): callers supply it. */
  param?: string;
  /**
   * An object literal that spreads a whole parameter (`{ credentials: 'include', ...init }` → `'1'`):
   * a property it does not write after the spread is that parameter's, which callers supply.
   */
  spread?: string;
  /** An object literal that spreads something the analyzer cannot read: a property it does not write after the spread is unknown. */
  opaque?: true;
}

export interface FieldRef {
  name: string;
  location: SourceLocation;
}

export interface Read {
  value: ValueRef;
  location: SourceLocation;
}

/** What an export or an object member is, as far as calls through it are concerned. */
export type Shape =
  /** `returns`: what calling it gives, when that is known by shape (`useApi(): ApiService`), reached through the member `CALL_RESULT`. */
  | { kind: 'unit'; unit: number; returns?: Shape }
  | { kind: 'object'; members: Record<string, Shape> }
  | { kind: 'client'; client: ClientRef }
  | { kind: 'text'; text: Template }
  | { kind: 'import'; ref: number; members: string[] };

/** The member step for "the result of calling it" in an import's members (`useApi().get` → `['()', 'get']`). */
export const CALL_RESULT = '()';

/** `import x from './api'` → `{ module: './api', name: 'default' }`; a namespace import has name `*`. */
export interface ImportRef {
  module: string;
  name: string;
  members: string[];
}
