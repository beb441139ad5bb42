import type { Arg, ChainedCall, ClientLibrary, ClientRef, Template } from './summary';
import { joinUrl, isAbsoluteUrl, UNKNOWN } from './static-url';

/**
 * HTTP client libraries, recognised by the module they are imported from (nothing is installed or
 * type-checked): how a call through each one says its method, URL, body and query, and where the
 * response body is in what the call returns.
 */

/** Module → library for the module's default or namespace import. */
const DEFAULT_IMPORTS: Record<string, ClientLibrary> = {
  axios: 'axios',
  ky: 'ky',
  'ky-universal': 'ky',
  got: 'got',
  superagent: 'superagent',
  'node-fetch': 'fetch',
  'cross-fetch': 'fetch',
  'isomorphic-fetch': 'fetch',
};

/** Named imports that are clients: `import { request } from 'undici'`. */
const NAMED_IMPORTS: Record<string, Record<string, ClientLibrary>> = {
  axios: { axios: 'axios', default: 'axios' },
  got: { got: 'got', default: 'got' },
  ky: { default: 'ky' },
  undici: { request: 'undici', fetch: 'fetch' },
  'node-fetch': { default: 'fetch' },
  'cross-fetch': { fetch: 'fetch', default: 'fetch' },
  '@angular/common/http': { httpResource: 'angular-resource' },
  ofetch: { ofetch: 'ofetch', $fetch: 'ofetch', default: 'ofetch' },
  ohmyfetch: { ofetch: 'ofetch', $fetch: 'ofetch' },
  '#app': { $fetch: 'ofetch', useFetch: 'nuxt-fetch', useLazyFetch: 'nuxt-fetch' },
  '#imports': { $fetch: 'ofetch', useFetch: 'nuxt-fetch', useLazyFetch: 'nuxt-fetch' },
  'nuxt/app': { $fetch: 'ofetch', useFetch: 'nuxt-fetch', useLazyFetch: 'nuxt-fetch' },
};

/** Clients a page may use without importing them: the platform's `fetch`, and Nuxt's auto-imports. */
export const GLOBAL_CLIENTS: Record<string, ClientLibrary> = { fetch: 'fetch', $fetch: 'ofetch', useFetch: 'nuxt-fetch', useLazyFetch: 'nuxt-fetch' };

/** What an import binding is, when it is a client, a client factory, or Angular's HttpClient class. */
export type ClientImport =
  | { kind: 'client'; client: ClientRef }
  | { kind: 'openapi-factory' }
  | { kind: 'angular-class' }
  | { kind: 'angular-inject' }
  /** `superagentPromise(superagent, Promise)`: returns the client it is given, with promise methods. */
  | { kind: 'client-wrapper' }
  /** Vue 2's default export: `Vue.axios` is axios once `Vue.use(VueAxios, axios)` installed it. */
  | { kind: 'vue' };

/** Packages whose default export wraps the client passed as its first argument and returns it. */
const CLIENT_WRAPPERS = new Set(['superagent-promise']);

export function clientImport(module: string, name: string): ClientImport | undefined {
  if (name === 'default' || name === '*') {
    const library = DEFAULT_IMPORTS[module];
    if (library) return { kind: 'client', client: { library, base: '' } };
    if (module === 'openapi-fetch') return { kind: 'openapi-factory' };
    if (CLIENT_WRAPPERS.has(module)) return { kind: 'client-wrapper' };
    if (module === 'vue') return { kind: 'vue' };
  }
  const named = NAMED_IMPORTS[module]?.[name];
  if (named) return { kind: 'client', client: { library: named, base: '' } };
  if (module === 'openapi-fetch' && name === 'createClient') return { kind: 'openapi-factory' };
  if (module === '@angular/common/http' && name === 'HttpClient') return { kind: 'angular-class' };
  if (module === '@angular/core' && name === 'inject') return { kind: 'angular-inject' };
  return undefined;
}

/** `axios.create({ baseURL })`, `ky.create/extend({ prefixUrl })`, `got.extend({ prefixUrl })`: the new instance. */
export function derivedClient(client: ClientRef, member: string, config: Arg | undefined): ClientRef | undefined {
  const baseKey = client.library === 'axios' || client.library === 'ofetch' ? 'baseURL' : client.library === 'ky' || client.library === 'got' ? 'prefixUrl' : undefined;
  const factory = client.library === 'axios' || client.library === 'ofetch' ? member === 'create' : client.library === 'ky' ? member === 'create' || member === 'extend' : client.library === 'got' ? member === 'extend' : false;
  if (!baseKey || !factory) return undefined;
  const base = prop(config, baseKey);
  if (!base) return client;
  return { library: client.library, base: joinUrl(client.base, base.text ?? UNKNOWN) };
}

/** The pieces of one request, as templates of the calling code. */
export interface RequestParts {
  method: Template;
  url: Template | undefined;
  body?: Arg;
  query?: Arg;
  /** Angular's `observe` and `responseType` options, as templates: where the body is in what the call returns. */
  observe?: Template;
  responseType?: Template;
}

const WITHOUT_DATA = new Set(['get', 'delete', 'head', 'options']);
const WITH_DATA = new Set(['post', 'put', 'patch']);
const KY_METHODS = new Set(['get', 'post', 'put', 'patch', 'delete', 'head']);
const SUPERAGENT_METHODS: Record<string, string> = { get: 'GET', post: 'POST', put: 'PUT', patch: 'PATCH', del: 'DELETE', delete: 'DELETE', head: 'HEAD', options: 'OPTIONS' };
const OPENAPI_METHODS = new Set(['GET', 'PUT', 'POST', 'DELETE', 'OPTIONS', 'HEAD', 'PATCH', 'TRACE']);
/** `httpResource.text(...)` and its siblings: the same request, a body that is not JSON. */
const RESOURCE_VARIANTS = new Set(['text', 'blob', 'arrayBuffer']);

/**
 * The request a call of `client` (`member` undefined: the client called directly) with `args`
 * makes; `undefined` when the call sends nothing (`axios.create`, `interceptors`, ...).
 */
export function requestOf(client: ClientRef, member: string | undefined, args: readonly Arg[], chained: readonly ChainedCall[] = []): RequestParts | undefined {
  const [first, second, third] = args;
  const withBase = (parts: RequestParts | undefined): RequestParts | undefined =>
    parts && { ...parts, url: parts.url === undefined ? undefined : isAbsoluteUrl(parts.url) ? parts.url : joinUrl(client.base, parts.url) };
  switch (client.library) {
    case 'fetch': {
      if (member !== undefined) return undefined;
      // `fetch(new Request(url, init))` carries the init in its first argument.
      const init = second ?? (first?.props ? first : undefined);
      return { method: methodText(prop(init, 'method')), url: first?.text, body: prop(init, 'body'), query: undefined };
    }
    case 'undici':
      if (member !== undefined && member !== 'request') return undefined;
      return { method: methodText(prop(second, 'method')), url: first?.text, body: prop(second, 'body'), query: prop(second, 'query') };
    case 'axios': {
      if (member === undefined || member === 'request') {
        if (first?.props || member === 'request') return withBase(axiosConfig(first));
        return withBase({ ...axiosConfig(second), url: first?.text });
      }
      if (WITHOUT_DATA.has(member)) return withBase({ method: member.toUpperCase(), url: first?.text, query: prop(second, 'params') });
      if (WITH_DATA.has(member)) return withBase({ method: member.toUpperCase(), url: first?.text, body: second, query: prop(third, 'params') });
      return undefined;
    }
    case 'angular': {
      if (member === 'request') return { method: methodText(first), url: second?.text, body: prop(third, 'body'), query: prop(third, 'params'), ...angularForm(third) };
      if (member === 'jsonp') return { method: 'GET', url: first?.text };
      if (member && WITHOUT_DATA.has(member)) return { method: member.toUpperCase(), url: first?.text, query: prop(second, 'params'), ...angularForm(second) };
      if (member && WITH_DATA.has(member)) return { method: member.toUpperCase(), url: first?.text, body: second, query: prop(third, 'params'), ...angularForm(third) };
      return undefined;
    }
    case 'angular-resource': {
      // The summariser passes what the request function returns: a URL, or `{ url, method, body, params }`.
      if (member !== undefined && !RESOURCE_VARIANTS.has(member)) return undefined;
      const request: RequestParts = first?.props
        ? { method: methodText(prop(first, 'method')), url: prop(first, 'url')?.text, body: prop(first, 'body'), query: prop(first, 'params') }
        : { method: 'GET', url: first?.text };
      return member === undefined ? request : { ...request, responseType: member };
    }
    case 'swr':
      return member === undefined ? { method: 'GET', url: first?.text } : undefined;
    case 'ofetch':
    case 'nuxt-fetch': {
      if (member !== undefined) return undefined;
      const base = prop(second, 'baseURL');
      const url = base && first?.text !== undefined && !isAbsoluteUrl(first.text) ? joinUrl(base.text ?? UNKNOWN, first.text) : first?.text;
      return withBase({ method: methodText(prop(second, 'method')), url, body: prop(second, 'body'), query: prop(second, 'query') ?? prop(second, 'params') });
    }
    case 'rtk-query':
      // What the endpoint's `query` returns: a URL, or `{ url, method, body, params }` (fetchBaseQuery's args).
      if (member !== undefined) return undefined;
      return withBase(first?.props ? { method: methodText(prop(first, 'method')), url: prop(first, 'url')?.text, body: prop(first, 'body'), query: prop(first, 'params') } : { method: 'GET', url: first?.text });
    case 'ky':
    case 'got': {
      const options = second;
      if (member !== undefined && !KY_METHODS.has(member)) return undefined;
      const method = member === undefined ? methodText(prop(options, 'method')) : member.toUpperCase();
      return withBase({ method, url: first?.text ?? prop(first, 'url')?.text, body: prop(options, 'json'), query: prop(options, 'searchParams') });
    }
    case 'superagent': {
      const method = member === undefined ? methodText(first) : SUPERAGENT_METHODS[member];
      if (!method) return undefined;
      const url = member === undefined ? second?.text : first?.text;
      const body = chained.find((call) => call.method === 'send')?.args[0] ?? (member && WITH_DATA.has(member) ? second : undefined);
      const query = chained.find((call) => call.method === 'query')?.args[0];
      return { method, url, body, query };
    }
    case 'openapi-fetch': {
      if (!member || !OPENAPI_METHODS.has(member)) return undefined;
      return withBase({ method: member, url: first?.text, body: prop(second, 'body'), query: prop(prop(second, 'params'), 'query') });
    }
    case 'generated':
      // Made by the linker from an operationId, never by a client call in the code.
      return undefined;
  }
}

/**
 * Property `name` of an argument: the one written in it; of a parameter passed or spread whole
 * (`init`, `{ ...init }`), a slot for that parameter's property; unknown past a spread the analyzer
 * cannot read; `undefined` when the argument has no such property.
 */
export function prop(arg: Arg | undefined, name: string): Arg | undefined {
  if (!arg) return undefined;
  const inner = arg.props?.[name];
  if (inner) return inner;
  const whole = arg.spread ?? (arg.param !== undefined && !arg.param.includes('.') ? arg.param : undefined);
  if (whole !== undefined) return { param: `${whole}.${name}`, text: `{@${whole}.${name}}` };
  if (arg.opaque) return { text: UNKNOWN };
  return undefined;
}

/** The `observe` and `responseType` an Angular call's options give, when they give any. */
function angularForm(options: Arg | undefined): Pick<RequestParts, 'observe' | 'responseType'> {
  const form: Pick<RequestParts, 'observe' | 'responseType'> = {};
  const observe = prop(options, 'observe');
  const responseType = prop(options, 'responseType');
  if (observe) form.observe = observe.text ?? UNKNOWN;
  if (responseType) form.responseType = responseType.text ?? UNKNOWN;
  return form;
}

/**
 * What an Angular call returns: the JSON body (the default, `observe: 'body'`), the whole
 * `HttpResponse` (`observe: 'response'`: the body is its `body`), or nothing read as the JSON body
 * (`observe: 'events'`, `responseType: 'text'`/`'blob'`/`'arraybuffer'`, or options the analyzer
 * cannot read). A caller that leaves an option out (`''`) gets its default.
 */
export function angularResult(observe: Template | undefined, responseType: Template | undefined): 'body' | 'response' | 'other' {
  if (responseType !== undefined && responseType !== '' && responseType !== 'json') return 'other';
  if (observe === undefined || observe === '' || observe === 'body') return 'body';
  return observe === 'response' ? 'response' : 'other';
}

function axiosConfig(config: Arg | undefined): RequestParts {
  return { method: methodText(prop(config, 'method')), url: prop(config, 'url')?.text, body: prop(config, 'data'), query: prop(config, 'params') };
}

/** A method argument: its text when known (a parameter slot stays a slot), GET when absent. */
function methodText(arg: Arg | undefined): Template {
  if (!arg) return 'GET';
  // Upper-case the literal parts only: slots name parameters (`{@0.method}`).
  return arg.text === undefined ? UNKNOWN : arg.text.replace(/([^{]*)(\{[^}]*\})?/g, (_, literal: string, slot = '') => literal.toUpperCase() + slot);
}

/** Where a value read from a call's result sits: in the success body, the error body, or neither. */
export type BodyPlace = { kind: 'body' | 'error'; path: string[] };

/**
 * Maps raw steps from what a client call returns (`data.user.name`, `()json.name`) to the body
 * field they read. Error steps start with `!error` (a rejection, a `catch`, an error callback).
 */
export function bodyPlace(library: ClientLibrary, raw: readonly string[], angular: ReturnType<typeof angularResult> = 'body'): BodyPlace | undefined {
  const [first, second, third] = raw;
  if (first === '!error') {
    if ((library === 'axios' || library === 'generated' || library === 'got' || library === 'superagent') && second === 'response') {
      const key = library === 'axios' || library === 'generated' ? 'data' : 'body';
      return third === key ? { kind: 'error', path: raw.slice(3) } : undefined;
    }
    if (library === 'angular' && second === 'error') return { kind: 'error', path: raw.slice(2) };
    // ofetch's FetchError carries the parsed error body as `data`.
    if (library === 'ofetch' && second === 'data') return { kind: 'error', path: raw.slice(2) };
    // `res.json()` where the code tested that `res` failed (`if (!res.ok)`).
    if ((library === 'fetch' || library === 'ky') && second === '()json') return { kind: 'error', path: raw.slice(2) };
    return undefined;
  }
  switch (library) {
    case 'fetch':
    case 'ky':
      return first === '()json' ? { kind: 'body', path: raw.slice(1) } : undefined;
    case 'got':
      return first === '()json' || first === 'body' ? { kind: 'body', path: raw.slice(1) } : undefined;
    case 'axios':
      return first === 'data' ? { kind: 'body', path: raw.slice(1) } : undefined;
    case 'generated':
      // Axios-based generators return the response (`data` is the body), fetch-based ones the body.
      return { kind: 'body', path: first === 'data' ? raw.slice(1) : [...raw] };
    case 'angular':
      if (angular === 'response') return first === 'body' ? { kind: 'body', path: raw.slice(1) } : undefined;
      return angular === 'body' ? { kind: 'body', path: [...raw] } : undefined;
    case 'angular-resource':
      if (angular !== 'body') return undefined;
      if (first === '()value') return { kind: 'body', path: raw.slice(1) };
      // `res.error()` is the HttpErrorResponse; its `error` is the error body.
      return first === '()error' && second === 'error' ? { kind: 'error', path: raw.slice(2) } : undefined;
    case 'superagent':
      return first === 'body' ? { kind: 'body', path: raw.slice(1) } : undefined;
    case 'swr':
      return { kind: 'body', path: [...raw] };
    case 'ofetch':
      return { kind: 'body', path: [...raw] };
    case 'nuxt-fetch':
      // `const { data, error } = await useFetch(...)`: refs, read through `.value` (templates unwrap them).
      if (first === 'data' && second === 'value') return { kind: 'body', path: raw.slice(2) };
      return first === 'error' && second === 'value' && third === 'data' ? { kind: 'error', path: raw.slice(3) } : undefined;
    case 'rtk-query':
      // A query hook's `{ data, error }`; a fetchBaseQuery error's body is its `data`.
      if (first === 'data') return { kind: 'body', path: raw.slice(1) };
      return first === 'error' && second === 'data' ? { kind: 'error', path: raw.slice(2) } : undefined;
    case 'undici':
      return first === 'body' && second === '()json' ? { kind: 'body', path: raw.slice(2) } : undefined;
    case 'openapi-fetch':
      if (first === 'data') return { kind: 'body', path: raw.slice(1) };
      if (first === 'error') return { kind: 'error', path: raw.slice(1) };
      return undefined;
  }
}
