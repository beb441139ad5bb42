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

/** The parameters of an operation, in a stable order, `in: body` and `in: formData` (Swagger 2: the request body) excluded. */
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
      if (typeof value.name !== 'string' || typeof value.in !== 'string' || value.in === 'body' || (spec.version === '2.0' && value.in === 'formData')) return;
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
  if (spec.version === '2.0') return swaggerRequestBody(spec, operation);
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
    const media = spec.version === '2.0' ? swaggerMedia(spec, node, swaggerMediaTypes(spec, operation, 'produces')) : mediaOf(spec, node);
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

function swaggerMedia(spec: LoadedSpec, response: SpecNode, produces: readonly string[]): Map<string, SpecNode | undefined> {
  const schema = spec.child(response, 'schema');
  return schema ? new Map(produces.map((mediaType) => [mediaType, schema])) : new Map();
}

/**
 * The media types a Swagger 2 operation consumes and produces when they are not just
 * `application/json` (what a spec that names none gets); `undefined` for OpenAPI 3, whose
 * operations name their media types themselves.
 */
export function swaggerMediaTypesOf(spec: LoadedSpec, operation: Operation): { consumes: string[]; produces: string[] } | undefined {
  if (spec.version !== '2.0') return undefined;
  const media = { consumes: swaggerMediaTypes(spec, operation, 'consumes'), produces: swaggerMediaTypes(spec, operation, 'produces') };
  return media.consumes.join() === 'application/json' && media.produces.join() === 'application/json' ? undefined : media;
}

/** Swagger 2 `consumes`/`produces`: the operation's, else the spec's; `application/json` when neither says. */
function swaggerMediaTypes(spec: LoadedSpec, operation: Operation, key: 'consumes' | 'produces'): string[] {
  const own = (operation.node.value as Record<string, unknown>)[key];
  const listed = Array.isArray(own) ? own : (spec.root?.value as Record<string, unknown> | undefined)?.[key];
  const types = Array.isArray(listed) ? listed.filter((type): type is string => typeof type === 'string').map((type) => type.toLowerCase()) : [];
  return types.length > 0 ? [...new Set(types)].sort() : ['application/json'];
}

const FORM_MEDIA_TYPES = new Set(['application/x-www-form-urlencoded', 'multipart/form-data']);

/** Swagger 2: the `in: body` parameter under each type the operation consumes, or its `in: formData` parameters as a form. */
function swaggerRequestBody(spec: LoadedSpec, operation: Operation): RequestBodyPart | undefined {
  const consumes = swaggerMediaTypes(spec, operation, 'consumes');
  const fields = new Map<string, SpecNode>();
  // The operation's own parameters first: they win over the path item's of the same name.
  for (const owner of [operation.node, pathItemOf(spec, operation)]) {
    const list = owner && spec.child(owner, 'parameters');
    if (!list || !Array.isArray(list.value)) continue;
    for (let index = 0; index < list.value.length; index++) {
      const node = spec.child(list, String(index));
      const value = node?.value as Record<string, unknown> | undefined;
      if (!node || !isObjectLike(value)) continue;
      if (value.in === 'body') return { node, required: value.required === true, media: new Map(consumes.map((mediaType) => [mediaType, spec.child(node, 'schema')])) };
      if (value.in === 'formData' && typeof value.name === 'string' && !fields.has(value.name)) fields.set(value.name, node);
    }
  }
  if (fields.size === 0) return undefined;
  const schema = formSchema(operation.node, fields);
  const forms = consumes.filter((mediaType) => FORM_MEDIA_TYPES.has(mediaType));
  const hasFile = Object.values(schema.value.properties as Record<string, Record<string, unknown>>).some((field) => field.format === 'binary');
  const mediaTypes = forms.length > 0 ? forms : [hasFile ? 'multipart/form-data' : 'application/x-www-form-urlencoded'];
  return { node: schema, required: Array.isArray(schema.value.required), media: new Map(mediaTypes.map((mediaType) => [mediaType, schema])) };
}

/** One form schema per operation object, so that hashing and pairing see the same node each time. */
const formSchemas = new WeakMap<object, SpecNode & { value: Record<string, unknown> }>();

/**
 * Swagger 2 `in: formData` parameters as the object schema of the form they make (what an
 * OpenAPI 3 conversion writes): one property per field, `type: file` as a binary string. Located at
 * the operation's `parameters`.
 */
function formSchema(operationNode: SpecNode, fields: Map<string, SpecNode>): SpecNode & { value: Record<string, unknown> } {
  const known = formSchemas.get(operationNode.value as object);
  if (known) return known;
  const properties: Record<string, unknown> = {};
  const required: string[] = [];
  for (const name of [...fields.keys()].sort(compareText)) {
    const { name: _name, in: _in, required: isRequired, collectionFormat: _format, allowEmptyValue: _empty, ...field } = (fields.get(name) as SpecNode).value as Record<string, unknown>;
    properties[name] = field.type === 'file' ? { ...field, type: 'string', format: 'binary' } : field;
    if (isRequired === true) required.push(name);
  }
  const schema = { file: operationNode.file, pointer: `${operationNode.pointer}/parameters`, value: { type: 'object', properties, ...(required.length > 0 ? { required } : {}) } };
  formSchemas.set(operationNode.value as object, schema);
  return schema;
}
