import { HTTP_METHODS, type SpecLocation } from '../model';
import { encodePointer } from './json-pointer';
import { isObjectLike, type LoadedSpec, type SpecNode } from './load-spec';

/** One operation of a spec, under one of its server base paths. */
export interface Operation {
  /** Upper-case method. */
  method: string;
  /** The full path as a caller sees it, base path included: `/api/users/{id}`. */
  path: string;
  /** The key of the path in the spec: `/users/{id}`. */
  specPath: string;
  /** Method plus path with parameter names erased, for matching: `GET /api/users/{}`. */
  key: string;
  operationId?: string;
  deprecated: boolean;
  node: SpecNode;
  location: SpecLocation;
}

/** `GET /api/users/{id}`: how findings, notes and reports name an operation. */
export function describeOperation(operation: Pick<Operation, 'method' | 'path'>): string {
  return `${operation.method} ${operation.path}`;
}

/** Lists the operations of a loaded spec, sorted by path then method. */
export function listOperations(spec: LoadedSpec): Operation[] {
  if (!spec.root) return [];
  const paths = spec.child(spec.root, 'paths');
  if (!paths || !isObjectLike(paths.value)) return [];
  const basePaths = basePathsOf(spec);
  const operations: Operation[] = [];
  for (const specPath of Object.keys(paths.value).sort()) {
    if (!specPath.startsWith('/')) continue;
    const pathItem = spec.child(paths, specPath);
    // The most specific `servers` apply: the operation's, else its path item's, else the root's (OpenAPI 3).
    const pathBasePaths = (spec.version !== '2.0' && serverBasePaths(pathItem?.value)) || basePaths;
    for (const found of methodsOf(spec, pathItem)) {
      for (const basePath of (spec.version !== '2.0' && serverBasePaths(found.value)) || pathBasePaths) {
        const fullPath = joinPaths(basePath, specPath);
        operations.push(found.operation(fullPath, specPath, operationKey(found.method, fullPath)));
      }
    }
  }
  return operations;
}

/**
 * Lists the operations of the spec's `webhooks` (OpenAPI 3.1), sorted by name then method: the
 * requests the API sends to the consumers that subscribe. Named `POST webhook orderCreated`, keyed
 * `POST webhook:orderCreated`, so no call of a consumer ever matches one.
 */
export function listWebhooks(spec: LoadedSpec): Operation[] {
  if (!spec.root) return [];
  const webhooks = spec.child(spec.root, 'webhooks');
  if (!webhooks || !isObjectLike(webhooks.value)) return [];
  return Object.keys(webhooks.value)
    .sort()
    .flatMap((name) => methodsOf(spec, spec.child(webhooks, name)).map((found) => found.operation(`webhook ${name}`, name, `${found.method.toUpperCase()} webhook:${name}`)));
}

/** The operations of one path item, each able to make its `Operation` under a path and key. */
function methodsOf(spec: LoadedSpec, pathItem: SpecNode | undefined): Array<{ method: string; value: Record<string, unknown>; operation: (path: string, specPath: string, key: string) => Operation }> {
  if (!pathItem || !isObjectLike(pathItem.value)) return [];
  return HTTP_METHODS.flatMap((method) => {
    const node = spec.child(pathItem, method);
    if (!node || !isObjectLike(node.value)) return [];
    const value = node.value as Record<string, unknown>;
    // Located on first read: finding a line costs a scan of the text, which most runs never need.
    const locate = once(() => spec.locate({ file: pathItem.file, pointer: `${pathItem.pointer}/${encodePointer(method)}` }));
    const operation = (path: string, specPath: string, key: string): Operation => ({
      method: method.toUpperCase(),
      path,
      specPath,
      key,
      operationId: typeof value.operationId === 'string' ? value.operationId : undefined,
      deprecated: value.deprecated === true,
      node,
      get location() {
        return locate();
      },
    });
    return [{ method, value, operation }];
  });
}

/** `compute`, called on the first call only. */
export function once<T>(compute: () => T): () => T {
  let done = false;
  let value: T;
  return () => {
    if (!done) {
      value = compute();
      done = true;
    }
    return value;
  };
}

/** `GET /api/users/{}`: the method and the path with parameter names erased. */
export function operationKey(method: string, fullPath: string): string {
  return `${method.toUpperCase()} ${erasePathParameterNames(fullPath)}`;
}

/** `/users/{id}/x{ext}` → `/users/{}/x{}`: matching ignores parameter names. */
export function erasePathParameterNames(fullPath: string): string {
  return fullPath.replace(/\{[^}]*\}/g, '{}');
}

/** The path parts of the spec's servers (OpenAPI 3) or its basePath (Swagger 2); `['']` when none. */
export function basePathsOf(spec: LoadedSpec): string[] {
  const root = spec.root?.value as Record<string, unknown> | undefined;
  if (!root) return [''];
  if (spec.version === '2.0') return [normaliseBasePath(typeof root.basePath === 'string' ? root.basePath : '')];
  return serverBasePaths(root) ?? [''];
}

/** The sorted, distinct path parts of the `servers` of a root, path item or operation; `undefined` when it declares none. */
function serverBasePaths(owner: unknown): string[] | undefined {
  const servers = isObjectLike(owner) && Array.isArray((owner as Record<string, unknown>).servers) ? ((owner as Record<string, unknown>).servers as unknown[]) : [];
  const bases = servers
    .filter(isObjectLike)
    .map((server) => serverPath(server as Record<string, unknown>))
    .filter((base): base is string => base !== undefined);
  return bases.length > 0 ? [...new Set(bases)].sort() : undefined;
}

function serverPath(server: Record<string, unknown>): string | undefined {
  if (typeof server.url !== 'string') return undefined;
  const variables = isObjectLike(server.variables) ? (server.variables as Record<string, { default?: unknown }>) : {};
  const url = server.url.replace(/\{([^}]+)\}/g, (whole, name: string) => {
    const fallback = variables[name]?.default;
    return fallback === undefined ? whole : String(fallback);
  });
  const withoutOrigin = url.replace(/^[a-z][a-z0-9+.-]*:\/\/[^/]*/i, '');
  return normaliseBasePath(withoutOrigin);
}

function normaliseBasePath(base: string): string {
  const trimmed = base.split(/[?#]/)[0].replace(/\/+$/, '');
  if (trimmed === '' || trimmed === '/') return '';
  return trimmed.startsWith('/') ? trimmed : `/${trimmed}`;
}

function joinPaths(base: string, specPath: string): string {
  return `${base}${specPath}`.replace(/\/{2,}/g, '/');
}
