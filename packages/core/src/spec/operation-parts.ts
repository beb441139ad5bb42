import { encodePointer } from './json-pointer';
import { isObjectLike, type LoadedSpec, type SpecNode } from './load-spec';
import type { Operation } from './operations';
import { compareText } from '../compare-text';

/** One parameter of an operation, path-level ones merged in (the operation's own win). */
export interface ParameterPart {
  name: string;
  in: string;
  required: boolean;
  node: SpecNode;
  /** The schema node: `schema` in OpenAPI 3, the parameter itself in Swagger 2. */
  schema?: SpecNode;
  /** Position of a path parameter in the path template (names do not matter, positions do). */
  pathIndex?: number;
}

/** An operation's request body: whether it is required and its schema per media type. */
export interface RequestBodyPart {
  node: SpecNode;
  required: boolean;
  media: Map<string, SpecNode | undefined>;
}

/** One response of an operation. */
export interface ResponsePart {
  status: string;
  node: SpecNode;
  media: Map<string, SpecNode | undefined>;
  headers: Map<string, { node: SpecNode; required: boolean }>;
}

/** The parameters of an operation, in a stable order, `in: body` (Swagger 2) excluded. */
export function operationParameters(spec: LoadedSpec, operation: Operation): ParameterPart[] {
  const pathItem = pathItemOf(spec, operation);
  const byKey = new Map<string, ParameterPart>();
  for (const owner of [pathItem, operation.node]) {
    const list = owner && spec.child(owner, 'parameters');
    if (!list || !Array.isArray(list.value)) continue;
    list.value.forEach((_item, index) => {
      const node = spec.child(list, String(index));
      if (!node || !isObjectLike(node.value)) return;
      const value = node.value as Record<string, unknown>;
      if (typeof value.name !== 'string' || typeof value.in !== 'string' || value.in === 'body') return;
      const location = value.in.toLowerCase();
      const name = location === 'header' ? value.name.toLowerCase() : value.name;
      const schema = spec.version === '2.0' ? node : spec.child(node, 'schema');
      byKey.set(`${location} ${name}`, { name: value.name, in: location, required: value.required === true || location === 'path', node, ...(schema ? { schema } : {}) });
    });
  }
  const pathNames = [...operation.specPath.matchAll(/\{([^}]*)\}/g)].map((match) => match[1]);
  for (const part of byKey.values()) {
    if (part.in !== 'path') continue;
    const index = pathNames.indexOf(part.name);
    if (index !== -1) part.pathIndex = index;
  }
  return [...byKey.values()].sort((a, b) => compareText(a.in, b.in) || compareText(a.name, b.name));
}

/** The request body of an operation (OpenAPI 3 `requestBody`, Swagger 2 `in: body`/`formData`). */
export function operationRequestBody(spec: LoadedSpec, operation: Operation): RequestBodyPart | undefined {
  if (spec.version === '2.0') {
    const list = spec.child(operation.node, 'parameters');
    const pathList = spec.child(pathItemOf(spec, operation) ?? operation.node, 'parameters');
    for (const candidates of [list, pathList]) {
      if (!candidates || !Array.isArray(candidates.value)) continue;
      for (let index = 0; index < candidates.value.length; index++) {
        const node = spec.child(candidates, String(index));
        const value = node?.value as Record<string, unknown> | undefined;
        if (!node || value?.in !== 'body') continue;
        return { node, required: value.required === true, media: new Map([['application/json', spec.child(node, 'schema')]]) };
      }
    }
    return undefined;
  }
  const body = spec.child(operation.node, 'requestBody');
  if (!body || !isObjectLike(body.value)) return undefined;
  return { node: body, required: (body.value as Record<string, unknown>).required === true, media: mediaOf(spec, body) };
}

/** The responses of an operation by status code (`200`, `4XX`, `default`). */
export function operationResponses(spec: LoadedSpec, operation: Operation): Map<string, ResponsePart> {
  const result = new Map<string, ResponsePart>();
  const responses = spec.child(operation.node, 'responses');
  if (!responses || !isObjectLike(responses.value)) return result;
  for (const status of Object.keys(responses.value)) {
    if (status.startsWith('x-')) continue;
    const node = spec.child(responses, status);
    if (!node || !isObjectLike(node.value)) continue;
    const media = spec.version === '2.0' ? swaggerMedia(spec, node) : mediaOf(spec, node);
    const headers = new Map<string, { node: SpecNode; required: boolean }>();
    const headerMap = spec.child(node, 'headers');
    if (headerMap && isObjectLike(headerMap.value)) {
      for (const name of Object.keys(headerMap.value)) {
        const header = spec.child(headerMap, name);
        if (header && isObjectLike(header.value)) headers.set(name.toLowerCase(), { node: header, required: (header.value as Record<string, unknown>).required === true });
      }
    }
    result.set(status.toUpperCase(), { status: status.toUpperCase(), node, media, headers });
  }
  return result;
}

/** True for 2xx statuses (and `2XX`): the responses consumer code reads. */
export function isSuccessStatus(status: string): boolean {
  return /^2(\d\d|XX)$/i.test(status);
}

/** The security requirement alternatives that apply to an operation (its own, else the spec's). */
export function operationSecurity(spec: LoadedSpec, operation: Operation): Array<Record<string, string[]>> | undefined {
  const own = (operation.node.value as Record<string, unknown>).security;
  const root = spec.root?.value as Record<string, unknown> | undefined;
  const security = own !== undefined ? own : root?.security;
  if (!Array.isArray(security)) return undefined;
  return security.filter(isObjectLike).map((requirement) => {
    const entries = Object.entries(requirement as Record<string, unknown>).map(([name, scopes]) => [name, Array.isArray(scopes) ? scopes.map(String).sort() : []] as const);
    return Object.fromEntries(entries);
  });
}

/** The `parameters` list of the operation's path item, which every operation of the path shares; `undefined` when there is none. */
export function pathLevelParameters(spec: LoadedSpec, operation: Operation): SpecNode | undefined {
  const pathItem = pathItemOf(spec, operation);
  return pathItem && spec.child(pathItem, 'parameters');
}

function pathItemOf(spec: LoadedSpec, operation: Operation): SpecNode | undefined {
  const paths = spec.root && spec.child(spec.root, 'paths');
  return paths ? spec.child(paths, operation.specPath) : undefined;
}

function mediaOf(spec: LoadedSpec, owner: SpecNode): Map<string, SpecNode | undefined> {
  const media = new Map<string, SpecNode | undefined>();
  const content = spec.child(owner, 'content');
  if (!content || !isObjectLike(content.value)) return media;
  for (const mediaType of Object.keys(content.value).sort()) {
    const entry: SpecNode = { file: content.file, pointer: `${content.pointer}/${encodePointer(mediaType)}`, value: (content.value as Record<string, unknown>)[mediaType] };
    media.set(mediaType.toLowerCase(), spec.child(entry, 'schema'));
  }
  return media;
}

function swaggerMedia(spec: LoadedSpec, response: SpecNode): Map<string, SpecNode | undefined> {
  const schema = spec.child(response, 'schema');
  return schema ? new Map([['application/json', schema]]) : new Map();
}
