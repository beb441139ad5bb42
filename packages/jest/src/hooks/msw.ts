import { mayBeJson, parseJsonText } from '../exchange';
import { headerRecord } from '../parameters';
import type { ValidationContext } from './context';

type AnyFunction = (...args: any[]) => any;
const METHODS = ['get', 'post', 'put', 'patch', 'delete', 'head', 'options', 'all'];

/**
 * Wraps msw's `http.get`, `http.post`, ...: a handler for an endpoint no spec has is reported
 * where it is defined, and every response a handler mocks is checked against the operation the
 * request resolves to, whichever client sent it (fetch, axios, node http).
 */
export function installMswHook(msw: Record<string, any>, context: ValidationContext): () => void {
  const http = msw.http;
  if (!http || typeof http !== 'object') return () => undefined;
  const originals = new Map<string, AnyFunction>();
  for (const method of METHODS) {
    const original = http[method];
    if (typeof original !== 'function') continue;
    originals.set(method, original);
    http[method] = function (this: unknown, predicate: unknown, resolver: AnyFunction, ...rest: unknown[]) {
      const callSite = context.callSite();
      const template = method === 'all' ? undefined : pathTemplate(predicate);
      if (template) {
        const match = context.contracts.match(method, template);
        if (match.kind === 'unknown') {
          const hint = match.suggestion ? ` (did you mean ${match.suggestion.method} ${match.suggestion.path}?)` : '';
          const at = callSite.test ?? callSite.code;
          context.record([
            {
              operation: `${method.toUpperCase()} ${String(predicate)}`,
              summary: `msw handler for ${method.toUpperCase()} ${String(predicate)} mocks an endpoint that is not an operation of ${match.contract.file}${hint}`,
              problems: [],
              where: at ? `defined at ${at}` : undefined,
            },
          ]);
        }
      }
      return original.call(this, predicate, wrapResolver(resolver, context, callSite), ...rest);
    };
  }
  return () => {
    for (const [method, original] of originals) http[method] = original;
  };
}

function wrapResolver(resolver: AnyFunction, context: ValidationContext, callSite: ReturnType<ValidationContext['callSite']>): AnyFunction {
  // Generator resolvers (response sequences) are passed through untouched.
  if (typeof resolver !== 'function' || /Generator/.test(resolver.constructor?.name ?? '')) return resolver;
  return async function (this: unknown, info: any) {
    const request: Request | undefined = info?.request;
    const requestText = request && request.body ? request.clone().text().catch(() => '') : Promise.resolve('');
    const result = await resolver.call(this, info);
    if (request && result && typeof result === 'object' && typeof result.clone === 'function' && result.type !== 'error' && result.headers?.get?.('x-msw-intention') !== 'passthrough') {
      const requestType = request.headers.get('content-type') ?? undefined;
      const responseType = result.headers.get('content-type') ?? undefined;
      const requestBody = mayBeJson(requestType) ? parseJsonText(await requestText) : undefined;
      const responseBody = mayBeJson(responseType) ? parseJsonText(await result.clone().text()) : undefined;
      context.check({
        client: 'msw handler',
        method: request.method,
        url: request.url,
        request: requestBody === undefined ? undefined : { contentType: requestType, body: requestBody },
        headers: headerRecord(request.headers),
        response: { status: result.status, contentType: responseType, body: responseBody },
        callSite,
      });
    }
    return result;
  };
}

/**
 * msw's path predicate as a call template: `https://x.test/api/users/:id` → `/api/users/{}`,
 * `*\/api/users/:id` → `{}/api/users/{}`. Regular expressions and bare `*` say nothing: undefined.
 */
export function pathTemplate(predicate: unknown): string | undefined {
  if (typeof predicate !== 'string' || predicate === '*' || predicate === '') return undefined;
  let path = predicate.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '').split(/[?#]/)[0];
  if (path.startsWith('*')) path = `{}${path.slice(1)}`;
  path = path.replace(/:[A-Za-z0-9_]+\??/g, '{}').replace(/\*/g, '{}');
  return path.startsWith('/') || path.startsWith('{}') ? path : undefined;
}
