import type { CallSite } from '../call-site';
import { mayBeJson, parseJsonText } from '../exchange';
import { headerRecord } from '../parameters';
import type { ValidationContext } from './context';

type AxiosLike = Record<string, any>;

/**
 * Adds interceptors to the default axios instance and to every instance `axios.create()` makes
 * from now on (the code under test creates its instances after the setup file ran). Requests are
 * checked with their response, non-2xx responses included; the request interceptor is synchronous
 * so that the call site is the code's own stack.
 */
export function installAxiosHook(axios: AxiosLike, context: ValidationContext): () => void {
  const callSites = new WeakMap<object, CallSite>();
  const removers: Array<() => void> = [];

  const check = (response: any) => {
    const config = response?.config;
    if (!config) return;
    let url: string;
    try {
      url = axios.getUri(config);
    } catch {
      url = String(config.url ?? '');
    }
    const requestBody = typeof config.data === 'string' ? parseJsonText(config.data) : config.data;
    const requestHeaders = headerRecord(config.headers);
    const contentType = headerRecord(response.headers)['content-type'];
    const data = typeof response.data === 'string' && mayBeJson(contentType) ? parseJsonText(response.data) : response.data;
    context.check({
      client: 'axios',
      method: String(config.method ?? 'get'),
      url,
      request: requestBody === undefined ? undefined : { contentType: requestHeaders['content-type'], body: requestBody },
      headers: requestHeaders,
      response: { status: response.status, contentType, body: data === '' ? undefined : data },
      callSite: callSites.get(config),
    });
  };

  const hookInstance = (instance: AxiosLike) => {
    const requestId = instance.interceptors.request.use(
      (config: object) => {
        callSites.set(config, context.callSite());
        return config;
      },
      undefined,
      { synchronous: true },
    );
    const responseId = instance.interceptors.response.use(
      (response: unknown) => {
        check(response);
        return response;
      },
      (error: any) => {
        if (error?.response) check(error.response);
        return Promise.reject(error);
      },
    );
    removers.push(() => {
      instance.interceptors.request.eject(requestId);
      instance.interceptors.response.eject(responseId);
    });
  };

  hookInstance(axios);
  const originalCreate = axios.create;
  if (typeof originalCreate === 'function') {
    axios.create = function (this: unknown, ...args: unknown[]) {
      const instance = originalCreate.apply(this, args);
      hookInstance(instance);
      return instance;
    };
  }
  return () => {
    removers.forEach((remove) => remove());
    if (typeof originalCreate === 'function') axios.create = originalCreate;
  };
}
