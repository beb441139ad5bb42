import { AsyncLocalStorage } from 'node:async_hooks';
import { mayBeJson, parseJsonText } from '../exchange';
import { headerRecord } from '../parameters';
import type { ValidationContext } from './context';

type AnyFunction = (...args: any[]) => any;

/** The slice of the `jest` object the hook uses. */
export interface JestLike {
  fn(implementation?: AnyFunction): AnyFunction & Record<string, any>;
}

export interface FetchHook {
  /**
   * Run before each test: puts the hook's own implementation back after `resetMocks` or
   * `jest.resetAllMocks()` wiped it, and hooks a fetch that a library defined over the hook.
   */
  repair(): void;
  uninstall(): void;
}

/** Set while a hooked call runs, so that a fetch made from inside it (msw passthrough) is not hooked again. */
const inHookedCall = new AsyncLocalStorage<true>();

/**
 * Makes `globalThis.fetch` validate every request and response. It stays in the way whatever the
 * test does with fetch:
 * - `global.fetch = jest.fn(...)` or a library patching fetch (msw): the assigned function becomes
 *   the implementation the hook calls (the property is an accessor);
 * - `jest.spyOn(global, 'fetch').mockResolvedValue(...)`: fetch already is a jest mock, so spyOn
 *   returns it, and its `mockImplementation(Once)` (which every `mock*Value` goes through) store
 *   the stub for the hook to call. `expect(fetch).toHaveBeenCalledWith(...)` works as usual.
 */
export function installFetchHook(target: Record<string, any>, context: ValidationContext, jestObject: JestLike | undefined): FetchHook {
  const original = Object.getOwnPropertyDescriptor(target, 'fetch');
  const base: AnyFunction | undefined = target.fetch;
  let assigned: AnyFunction | undefined = base;
  let stub: AnyFunction | undefined;
  const onceStubs: AnyFunction[] = [];

  const dispatch = function (this: unknown, ...args: any[]): Promise<unknown> {
    if (inHookedCall.getStore()) return (base as AnyFunction).apply(this, args);
    const implementation = onceStubs.shift() ?? stub ?? assigned;
    if (!implementation) return Promise.reject(new TypeError('fetch is not defined'));
    const callSite = context.callSite();
    const request = describeRequest(args);
    return inHookedCall.run(true, async () => {
      const requestBody = await request.body;
      const response = await implementation.apply(this, args);
      const responseBody = await readResponse(response);
      context.check({
        client: 'fetch',
        method: request.method,
        url: request.url,
        request: requestBody === undefined ? undefined : { contentType: request.contentType, body: requestBody },
        headers: request.headers,
        response: responseBody,
        callSite,
      });
      return response;
    });
  };

  const hook: AnyFunction & Record<string, any> = jestObject ? jestObject.fn(dispatch) : dispatch;
  if (jestObject) {
    const originalImplementation = hook.mockImplementation.bind(hook);
    const originalReset = hook.mockReset.bind(hook);
    const originalGetImplementation = hook.getMockImplementation.bind(hook);
    hook.mockName?.('fetch');
    hook.mockImplementation = (implementation: AnyFunction) => {
      stub = implementation;
      return hook;
    };
    hook.mockImplementationOnce = (implementation: AnyFunction) => {
      onceStubs.push(implementation);
      return hook;
    };
    hook.getMockImplementation = () => stub;
    hook.mockReset = () => {
      originalReset();
      stub = undefined;
      onceStubs.length = 0;
      originalImplementation(dispatch);
      return hook;
    };
    hook.mockRestore = () => {
      hook.mockReset();
      assigned = base;
    };
    hook.__repair = () => {
      // jest's resetMocks wipes every mock's implementation, this one's too: put it back, and
      // drop the stubs as a reset would have.
      if (originalGetImplementation() !== dispatch) {
        stub = undefined;
        onceStubs.length = 0;
        originalImplementation(dispatch);
      }
    };
  }

  const get = () => (assigned || stub || onceStubs.length > 0 ? hook : undefined);
  Object.defineProperty(target, 'fetch', {
    configurable: true,
    enumerable: original?.enumerable ?? true,
    get,
    set: (value: AnyFunction | undefined) => {
      // Assigning the hook back (a library restoring what it saved) means "no patch any more";
      // assigning anything replaces fetch as a whole, stubs set through the mock API included.
      assigned = value === hook ? base : value;
      stub = undefined;
      onceStubs.length = 0;
    },
  });

  // A library may define its own fetch over the hook rather than assign it: msw 2's
  // `server.listen()` does, and puts the hook's property back on `server.close()`. Meanwhile a
  // second hook sits over the library's fetch, so that calls are still seen where they are made.
  let overlay: FetchHook | undefined;
  const isInPlace = () => Object.getOwnPropertyDescriptor(target, 'fetch')?.get === get;

  return {
    repair: () => {
      hook.__repair?.();
      if (isInPlace()) {
        overlay = undefined;
        return;
      }
      overlay ??= installFetchHook(target, context, jestObject);
      overlay.repair();
    },
    uninstall: () => {
      overlay?.uninstall();
      if (original) Object.defineProperty(target, 'fetch', original);
      else delete target.fetch;
    },
  };
}

interface RequestDescription {
  method: string;
  url: string;
  contentType?: string;
  headers: Record<string, string>;
  body: Promise<unknown>;
}

/** Method, URL, content type and JSON body of `fetch(input, init)`, without consuming anything. */
function describeRequest(args: any[]): RequestDescription {
  const [input, init] = args as [any, any];
  const isRequest = input && typeof input === 'object' && typeof input.url === 'string' && !(input instanceof URL);
  const url = typeof input === 'string' ? input : input instanceof URL ? input.href : isRequest ? input.url : String(input);
  const method = String(init?.method ?? (isRequest ? input.method : undefined) ?? 'GET').toUpperCase();
  // fetch takes init's headers instead of the Request's, not merged with them.
  const headers = headerRecord(init?.headers ?? (isRequest ? input.headers : undefined));
  const contentType = headers['content-type'];
  let body: Promise<unknown> = Promise.resolve(undefined);
  if (init?.body !== undefined && init?.body !== null) {
    body = Promise.resolve(typeof init.body === 'string' && mayBeJson(contentType ?? 'application/json') ? parseJsonText(init.body) : undefined);
  } else if (isRequest && input.body && typeof input.clone === 'function') {
    const copy = input.clone();
    body = copy.text().then((text: string) => (mayBeJson(contentType) ? parseJsonText(text) : undefined), () => undefined);
  }
  return { method, url, contentType, headers, body };
}

/**
 * Status, content type and JSON body of what fetch resolved to: a real `Response` (read from a
 * clone), or a hand-made stub `{ ok, status, json }` (its `json` is memoised so the code under
 * test still gets the same value).
 */
async function readResponse(response: any): Promise<{ status: number; contentType?: string; body: unknown } | undefined> {
  if (!response || typeof response !== 'object') return undefined;
  const status = typeof response.status === 'number' ? response.status : response.ok === false ? undefined : 200;
  if (status === undefined) return undefined;
  const contentType = headerRecord(response.headers)['content-type'];
  if (typeof response.clone === 'function' && !response.bodyUsed) {
    try {
      const text = await response.clone().text();
      return { status, contentType, body: mayBeJson(contentType) ? parseJsonText(text) : undefined };
    } catch {
      return { status, contentType, body: undefined };
    }
  }
  if (typeof response.json === 'function') {
    const json = response.json;
    let memo: Promise<unknown> | undefined;
    response.json = function (this: unknown, ...args: unknown[]) {
      memo ??= Promise.resolve(json.apply(this, args));
      return memo;
    };
    const body = await response.json().catch(() => undefined);
    return { status, contentType, body };
  }
  return { status, contentType, body: undefined };
}
