import { isObjectLike, type LoadedSpec, type SpecNode } from '../../spec/load-spec';
import { operationRequestBody, operationResponses } from '../../spec/operation-parts';
import type { Operation } from '../../spec/operations';

/**
 * The most schema objects one operation's bodies may hold. openapi-diff compares whole schema sets;
 * on GitHub's spec, bodies past ~200 schema objects took 3–30 s each.
 */
export const MAX_BODY_SCHEMAS = 150;

/**
 * `oneOf`/`anyOf` alternatives make openapi-diff's comparison exponential in their properties and
 * their number. Measured on this machine (two alternatives with distinct properties each): 1+1
 * properties 0.2 s, 2+2 0.4 s, 3+3 3.8 s, 4+4 7 s, 5+5 41 s; three alternatives of 1 property
 * 0.5 s, of 2 properties 5 s; four of 1 property 3.5 s. Bodies past these limits are skipped.
 */
export const MAX_ALTERNATIVE_PROPERTIES = 4;
export const MAX_ALTERNATIVES = 3;

/** Keywords that describe a schema but do not change what it accepts; openapi-diff need not see them. */
const ANNOTATIONS = new Set(['description', 'title', 'example', 'examples', 'externalDocs', 'xml', 'discriminator', 'deprecated', '$comment']);
const SCHEMA_MAPS = new Set(['properties', 'patternProperties']);
const SCHEMA_LISTS = new Set(['allOf', 'oneOf', 'anyOf']);
const SCHEMA_VALUES = new Set(['items', 'additionalProperties', 'not']);

/** The request and response bodies of one operation as a small OpenAPI 3.0 document without `$ref`s, or why there is none. */
export type BodiesDocument = { kind: 'document'; document: object } | { kind: 'skipped'; reason: string };

class Skip extends Error {}

/**
 * Builds the document openapi-diff compares for one operation: only its path and method, its
 * request body and its responses' bodies, every `$ref` inlined (openapi-diff would otherwise read
 * refs from the disk relative to its own working directory, or fetch them over HTTP). Swagger 2.0
 * bodies are written in OpenAPI 3.0 form, so both sides always look alike.
 */
export function bodiesDocument(spec: LoadedSpec, operation: Operation): BodiesDocument {
  const budget = { schemas: 0, alternatives: 0, alternativeProperties: 0 };
  try {
    const content = (media: Map<string, SpecNode | undefined>, side: Side) =>
      Object.fromEntries([...media].filter((entry): entry is [string, SpecNode] => entry[1] !== undefined).map(([type, schema]) => [type, { schema: inlineSchema({ spec, side, budget }, schema, []) }]));
    const body = operationRequestBody(spec, operation);
    const responses = Object.fromEntries([...operationResponses(spec, operation)].map(([status, response]) => [status, { description: 'response', content: content(response.media, 'response') }]));
    const method = operation.method.toLowerCase();
    // OpenAPI 3.0 wants at least one response; openapi-diff validates that before comparing.
    const operationObject = { ...(body ? { requestBody: { required: body.required, content: content(body.media, 'request') } } : {}), responses: Object.keys(responses).length > 0 ? responses : { default: { description: 'response' } } };
    return {
      kind: 'document',
      document: { openapi: '3.0.3', info: { title: 'bodies', version: '0' }, paths: { [operation.specPath]: { [method]: operationObject } } },
    };
  } catch (error) {
    if (error instanceof Skip) return { kind: 'skipped', reason: error.message };
    throw error;
  }
}

type Side = 'request' | 'response';

interface InlineContext {
  spec: LoadedSpec;
  side: Side;
  budget: { schemas: number; alternatives: number; alternativeProperties: number };
}

/**
 * A copy of the schema at `node` with every `$ref` replaced by what it points to. OpenAPI's
 * `readOnly` properties are not part of a request and `writeOnly` ones not part of a response;
 * openapi-diff does not know that, so they are left out of the side they do not belong to.
 */
function inlineSchema(context: InlineContext, node: SpecNode, stack: string[]): unknown {
  const { spec, budget } = context;
  if (!isObjectLike(node.value) || Array.isArray(node.value)) return node.value;
  const id = `${node.file}#${node.pointer}`;
  if (stack.includes(id)) throw new Skip('a body refers to itself (openapi-diff cannot compare recursive schemas)');
  if (++budget.schemas > MAX_BODY_SCHEMAS) throw new Skip(`bodies of more than ${MAX_BODY_SCHEMAS} schema objects (slow in openapi-diff)`);
  stack.push(id);
  const value = node.value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  const inline = (schema: SpecNode | undefined) => (schema ? inlineSchema(context, schema, stack) : {});
  const properties = spec.child(node, 'properties');
  const excluded = new Set(isObjectLike(properties?.value) ? Object.keys(properties.value).filter((name) => belongsToOtherSide(context, properties && spec.child(properties, name))) : []);
  for (const key of Object.keys(value)) {
    if (key === '$ref' || key.startsWith('x-') || ANNOTATIONS.has(key)) continue;
    const member = spec.child(node, key);
    if (SCHEMA_MAPS.has(key) && member && isObjectLike(member.value)) {
      const names = Object.keys(member.value).filter((name) => key !== 'properties' || !excluded.has(name));
      out[key] = Object.fromEntries(names.map((name) => [name, inline(spec.child(member, name))]));
    } else if (SCHEMA_LISTS.has(key) && member && Array.isArray(member.value)) {
      const alternatives = member.value.map((_item, index) => spec.child(member, String(index)));
      if (key !== 'allOf') countAlternativeProperties(alternatives, budget);
      out[key] = alternatives.map(inline);
    } else if (SCHEMA_VALUES.has(key) && member && isObjectLike(member.value)) {
      out[key] = inline(member);
    } else if (key === 'required' && Array.isArray(value.required)) {
      // An empty list is the same as none, and OpenAPI 3.0's own schema (which openapi-diff checks) forbids it.
      const required = value.required.filter((name) => !excluded.has(String(name)));
      if (required.length > 0) out[key] = required;
    } else if (key !== 'readOnly' && key !== 'writeOnly') {
      out[key] = member ? member.value : value[key];
    }
  }
  stack.pop();
  return out;
}

function belongsToOtherSide(context: InlineContext, property: SpecNode | undefined): boolean {
  const value = property?.value as Record<string, unknown> | undefined;
  return context.side === 'request' ? value?.readOnly === true : value?.writeOnly === true;
}

function countAlternativeProperties(alternatives: Array<SpecNode | undefined>, budget: InlineContext['budget']): void {
  budget.alternatives += alternatives.length;
  for (const alternative of alternatives) {
    const properties = isObjectLike(alternative?.value) ? (alternative.value as Record<string, unknown>).properties : undefined;
    budget.alternativeProperties += isObjectLike(properties) ? Object.keys(properties).length : 0;
  }
  if (budget.alternatives > MAX_ALTERNATIVES || budget.alternativeProperties > MAX_ALTERNATIVE_PROPERTIES) {
    throw new Skip(`oneOf/anyOf past ${MAX_ALTERNATIVES} alternatives or ${MAX_ALTERNATIVE_PROPERTIES} properties between them (openapi-diff's comparison of those grows exponentially)`);
  }
}
