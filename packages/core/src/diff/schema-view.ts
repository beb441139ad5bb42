import { childNode, isObjectLike, type LoadedSpec, type SpecNode } from '../spec/load-spec';

/**
 * A schema as the diff sees it: `$ref`s followed and `allOf` members merged, so that moving
 * properties between a schema and its `allOf` parts (or into a component) is not a change.
 * `oneOf`/`anyOf` stay alternatives.
 */
export interface SchemaView {
  /** The schema node itself (after refs), for locations. */
  node: SpecNode;
  /** Declared or implied JSON types, without `null`; empty when the schema does not say. */
  types: Set<string>;
  nullable: boolean;
  format?: string;
  enum?: unknown[];
  /** `x-extensible-enum`: values that may grow, so only removals matter (for requests). */
  extensibleEnum?: unknown[];
  properties: Map<string, SpecNode>;
  /** The `properties` node that lists them (for "at" locations). */
  propertiesNode?: SpecNode;
  required: Set<string>;
  /** `false` when extra properties are forbidden; a schema node when they are constrained. */
  additionalProperties?: false | SpecNode;
  items?: SpecNode;
  oneOf: SpecNode[];
  anyOf: SpecNode[];
  allOf: SpecNode[];
  readOnly: boolean;
  writeOnly: boolean;
  /** Validation keywords with plain values (`maxLength`, `pattern`, ...), merged from `allOf`. */
  keywords: Map<string, unknown>;
  /** Keywords whose values are subschemas or structures compared as a whole (`contains`, `if`, ...). */
  structural: Map<string, SpecNode>;
  extensions: Map<string, unknown>;
}

export const BOUND_KEYWORDS = ['maxLength', 'maxItems', 'maxProperties', 'maximum', 'exclusiveMaximum', 'maxContains', 'minLength', 'minItems', 'minProperties', 'minimum', 'exclusiveMinimum', 'minContains', 'multipleOf', 'pattern', 'uniqueItems'] as const;
export const STRUCTURAL_KEYWORDS = ['contains', 'if', 'then', 'else', 'not', 'dependentRequired', 'dependentSchemas', 'patternProperties', 'prefixItems', 'propertyNames', 'contentSchema', 'contentEncoding', 'contentMediaType', 'unevaluatedItems', 'unevaluatedProperties'] as const;

const BOUND_KEYWORD_SET: ReadonlySet<string> = new Set(BOUND_KEYWORDS);
const STRUCTURAL_KEYWORD_SET: ReadonlySet<string> = new Set(STRUCTURAL_KEYWORDS);

const MAX_ALLOF_DEPTH = 16;

/** Builds (and memoizes per node) the merged view of schemas of one spec. */
export function createSchemaViews(spec: LoadedSpec): (node: SpecNode) => SchemaView | undefined {
  // By the schema object, which sits at one place of its document unless refs spell that place
  // two ways (or YAML aliases share it): a view found under the object serves only the file and
  // pointer it was made for, views of other spellings are kept by file and pointer. Joining the
  // two into a key on every lookup cost more than building the views.
  const byValue = new Map<object, SchemaView>();
  const byPlace = new Map<string, SchemaView>();
  return (node) => {
    const resolved = spec.deref(node);
    if (!resolved || !isObjectLike(resolved.value) || Array.isArray(resolved.value)) return undefined;
    const known = byValue.get(resolved.value);
    if (known === undefined) {
      const view = buildView(spec, resolved);
      byValue.set(resolved.value, view);
      return view;
    }
    if (known.node.file === resolved.file && known.node.pointer === resolved.pointer) return known;
    const id = `${resolved.file}#${resolved.pointer}`;
    let view = byPlace.get(id);
    if (view === undefined) byPlace.set(id, (view = buildView(spec, resolved)));
    return view;
  };
}

function buildView(spec: LoadedSpec, node: SpecNode): SchemaView {
  const view: SchemaView = {
    node,
    types: new Set(),
    nullable: false,
    properties: new Map(),
    required: new Set(),
    oneOf: [],
    anyOf: [],
    allOf: [],
    readOnly: false,
    writeOnly: false,
    keywords: new Map(),
    structural: new Map(),
    extensions: new Map(),
  };
  const typeSets: Array<Set<string>> = [];
  mergeInto(spec, view, node, typeSets, 0, new Set());
  unwrapNullable(spec, view, typeSets);
  // allOf members intersect their types; a member that says nothing does not restrict.
  const declared = typeSets.filter((set) => set.size > 0);
  if (declared.length > 0) {
    const [first, ...rest] = declared;
    for (const type of first) if (rest.every((set) => set.has(type) || (type === 'integer' && set.has('number')))) view.types.add(type);
  }
  if (view.types.size === 0) {
    if (view.properties.size > 0 || view.additionalProperties !== undefined) view.types.add('object');
    else if (view.items) view.types.add('array');
  }
  return view;
}

/**
 * `oneOf: [{type: 'null'}, X]` (or `anyOf`) is how OpenAPI 3.1 often spells "X or null": seen as X
 * made nullable, so wrapping a schema that way is a nullability change, not a new composition whose
 * properties all moved into an alternative.
 */
function unwrapNullable(spec: LoadedSpec, view: SchemaView, typeSets: Array<Set<string>>): void {
  for (const keyword of ['oneOf', 'anyOf'] as const) {
    const members = view[keyword];
    if (members.length !== 2) continue;
    const nullIndex = members.findIndex((member) => isNullSchema(member.value));
    if (nullIndex === -1 || isNullSchema(members[1 - nullIndex].value)) continue;
    const other = members[1 - nullIndex];
    view[keyword] = [];
    view.nullable = true;
    mergeInto(spec, view, other, typeSets, 1, new Set());
  }
}

function isNullSchema(value: unknown): boolean {
  if (!isObjectLike(value) || Array.isArray(value)) return false;
  const schema = value as Record<string, unknown>;
  const onlyNull = (list: unknown) => Array.isArray(list) && list.length === 1 && list[0] === null;
  return schema.type === 'null' || (Array.isArray(schema.type) && schema.type.length === 1 && schema.type[0] === 'null') || onlyNull(schema.enum) || schema.const === null;
}

/**
 * A bound keyword's value, OpenAPI 3.0's boolean exclusive bounds read as 3.1's numbers
 * (`minimum: 5, exclusiveMinimum: true` is `exclusiveMinimum: 5`; `exclusiveMinimum: false` is
 * nothing), so migrating a spec from 3.0 to 3.1 is no change.
 */
function boundOf(value: Record<string, unknown>, keyword: string): unknown {
  const bound = value[keyword];
  if (keyword === 'minimum' || keyword === 'maximum') return typeof bound === 'number' && value[keyword === 'minimum' ? 'exclusiveMinimum' : 'exclusiveMaximum'] === true ? undefined : bound;
  if ((keyword === 'exclusiveMinimum' || keyword === 'exclusiveMaximum') && typeof bound === 'boolean') {
    const inclusive = value[keyword === 'exclusiveMinimum' ? 'minimum' : 'maximum'];
    return bound && typeof inclusive === 'number' ? inclusive : undefined;
  }
  return bound;
}

function mergeInto(spec: LoadedSpec, view: SchemaView, node: SpecNode, typeSets: Array<Set<string>>, depth: number, seen: Set<string>): void {
  const id = `${node.file}#${node.pointer}`;
  if (seen.has(id) || depth > MAX_ALLOF_DEPTH) return;
  seen.add(id);
  const value = node.value as Record<string, unknown>;
  const types = new Set<string>();
  if (typeof value.type === 'string') types.add(value.type);
  if (Array.isArray(value.type)) for (const type of value.type) if (typeof type === 'string') types.add(type);
  if (types.has('null')) {
    view.nullable = true;
    types.delete('null');
  }
  // Swagger 2 has no `nullable`: its `x-nullable` extension says the same.
  if (value.nullable === true || value['x-nullable'] === true) view.nullable = true;
  typeSets.push(types);
  if (typeof value.format === 'string' && view.format === undefined) view.format = value.format;
  if (Array.isArray(value.enum) && view.enum === undefined) view.enum = value.enum;
  if (value.const !== undefined && view.enum === undefined) view.enum = [value.const];
  if (Array.isArray(value['x-extensible-enum']) && view.extensibleEnum === undefined) view.extensibleEnum = value['x-extensible-enum'];
  if (value.readOnly === true) view.readOnly = true;
  if (value.writeOnly === true) view.writeOnly = true;
  if (Array.isArray(value.required)) for (const name of value.required) if (typeof name === 'string') view.required.add(name);
  const properties = isObjectLike(value.properties) ? spec.child(node, 'properties') : undefined;
  if (properties && isObjectLike(properties.value)) {
    view.propertiesNode ??= properties;
    for (const name of Object.keys(properties.value)) {
      if (view.properties.has(name)) continue;
      view.properties.set(name, childNode(properties, name, (properties.value as Record<string, unknown>)[name]));
    }
  }
  if (value.additionalProperties === false) view.additionalProperties = false;
  else if (isObjectLike(value.additionalProperties) && view.additionalProperties === undefined) {
    const extra = spec.child(node, 'additionalProperties');
    if (extra && Object.keys(extra.value as object).length > 0) view.additionalProperties = extra;
  }
  if (isObjectLike(value.items) && !Array.isArray(value.items) && !view.items) view.items = spec.child(node, 'items');
  // Most schemas have none of these keywords: one pass over the keys they do have says whether to
  // look for them (in the lists' order, which is the order the maps keep).
  const keys = Object.keys(value);
  if (keys.some((key) => BOUND_KEYWORD_SET.has(key))) {
    for (const keyword of BOUND_KEYWORDS) {
      const bound = boundOf(value, keyword);
      if (bound !== undefined && !view.keywords.has(keyword)) view.keywords.set(keyword, bound);
    }
  }
  if (keys.some((key) => STRUCTURAL_KEYWORD_SET.has(key))) {
    for (const keyword of STRUCTURAL_KEYWORDS) {
      if (value[keyword] === undefined || view.structural.has(keyword)) continue;
      view.structural.set(keyword, childNode(node, keyword, value[keyword]));
    }
  }
  if (value.default !== undefined && !view.keywords.has('default')) view.keywords.set('default', value.default);
  for (const key of keys) if (key.startsWith('x-') && !view.extensions.has(key)) view.extensions.set(key, value[key]);
  for (const keyword of ['oneOf', 'anyOf'] as const) {
    if (!Array.isArray(value[keyword]) || view[keyword].length > 0) continue;
    (value[keyword] as unknown[]).forEach((_member, index) => {
      const member = spec.child(node, keyword) && spec.child(spec.child(node, keyword) as SpecNode, String(index));
      if (member) view[keyword].push(member);
    });
  }
  if (Array.isArray(value.allOf)) {
    const list = spec.child(node, 'allOf') as SpecNode;
    (value.allOf as unknown[]).forEach((_member, index) => {
      const member = spec.child(list, String(index));
      if (!member || !isObjectLike(member.value)) return;
      view.allOf.push(member);
      mergeInto(spec, view, member, typeSets, depth + 1, seen);
    });
  }
}
