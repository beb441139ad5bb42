import type { LoadedSpec, SpecNode } from '@contract-graph/core';

/** What a request carried besides its body: where its parameters come from. */
export interface RequestCall {
  /** The URL's path (`/api/users/abc`), still percent-encoded. */
  path: string;
  query: URLSearchParams;
  /** Header names lowercased; `undefined` when the client's headers cannot be seen (then headers are not checked). */
  headers?: Record<string, string>;
}

/** A parameter of the operation, ready to be checked. */
export interface ParameterSpec {
  name: string;
  location: 'path' | 'query' | 'header';
  required: boolean;
  /** The schema node (OpenAPI 3) or, in Swagger 2.0, the parameter itself (its `type`, `format`, ... are the schema). */
  schema: SpecNode;
  node: SpecNode;
  /** Whether several values come as repeated query keys rather than one comma-separated value. */
  repeated: boolean;
  isArray: boolean;
}

/** Headers OpenAPI says to ignore as parameters: the request's content type and auth are described elsewhere. */
const IGNORED_HEADERS = new Set(['accept', 'content-type', 'authorization']);

/** The path, query and header parameters of an operation (cookie and body parameters are not checked here). */
export function describeParameters(spec: LoadedSpec, parameters: SpecNode[]): ParameterSpec[] {
  const described: ParameterSpec[] = [];
  for (const node of parameters) {
    const value = node.value as Record<string, unknown>;
    const location = value.in;
    if ((location !== 'path' && location !== 'query' && location !== 'header') || typeof value.name !== 'string') continue;
    if (location === 'header' && IGNORED_HEADERS.has(value.name.toLowerCase())) continue;
    const schema = spec.version === '2.0' ? node : spec.child(node, 'schema');
    if (!schema) continue;
    const schemaType = (spec.deref(schema)?.value as { type?: unknown } | undefined)?.type;
    if (!isPlainSerialization(value, schemaType)) continue;
    const isArray = schemaType === 'array' || (Array.isArray(schemaType) && schemaType.includes('array'));
    const repeated = spec.version === '2.0' ? value.collectionFormat === 'multi' : location === 'query' && value.explode !== false && (value.style ?? 'form') === 'form';
    described.push({ name: value.name, location, required: location === 'path' || value.required === true, schema, node, repeated, isArray });
  }
  return described;
}

/**
 * Whether the value is a plain text or a comma-separated / repeated list, which is all this reads:
 * objects, `deepObject`, `spaceDelimited`, `pipeDelimited`, matrix and label styles (and Swagger's
 * `ssv`, `tsv`, `pipes`) are left unchecked rather than misread.
 */
function isPlainSerialization(parameter: Record<string, unknown>, schemaType: unknown): boolean {
  if (schemaType === 'object' || (Array.isArray(schemaType) && schemaType.includes('object'))) return false;
  if (parameter.style !== undefined && parameter.style !== 'form' && parameter.style !== 'simple') return false;
  return parameter.collectionFormat === undefined || parameter.collectionFormat === 'csv' || parameter.collectionFormat === 'multi';
}

/**
 * The values of the path template's `{name}` segments in a concrete path: `/api/users/{id}` and
 * `/api/users/abc` give `{ id: 'abc' }`. The template is matched against the end of the path, so
 * a server prefix the template does not have is fine; `undefined` when it does not match.
 */
export function pathParameterValues(template: string, path: string): Record<string, string> | undefined {
  const names: string[] = [];
  const source = template
    .split(/(\{[^}]+\})/)
    .map((part) => {
      const name = /^\{([^}]+)\}$/.exec(part)?.[1];
      if (name === undefined) return part.replace(/[.*+?^$()|[\]\\{}]/g, '\\$&');
      names.push(name);
      return '([^/]+)';
    })
    .join('');
  const match = new RegExp(`${source}/?$`).exec(path);
  if (!match) return undefined;
  const values: Record<string, string> = {};
  names.forEach((name, index) => {
    values[name] = safeDecode(match[index + 1]);
  });
  return values;
}

/**
 * The raw value of a parameter in a call: a string, a list of strings for arrays (repeated query
 * keys, or comma-separated), or `undefined` when the call does not carry it.
 */
export function rawParameterValue(parameter: ParameterSpec, call: RequestCall, pathValues: Record<string, string> | undefined): string | string[] | undefined {
  let values: string[];
  if (parameter.location === 'query') values = call.query.getAll(parameter.name);
  else if (parameter.location === 'header') values = call.headers?.[parameter.name.toLowerCase()] !== undefined ? [call.headers[parameter.name.toLowerCase()]] : [];
  else values = pathValues?.[parameter.name] !== undefined ? [pathValues[parameter.name]] : [];
  if (values.length === 0) return undefined;
  if (!parameter.isArray) return values[0];
  return parameter.repeated ? values : values[0].split(',').map((item) => item.trim());
}

/** A fetch/axios/msw headers value (a `Headers`, an `AxiosHeaders`, a pair list or a record) as a lowercased record. */
export function headerRecord(headers: unknown): Record<string, string> {
  const record: Record<string, string> = {};
  if (!headers || typeof headers !== 'object') return record;
  // Duck-typed: a `Headers` may come from another realm than this module's (jest's sandbox).
  const source = headers as { entries?: () => Iterable<[string, unknown]>; get?: unknown; toJSON?: () => unknown };
  let entries: Array<[string, unknown]>;
  if (typeof source.toJSON === 'function') entries = Object.entries(source.toJSON() as object);
  else if (typeof source.entries === 'function' && typeof source.get === 'function') entries = [...source.entries()];
  else if (Array.isArray(headers)) entries = headers as Array<[string, unknown]>;
  else entries = Object.entries(headers);
  for (const [name, value] of entries) {
    if (value !== undefined && value !== null && typeof value !== 'object' && typeof value !== 'function') record[name.toLowerCase()] = String(value);
  }
  return record;
}

function safeDecode(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
