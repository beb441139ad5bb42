import type { FieldPath, SpecLocation } from '../model';
import { fieldSegments, ITEMS, joinFieldSegments } from './field-path';
import { encodePointer } from './json-pointer';
import { isObjectLike, type LoadedSpec, type SpecNode } from './load-spec';
import type { Operation } from './operations';

/** What a spec says about one field path in a set of schemas. */
export type FieldLookup =
  | { kind: 'found'; node: SpecNode; location: SpecLocation; types: string[] }
  /** The schema lists its properties and this one is not among them. */
  | { kind: 'missing'; container: SpecNode; location: SpecLocation; missingPath: FieldPath; siblings: string[] }
  /** The schema does not constrain this field (no properties, additionalProperties, unresolvable ref). */
  | { kind: 'open' };

const MAX_COMPOSITION_DEPTH = 16;

/** Looks a field path up in the union of `schemas` (e.g. every 2xx JSON body of an operation). */
export function lookupField(spec: LoadedSpec, schemas: readonly SpecNode[], path: FieldPath): FieldLookup {
  let current: SpecNode[] = schemas.flatMap((schema) => flattenSchema(spec, schema));
  let lastFound: SpecNode | undefined;
  const segments = fieldSegments(path);
  for (const [index, segment] of segments.entries()) {
    const step = segment === ITEMS ? stepIntoItems(spec, current) : stepIntoProperty(spec, current, segment);
    if (step.kind === 'missing') return { ...step, missingPath: joinFieldSegments(segments.slice(0, index + 1)) };
    if (step.kind !== 'found') return step;
    lastFound = step.node;
    current = flattenSchema(spec, step.node);
  }
  if (!lastFound) return { kind: 'open' };
  return { kind: 'found', node: lastFound, location: spec.locate(lastFound), types: typesOf(current) };
}

type Step = { kind: 'found'; node: SpecNode } | Exclude<FieldLookup, { kind: 'found' }>;

function stepIntoProperty(spec: LoadedSpec, schemas: SpecNode[], name: string): Step {
  const withProperties = schemas.filter((schema) => isObjectLike(record(schema).properties));
  for (const schema of withProperties) {
    const properties = spec.child(schema, 'properties');
    const property = properties && spec.child(properties, name);
    if (property) return { kind: 'found', node: { ...property, pointer: property.pointer } };
  }
  const open = withProperties.length === 0 || schemas.some((schema) => allowsExtraProperties(record(schema)));
  if (open) return { kind: 'open' };
  const container = withProperties[0];
  const siblings = [...new Set(withProperties.flatMap((schema) => Object.keys(record(schema).properties as object)))].sort();
  return {
    kind: 'missing',
    container,
    location: spec.locate({ file: container.file, pointer: `${container.pointer}/properties` }),
    missingPath: name,
    siblings,
  };
}

function stepIntoItems(spec: LoadedSpec, schemas: SpecNode[]): Step {
  for (const schema of schemas) {
    const items = record(schema).items;
    if (isObjectLike(items) && !Array.isArray(items)) {
      const node = spec.child(schema, 'items');
      if (node) return { kind: 'found', node };
    }
  }
  return { kind: 'open' };
}

function allowsExtraProperties(schema: Record<string, unknown>): boolean {
  const extra = schema.additionalProperties;
  return extra === true || (isObjectLike(extra) && Object.keys(extra).length > 0);
}

/** A schema and the members of its `allOf`/`oneOf`/`anyOf`, refs followed, cycles cut. */
export function flattenSchema(spec: LoadedSpec, schema: SpecNode, depth = 0, seen = new Set<string>()): SpecNode[] {
  const resolved = spec.deref(schema);
  if (!resolved || !isObjectLike(resolved.value) || depth > MAX_COMPOSITION_DEPTH) return [];
  const id = `${resolved.file}#${resolved.pointer}`;
  if (seen.has(id)) return [];
  seen.add(id);
  const result = [resolved];
  for (const keyword of ['allOf', 'oneOf', 'anyOf']) {
    const members = record(resolved)[keyword];
    if (!Array.isArray(members)) continue;
    members.forEach((member, index) => {
      const node = { file: resolved.file, pointer: `${resolved.pointer}/${keyword}/${index}`, value: member };
      result.push(...flattenSchema(spec, node, depth + 1, seen));
    });
  }
  return result;
}

/** The JSON types a schema allows, `null` included for 3.0 `nullable` (Swagger `x-nullable`) and 3.1 type arrays. */
export function typesOf(schemas: readonly SpecNode[]): string[] {
  const types = new Set<string>();
  for (const schema of schemas) {
    const value = record(schema);
    if (typeof value.type === 'string') types.add(value.type);
    if (Array.isArray(value.type)) value.type.filter((type) => typeof type === 'string').forEach((type) => types.add(type));
    if (value.nullable === true || value['x-nullable'] === true) types.add('null');
  }
  return [...types].sort();
}

/** The JSON bodies of an operation's 2xx responses (every JSON media type; Swagger 2 `schema`). */
export function successResponseSchemas(spec: LoadedSpec, operation: Operation): SpecNode[] {
  const responses = spec.child(operation.node, 'responses');
  if (!responses || !isObjectLike(responses.value)) return [];
  const schemas: SpecNode[] = [];
  for (const status of Object.keys(responses.value).sort()) {
    if (!/^2(\d\d|XX)$/i.test(status)) continue;
    const response = spec.child(responses, status);
    if (!response) continue;
    if (spec.version === '2.0') {
      const schema = spec.child(response, 'schema');
      if (schema) schemas.push(schema);
      continue;
    }
    const content = spec.child(response, 'content');
    if (!content || !isObjectLike(content.value)) continue;
    for (const mediaType of Object.keys(content.value).sort()) {
      if (!isJsonMediaType(mediaType)) continue;
      const schema = spec.child({ file: content.file, pointer: `${content.pointer}/${encodePointer(mediaType)}`, value: (content.value as Record<string, unknown>)[mediaType] }, 'schema');
      if (schema) schemas.push(schema);
    }
  }
  return schemas;
}

function isJsonMediaType(mediaType: string): boolean {
  const base = mediaType.split(';')[0].trim().toLowerCase();
  return base === 'application/json' || base.endsWith('+json') || base === '*/*' || base === 'application/*';
}

function record(node: SpecNode): Record<string, unknown> {
  return node.value as Record<string, unknown>;
}

/** The property names an object at `parentPath` ('' for the body itself) declares. */
export function propertyNamesAt(spec: LoadedSpec, schemas: readonly SpecNode[], parentPath: FieldPath): string[] {
  let objects: SpecNode[];
  if (parentPath === '') {
    objects = schemas.flatMap((schema) => flattenSchema(spec, schema));
  } else {
    const parent = lookupField(spec, schemas, parentPath);
    objects = parent.kind === 'found' ? flattenSchema(spec, parent.node) : [];
  }
  const names = objects.flatMap((schema) => (isObjectLike(record(schema).properties) ? Object.keys(record(schema).properties as object) : []));
  return [...new Set(names)].sort();
}
