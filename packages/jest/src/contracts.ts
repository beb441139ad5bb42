import * as fs from 'node:fs';
import * as path from 'node:path';
import Ajv2020, { type ErrorObject, type ValidateFunction } from 'ajv/dist/2020';
import addFormats from 'ajv-formats';
import {
  encodePointer,
  listOperations,
  loadSpec,
  operationKey,
  resolveCall,
  type LoadedSpec,
  type Operation,
  type SpecLocation,
  type SpecNode,
} from '@contract-graph/core';
import { describeParameters, pathParameterValues, rawParameterValue, type ParameterSpec, type RequestCall } from './parameters';
import { FORBIDDEN_KEYWORD, toJsonSchema, type Direction } from './to-json-schema';

/** One thing wrong with a body or a call, pointed at the instance and at the spec. */
export interface ContractProblem {
  /** JSON pointer into the body (`/lastLogin`; `''` for the body itself). */
  pointer: string;
  message: string;
  /** Where the spec says so. */
  spec?: SpecLocation;
}

/** A spec as the validators use it. */
export interface ContractSpec {
  file: string;
  spec: LoadedSpec;
  operations: Operation[];
  /** Non-empty server base paths (`/api`): a URL under one of them belongs to this spec. */
  basePaths: string[];
}

export type OperationMatch =
  | { kind: 'matched'; contract: ContractSpec; operation: Operation }
  /** The URL is under this spec's API but matches none of its operations. */
  | { kind: 'unknown'; contract: ContractSpec; suggestion?: Operation }
  | { kind: 'unrelated' };

/** What a body was checked against, and what was wrong with it. */
export interface BodyCheck {
  /** The status key of the spec's response (`200`, `2XX`, `default`); undefined for requests. */
  statusKey?: string;
  mediaType?: string;
  /** The body's schema in the spec, when there is one. */
  schema?: SpecLocation;
  problems: ContractProblem[];
}

export interface ContractSetOptions {
  /** Treat properties a schema does not list as errors, and readOnly/writeOnly on the wrong side (default true). */
  strictRequests?: boolean;
  strictResponses?: boolean;
}

/**
 * The specs a test file validates against: loads them lazily, resolves URLs to operations, and
 * keeps one compiled validator per operation, direction, status and media type.
 */
export class ContractSet {
  private loaded?: ContractSpec[];
  private readonly validators = new Map<string, { validate: ValidateFunction; origins: WeakMap<object, SpecNode>; schema: object }>();
  private readonly ajv: Ajv2020;
  /** Parameters arrive as strings: this one reads `"42"` as the number an `integer` schema wants. */
  private readonly coercingAjv: Ajv2020;

  constructor(
    readonly workspaceRoot: string,
    private readonly specFiles: () => string[],
    private readonly options: ContractSetOptions = {},
  ) {
    this.ajv = createAjv(false);
    this.coercingAjv = createAjv(true);
  }

  /** The specs, loaded on first use; a spec that cannot be loaded is kept with its problems. */
  get specs(): ContractSpec[] {
    if (!this.loaded) {
      const read = (file: string) => {
        try {
          return fs.readFileSync(path.join(this.workspaceRoot, file), 'utf8');
        } catch {
          return undefined;
        }
      };
      this.loaded = this.specFiles().map((file) => {
        const spec = loadSpec(file, read);
        const operations = listOperations(spec);
        const basePaths = [...new Set(operations.map((operation) => operation.path.slice(0, operation.path.length - operation.specPath.length)))].filter((base) => base !== '');
        return { file, spec, operations, basePaths };
      });
    }
    return this.loaded;
  }

  /** Resolves a concrete URL path (`/api/users/42`) or a template (`/api/users/{}`) to an operation. */
  match(method: string, urlPath: string): OperationMatch {
    let best: { contract: ContractSpec; operation: Operation; score: number } | undefined;
    const unknowns: Array<OperationMatch & { kind: 'unknown' }> = [];
    for (const contract of this.specs) {
      const resolution = resolveCall(method, urlPath, contract.operations);
      // A URL that overlapping templates (`/a/{x}`, `/{y}/b`) fit equally well is still an
      // operation of the spec: it is checked against the first of them by path.
      const operation = resolution.kind === 'matched' ? resolution.operation : resolution.kind === 'ambiguous' ? resolution.candidates[0] : undefined;
      if (operation) {
        const score = operation.path.split('/').filter((segment) => segment !== '' && !segment.includes('{')).length;
        if (!best || score > best.score) best = { contract, operation, score };
      } else if (resolution.kind === 'method-not-found') {
        unknowns.push({ kind: 'unknown', contract, suggestion: resolution.candidates[0] });
      } else if (resolution.kind === 'path-not-found') {
        unknowns.push({ kind: 'unknown', contract, suggestion: resolution.nearest });
      } else if (contract.basePaths.some((base) => urlPath === base || urlPath.startsWith(`${base}/`))) {
        unknowns.push({ kind: 'unknown', contract, suggestion: nearestByName(method, urlPath, contract.operations) });
      }
    }
    if (best) return { kind: 'matched', contract: best.contract, operation: best.operation };
    return closestUnknown(urlPath, unknowns) ?? { kind: 'unrelated' };
  }

  /**
   * Finds an operation by `METHOD /path/{param}` (parameter names ignored, base path optional)
   * or by operationId.
   */
  findOperation(reference: string): { contract: ContractSpec; operation: Operation } | undefined {
    const spaced = /^([A-Za-z]+)\s+(\S+)$/.exec(reference.trim());
    for (const contract of this.specs) {
      for (const operation of contract.operations) {
        if (spaced) {
          const key = operationKey(spaced[1], spaced[2]);
          if (operation.key === key || operationKey(operation.method, operation.specPath) === key) return { contract, operation };
        } else if (operation.operationId === reference.trim()) {
          return { contract, operation };
        }
      }
    }
    return undefined;
  }

  /** Checks a response body (already parsed JSON; `undefined` when there is none) against the operation. */
  checkResponse(contract: ContractSpec, operation: Operation, status: number, contentType: string | undefined, body: unknown): BodyCheck {
    const { spec } = contract;
    const responses = spec.child(operation.node, 'responses');
    const statusKey = responses && isRecord(responses.value) ? findStatusKey(Object.keys(responses.value), status) : undefined;
    if (!responses || statusKey === undefined) {
      const declared = responses && isRecord(responses.value) ? Object.keys(responses.value).join(', ') : 'none';
      return {
        problems: [{ pointer: '', message: `status ${status} is not declared (declared: ${declared})`, spec: spec.locate({ file: responses?.file ?? operation.node.file, pointer: responses?.pointer ?? operation.node.pointer }) }],
      };
    }
    const response = spec.child(responses, statusKey) as SpecNode;
    const schemaNode = bodySchema(spec, response, contentType, 'response');
    if (!schemaNode || body === undefined) return { statusKey, problems: [] };
    return { statusKey, mediaType: schemaNode.mediaType, schema: spec.locate(schemaNode.node), problems: this.validate(contract, schemaNode.node, 'response', body) };
  }

  /**
   * Checks a request: its path, query and header parameters (when `call` is given; headers only
   * when the client's are known), and the JSON body (`undefined` when none was sent).
   */
  checkRequest(contract: ContractSpec, operation: Operation, call: RequestCall | undefined, contentType: string | undefined, body: unknown): BodyCheck {
    const { spec } = contract;
    const problems: ContractProblem[] = call ? this.checkParameters(contract, operation, call) : [];
    const requestBody = spec.version === '2.0' ? undefined : spec.child(operation.node, 'requestBody');
    const swaggerBody = spec.version === '2.0' ? swaggerBodySchema(spec, operation) : undefined;
    const schemaNode = swaggerBody ?? (requestBody && bodySchema(spec, requestBody, contentType, 'request'));
    if (body === undefined) {
      const required = swaggerBody ? swaggerBody.required : isRecord(requestBody?.value) && requestBody.value.required === true;
      if (required) problems.push({ pointer: '', message: 'the request body is required but none was sent', spec: spec.locate(requestBody ?? operation.node) });
      return { problems };
    }
    if (!schemaNode) return { problems };
    problems.push(...this.validate(contract, schemaNode.node, 'request', body));
    return { mediaType: schemaNode.mediaType, schema: spec.locate(schemaNode.node), problems };
  }

  /** Every path, query and header parameter the call carries, against its schema; required ones must be there. */
  private checkParameters(contract: ContractSpec, operation: Operation, call: RequestCall): ContractProblem[] {
    const { spec } = contract;
    const pathValues = pathParameterValues(operation.path, call.path);
    const problems: ContractProblem[] = [];
    for (const parameter of describeParameters(spec, parametersOf(spec, operation))) {
      if (parameter.location === 'header' && !call.headers) continue;
      if (parameter.location === 'path' && !pathValues) continue;
      const value = rawParameterValue(parameter, call, pathValues);
      if (value === undefined) {
        if (parameter.required) problems.push({ pointer: '', message: `required ${parameter.location} parameter '${parameter.name}' is missing`, spec: spec.locate(parameter.node) });
        continue;
      }
      problems.push(...this.validate(contract, parameter.schema, 'request', value, parameterLabel(parameter)));
    }
    return problems;
  }

  /** Validates `value` against the schema at `schemaNode`; `subject` names the value in messages (a parameter, else the body). */
  private validate(contract: ContractSpec, schemaNode: SpecNode, direction: Direction, value: unknown, subject?: string): ContractProblem[] {
    const strict = (direction === 'request' ? this.options.strictRequests : this.options.strictResponses) ?? true;
    const coerce = subject !== undefined;
    const key = `${schemaNode.file}#${schemaNode.pointer}|${direction}|${strict}|${coerce}`;
    let entry = this.validators.get(key);
    if (!entry) {
      const converted = toJsonSchema(contract.spec, schemaNode, { direction, strict });
      const ajv = coerce ? this.coercingAjv : this.ajv;
      entry = { validate: ajv.compile(converted.schema), origins: converted.origins, schema: converted.schema };
      this.validators.set(key, entry);
    }
    if (entry.validate(value)) return [];
    const errors = (entry.validate.errors ?? []).filter((error) => error.keyword !== 'if');
    const current = entry;
    return dedupe(errors.map((error) => describeError(error, value, current.schema, current.origins, contract.spec, subject)));
  }
}

/**
 * Several specs may share a base path (`/api`): the URL is reported against the one whose
 * suggestion is closest to it, a spec with a suggestion before one without (then spec order).
 */
function closestUnknown(urlPath: string, unknowns: Array<OperationMatch & { kind: 'unknown' }>): OperationMatch | undefined {
  const distance = (candidate: OperationMatch & { kind: 'unknown' }) =>
    candidate.suggestion ? editDistance(pathShape(urlPath), pathShape(candidate.suggestion.path)) : Number.POSITIVE_INFINITY;
  let closest: (OperationMatch & { kind: 'unknown' }) | undefined;
  for (const candidate of unknowns) if (!closest || distance(candidate) < distance(closest)) closest = candidate;
  return closest;
}

/** `/api/users/{id}` and `/api/users/42` alike as `/api/users/{}`-ish shapes for edit distances. */
function pathShape(text: string): string {
  return text.replace(/\{[^}]*\}/g, '{}');
}

/** The operation whose path is closest to the URL's (same method first): a "did you mean". */
function nearestByName(method: string, urlPath: string, operations: Operation[]): Operation | undefined {
  const target = pathShape(urlPath);
  let best: { operation: Operation; distance: number } | undefined;
  for (const operation of operations) {
    const distance = editDistance(target, pathShape(operation.path)) + (operation.method === method.toUpperCase() ? 0 : 2);
    if (!best || distance < best.distance) best = { operation, distance };
  }
  return best && best.distance <= Math.max(3, Math.floor(target.length / 4)) ? best.operation : undefined;
}

function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, index) => index);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) current[j] = Math.min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
    previous = current;
  }
  return previous[b.length];
}

/** `path parameter 'id'`: how a parameter is named in messages. */
function parameterLabel(parameter: ParameterSpec): string {
  return `${parameter.location} parameter '${parameter.name}'`;
}

/** With `coerceTypes: 'array'`, a parameter's text `"42"` passes as an integer and a single value as a one-item array. */
function createAjv(coerceTypes: boolean): Ajv2020 {
  const ajv = new Ajv2020({ strict: false, allErrors: true, validateFormats: true, logger: false, coerceTypes: coerceTypes ? 'array' : false });
  addFormats(ajv);
  // OpenAPI's own formats: ranges for the integer ones, the rest only document the value.
  ajv.addFormat('int32', { type: 'number', validate: (value: number) => Number.isInteger(value) && value >= -(2 ** 31) && value < 2 ** 31 });
  ajv.addFormat('int64', { type: 'number', validate: (value: number) => Number.isInteger(value) });
  for (const format of ['float', 'double']) ajv.addFormat(format, { type: 'number', validate: () => true });
  for (const format of ['binary', 'password', 'byte']) ajv.addFormat(format, true);
  ajv.addKeyword({
    keyword: FORBIDDEN_KEYWORD,
    schemaType: 'string',
    errors: true,
    validate: function forbidden(this: unknown, reason: string) {
      (forbidden as unknown as { errors: Partial<ErrorObject>[] }).errors = [{ keyword: FORBIDDEN_KEYWORD, message: reason, params: { reason } }];
      return false;
    },
  });
  return ajv;
}

/** `200`, then `2XX`, then `default`. */
export function findStatusKey(keys: string[], status: number): string | undefined {
  const exact = keys.find((key) => key === String(status));
  if (exact) return exact;
  const range = keys.find((key) => key.toUpperCase() === `${String(status)[0]}XX`);
  return range ?? keys.find((key) => key === 'default');
}

/** The JSON schema of a response or request body for a content type (the first JSON one when it says nothing useful). */
function bodySchema(spec: LoadedSpec, owner: SpecNode, contentType: string | undefined, direction: Direction): { node: SpecNode; mediaType: string } | undefined {
  if (spec.version === '2.0') {
    if (direction === 'request') return undefined;
    const schema = spec.child(owner, 'schema');
    return schema ? { node: schema, mediaType: 'application/json' } : undefined;
  }
  const content = spec.child(owner, 'content');
  if (!content || !isRecord(content.value)) return undefined;
  const mediaTypes = Object.keys(content.value);
  const actual = contentType?.split(';')[0].trim().toLowerCase();
  const jsonTypes = mediaTypes.filter(isJsonMediaType);
  const chosen =
    (actual && mediaTypes.find((type) => type.toLowerCase() === actual && isJsonMediaType(type))) ??
    (actual && mediaTypes.find((type) => type.endsWith('/*') && actual.startsWith(type.slice(0, -1)) && isJsonMediaType(actual))) ??
    jsonTypes[0];
  if (!chosen) return undefined;
  const media = { file: content.file, pointer: `${content.pointer}/${encodePointer(chosen)}`, value: content.value[chosen] };
  const schema = spec.child(media, 'schema');
  return schema ? { node: schema, mediaType: chosen } : undefined;
}

function swaggerBodySchema(spec: LoadedSpec, operation: Operation): { node: SpecNode; mediaType: string; required: boolean } | undefined {
  for (const parameter of parametersOf(spec, operation)) {
    const value = parameter.value as Record<string, unknown>;
    if (value.in !== 'body') continue;
    const schema = spec.child(parameter, 'schema');
    if (schema) return { node: schema, mediaType: 'application/json', required: value.required === true };
  }
  return undefined;
}

/** Path-item parameters, overridden by the operation's own (same name and location). */
function parametersOf(spec: LoadedSpec, operation: Operation): SpecNode[] {
  const collect = (owner: SpecNode | undefined) => {
    const list = owner && spec.child(owner, 'parameters');
    if (!list || !Array.isArray(list.value)) return [];
    return list.value.map((_, index) => spec.child(list, String(index))).filter((node): node is SpecNode => node !== undefined && isRecord(node.value));
  };
  const paths = spec.root && spec.child(spec.root, 'paths');
  const pathItem = paths && spec.child(paths, operation.specPath);
  const byKey = new Map<string, SpecNode>();
  for (const parameter of [...collect(pathItem), ...collect(operation.node)]) {
    const value = parameter.value as Record<string, unknown>;
    byKey.set(`${String(value.in)}:${String(value.name)}`, parameter);
  }
  return [...byKey.values()];
}

function isJsonMediaType(mediaType: string): boolean {
  const base = mediaType.split(';')[0].trim().toLowerCase();
  return base === 'application/json' || base.endsWith('+json') || base === '*/*' || base === 'application/*';
}

/** Turns one ajv error into a message with the instance pointer, expected vs actual, and the spec node. */
function describeError(error: ErrorObject, body: unknown, root: object, origins: WeakMap<object, SpecNode>, spec: LoadedSpec, subject?: string): ContractProblem {
  const origin = originOf(error.schemaPath, root, origins);
  const location = origin ? spec.locate(origin) : undefined;
  const actual = valueAt(body, error.instancePath);
  // A parameter's problems name the parameter (`query parameter 'ids'/1`); a body's start with the pointer.
  const at = subject ? `${subject}${error.instancePath}` : error.instancePath;
  const params = error.params as Record<string, unknown>;
  let pointer = error.instancePath;
  let message: string;
  switch (error.keyword) {
    case 'unevaluatedProperties':
    case 'additionalProperties': {
      const name = encodePointer(String(params.unevaluatedProperty ?? params.additionalProperty));
      pointer = `${pointer}/${name}`;
      message = `${at}/${name} is not in the contract (unknown property)`;
      break;
    }
    case 'required': {
      const name = encodePointer(String(params.missingProperty));
      pointer = `${pointer}/${name}`;
      message = `${at}/${name} is required but missing`;
      break;
    }
    case FORBIDDEN_KEYWORD:
      message =
        params.reason === 'readOnly'
          ? `${at} is read-only: the server sets it, a request must not send it`
          : `${at} is write-only: a response must not contain it`;
      break;
    case 'type':
      message = `${at || '(body)'} must be ${String(params.type).replace(/,/g, ' or ')}, got ${describeValue(actual)}`;
      break;
    case 'format':
      message = `${at || '(body)'} must be a '${String(params.format)}' string, got ${describeValue(actual)}`;
      break;
    case 'enum':
      message = `${at || '(body)'} must be one of ${(params.allowedValues as unknown[]).map((value) => JSON.stringify(value)).join(', ')}, got ${describeValue(actual)}`;
      break;
    case 'const':
      message = `${at || '(body)'} must be ${JSON.stringify(params.allowedValue)}, got ${describeValue(actual)}`;
      break;
    default:
      message = `${at || '(body)'} ${error.message ?? `fails '${error.keyword}'`}, got ${describeValue(actual)}`;
  }
  return { pointer, message, spec: location };
}

/** The spec node of the deepest converted schema object on `schemaPath` (`#/$defs/User/properties/email/format`). */
function originOf(schemaPath: string, root: object, origins: WeakMap<object, SpecNode>): SpecNode | undefined {
  const segments = schemaPath.replace(/^#\/?/, '').split('/').filter((segment) => segment !== '').map((segment) => decodeURIComponent(segment).replace(/~1/g, '/').replace(/~0/g, '~'));
  let current: unknown = root;
  let origin = origins.get(root);
  for (const segment of segments) {
    if (!current || typeof current !== 'object') break;
    current = (current as Record<string, unknown>)[segment];
    if (current && typeof current === 'object') origin = origins.get(current) ?? origin;
  }
  return origin;
}

function valueAt(body: unknown, pointer: string): unknown {
  let current = body;
  for (const segment of pointer.split('/').slice(1)) {
    const key = segment.replace(/~1/g, '/').replace(/~0/g, '~');
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<string, unknown>)[key];
  }
  return current;
}

/** `"x"`, `42`, `null`, `an object`, `an array`: short enough for one line. */
export function describeValue(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (Array.isArray(value)) return 'an array';
  if (value !== null && typeof value === 'object') return 'an object';
  const text = JSON.stringify(value);
  return text.length > 60 ? `${text.slice(0, 57)}...` : text;
}

function dedupe(problems: ContractProblem[]): ContractProblem[] {
  const seen = new Set<string>();
  return problems.filter((problem) => {
    const key = `${problem.pointer} ${problem.message}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
