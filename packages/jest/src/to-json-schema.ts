import { encodePointer, flattenSchema, type LoadedSpec, type SpecNode } from '@contract-graph/core';

/** Which side of an exchange a schema validates: it decides what `readOnly` and `writeOnly` mean. */
export type Direction = 'request' | 'response';

export interface ConvertOptions {
  direction: Direction;
  /**
   * Strict: an object whose schema lists its properties (and does not allow others) must not carry
   * any other property, and a request must not send `readOnly` nor a response hold `writeOnly` ones.
   */
  strict: boolean;
}

/** A JSON Schema (2020-12) for one body, with the spec node every part of it came from. */
export interface ConvertedSchema {
  schema: Record<string, unknown>;
  /** Converted schema object → the spec node it was made from, to point messages at spec lines. */
  origins: WeakMap<object, SpecNode>;
}

/** Custom keyword: the property must be absent (a `readOnly` one in a request, `writeOnly` in a response). */
export const FORBIDDEN_KEYWORD = 'x-contract-graph-forbidden';

/** Keywords copied as they are; everything else (docs, examples, `x-*`, `$id`, ...) is dropped. */
const PLAIN_KEYWORDS = new Set([
  'type', 'enum', 'const', 'format', 'multipleOf', 'maximum', 'exclusiveMaximum', 'minimum', 'exclusiveMinimum',
  'maxLength', 'minLength', 'pattern', 'maxItems', 'minItems', 'uniqueItems', 'maxContains', 'minContains',
  'maxProperties', 'minProperties', 'dependentRequired',
]);
const IN_PLACE_LISTS = ['allOf', 'anyOf', 'oneOf'];
const IN_PLACE_SINGLE = ['not', 'if', 'then', 'else', 'propertyNames'];

/**
 * Turns the OpenAPI schema at `node` into a JSON Schema for ajv (draft 2020-12). Every `$ref`
 * target becomes one entry of `$defs` and is referenced, never inlined, so cycles are fine.
 * OpenAPI semantics: 3.0 `nullable` and Swagger `x-nullable` become a `null` type, 3.0 boolean
 * `exclusiveMinimum`/`exclusiveMaximum` become numbers, `readOnly`/`writeOnly` properties are not
 * required on the side that does not see them (and forbidden there in strict mode), and a
 * `discriminator` over `oneOf`/`anyOf` selects its member by the property's value.
 */
export function toJsonSchema(spec: LoadedSpec, node: SpecNode, options: ConvertOptions): ConvertedSchema {
  const converter = new SchemaConverter(spec, options);
  const root = converter.valuePosition(node);
  const schema: Record<string, unknown> = typeof root === 'boolean' ? (root ? {} : { not: {} }) : { ...root };
  const rootOrigin = typeof root === 'object' ? converter.origins.get(root) : undefined;
  if (rootOrigin) converter.origins.set(schema, rootOrigin);
  if (Object.keys(converter.defs).length > 0) schema.$defs = converter.defs;
  return { schema, origins: converter.origins };
}

type Converted = Record<string, unknown> | boolean;

class SchemaConverter {
  readonly defs: Record<string, Converted> = {};
  readonly origins = new WeakMap<object, SpecNode>();
  private readonly defNames = new Map<string, string>();

  constructor(
    private readonly spec: LoadedSpec,
    private readonly options: ConvertOptions,
  ) {}

  /**
   * A schema that an instance value is checked against on its own (a body, a property, an item).
   * In strict mode it gets `unevaluatedProperties: false` when the schemas it is made of list
   * properties and allow no others: unlike `additionalProperties`, that also sees the properties of
   * `allOf`/`oneOf` members and `$ref`s.
   */
  valuePosition(node: SpecNode): Converted {
    const converted = this.convert(node);
    if (!this.options.strict || typeof converted === 'boolean' || !this.listsClosedProperties(node)) return converted;
    const wrapped = { ...converted, unevaluatedProperties: false };
    const target = this.spec.deref(node);
    this.origins.set(wrapped, target ?? node);
    return wrapped;
  }

  private convert(node: SpecNode): Converted {
    if (typeof node.value === 'boolean') return node.value;
    if (!isRecord(node.value)) return {};
    if (typeof node.value.$ref === 'string') {
      const target = this.spec.deref(node);
      // An unresolvable ref is reported by the spec's own check; here it constrains nothing.
      if (!target) return {};
      const out: Record<string, unknown> = { $ref: `#/$defs/${encodePointer(this.defFor(target))}` };
      this.origins.set(out, target);
      // OpenAPI 3.1 allows keywords beside a $ref; 3.0 ignores them.
      if (this.spec.version === '3.1') Object.assign(out, this.convertKeywords({ ...node, value: withoutKey(node.value, '$ref') }));
      return out;
    }
    return this.convertKeywords(node);
  }

  private defFor(target: SpecNode): string {
    const id = `${target.file}#${target.pointer}`;
    let name = this.defNames.get(id);
    if (name === undefined) {
      const base = (target.pointer.split('/').pop() || 'root').replace(/[^A-Za-z0-9_.-]/g, '_');
      name = base;
      for (let index = 2; Object.prototype.hasOwnProperty.call(this.defs, name); index++) name = `${base}_${index}`;
      this.defNames.set(id, name);
      this.defs[name] = {};
      this.defs[name] = this.convert(target);
    }
    return name;
  }

  private convertKeywords(node: SpecNode): Record<string, unknown> {
    const value = node.value as Record<string, unknown>;
    const out: Record<string, unknown> = {};
    this.origins.set(out, node);
    const childNode = (...keys: string[]): SpecNode => ({
      file: node.file,
      pointer: `${node.pointer}/${keys.map(encodePointer).join('/')}`,
      value: keys.reduce<unknown>((current, key) => (isRecord(current) || Array.isArray(current) ? (current as Record<string, unknown>)[key] : undefined), value),
    });
    const hidden = new Set<string>();
    for (const [key, keywordValue] of Object.entries(value)) {
      if (PLAIN_KEYWORDS.has(key)) {
        if (key === 'type' && keywordValue === 'file') continue;
        out[key] = keywordValue;
      } else if (key === 'properties' && isRecord(keywordValue)) {
        const properties: Record<string, Converted> = {};
        for (const name of Object.keys(keywordValue)) {
          const child = childNode('properties', name);
          if (this.isHiddenOnThisSide(child)) {
            hidden.add(name);
            if (this.options.strict) {
              const forbidden = { [FORBIDDEN_KEYWORD]: this.options.direction === 'request' ? 'readOnly' : 'writeOnly' };
              this.origins.set(forbidden, this.spec.deref(child) ?? child);
              properties[name] = forbidden;
              continue;
            }
          }
          properties[name] = this.valuePosition(child);
        }
        out.properties = properties;
      } else if ((key === 'patternProperties' || key === 'dependentSchemas') && isRecord(keywordValue)) {
        out[key] = Object.fromEntries(Object.keys(keywordValue).map((name) => [name, key === 'patternProperties' ? this.valuePosition(childNode(key, name)) : this.convert(childNode(key, name))]));
      } else if (key === 'items' || key === 'additionalProperties' || key === 'contains' || key === 'unevaluatedProperties' || key === 'unevaluatedItems') {
        if (typeof keywordValue === 'boolean') out[key] = keywordValue;
        else if (isRecord(keywordValue)) out[key] = this.valuePosition(childNode(key));
        // A tuple `items: [...]` is not OpenAPI; it is left unchecked rather than misread.
      } else if (key === 'prefixItems' && Array.isArray(keywordValue)) {
        out.prefixItems = keywordValue.map((_, index) => this.valuePosition(childNode(key, String(index))));
      } else if (IN_PLACE_LISTS.includes(key) && Array.isArray(keywordValue)) {
        out[key] = keywordValue.map((_, index) => this.convert(childNode(key, String(index))));
      } else if (IN_PLACE_SINGLE.includes(key) && (isRecord(keywordValue) || typeof keywordValue === 'boolean')) {
        out[key] = this.convert(childNode(key));
      } else if (key === 'required' && Array.isArray(keywordValue)) {
        out.required = keywordValue;
      }
    }
    if (Array.isArray(out.required) && hidden.size > 0) out.required = (out.required as unknown[]).filter((name) => !hidden.has(name as string));
    this.convertExclusiveBounds(value, out);
    if (this.spec.version !== '3.1') this.convertDiscriminator(node, out);
    const nullable = value.nullable === true || value['x-nullable'] === true;
    if (nullable && this.spec.version !== '3.1') return this.allowNull(node, out);
    return out;
  }

  /** 3.0 and Swagger 2 write `exclusiveMinimum: true` next to `minimum`; 2020-12 wants the number. */
  private convertExclusiveBounds(value: Record<string, unknown>, out: Record<string, unknown>): void {
    for (const [exclusive, bound] of [['exclusiveMinimum', 'minimum'], ['exclusiveMaximum', 'maximum']] as const) {
      if (typeof value[exclusive] !== 'boolean') continue;
      delete out[exclusive];
      if (value[exclusive] === true && typeof value[bound] === 'number') {
        out[exclusive] = value[bound];
        delete out[bound];
      }
    }
  }

  private allowNull(node: SpecNode, out: Record<string, unknown>): Record<string, unknown> {
    if (Array.isArray(out.enum) && !out.enum.includes(null)) out.enum = [...out.enum, null];
    if (typeof out.type === 'string') {
      out.type = [out.type, 'null'];
      return out;
    }
    if (Array.isArray(out.type)) {
      if (!out.type.includes('null')) out.type = [...out.type, 'null'];
      return out;
    }
    const wrapper = { anyOf: [{ type: 'null' }, out] };
    this.origins.set(wrapper, node);
    return wrapper;
  }

  /**
   * `discriminator` over `oneOf`/`anyOf`: the property's value picks the member (explicit
   * `mapping` first, then the member schemas' names), as OpenAPI says; ajv's own discriminator
   * support rejects `mapping`, so it is spelled out with `if`/`then`. Discriminators on a base
   * schema that members reach through `allOf` are left alone (validating them would recurse).
   */
  private convertDiscriminator(node: SpecNode, out: Record<string, unknown>): void {
    const value = node.value as Record<string, unknown>;
    const discriminator = value.discriminator;
    if (!isRecord(discriminator) || typeof discriminator.propertyName !== 'string') return;
    const listKey = Array.isArray(value.oneOf) ? 'oneOf' : Array.isArray(value.anyOf) ? 'anyOf' : undefined;
    if (!listKey) return;
    const propertyName = discriminator.propertyName;
    const targets = new Map<string, SpecNode>();
    const mapping = isRecord(discriminator.mapping) ? discriminator.mapping : {};
    for (const [mappedValue, reference] of Object.entries(mapping)) {
      if (typeof reference !== 'string') continue;
      const ref = reference.includes('/') || reference.includes('#') ? reference : `#/components/schemas/${reference}`;
      const target = this.spec.deref({ file: node.file, pointer: `${node.pointer}/discriminator/mapping/${encodePointer(mappedValue)}`, value: { $ref: ref } });
      if (!target) return;
      targets.set(mappedValue, target);
    }
    const mappedIds = new Set([...targets.values()].map((target) => `${target.file}#${target.pointer}`));
    const members = value[listKey] as unknown[];
    for (const [index, member] of members.entries()) {
      if (!isRecord(member) || typeof member.$ref !== 'string') return;
      const target = this.spec.deref({ file: node.file, pointer: `${node.pointer}/${listKey}/${index}`, value: member });
      if (!target) return;
      const name = target.pointer.split('/').pop() as string;
      if (!mappedIds.has(`${target.file}#${target.pointer}`) && !targets.has(name)) targets.set(name, target);
    }
    const values = [...targets.keys()];
    delete out[listKey];
    out.required = [...new Set([...((out.required as string[] | undefined) ?? []), propertyName])];
    const properties = (out.properties as Record<string, unknown> | undefined) ?? {};
    if (!(propertyName in properties)) properties[propertyName] = { enum: values };
    out.properties = properties;
    const selection = values.map((mappedValue) => ({
      if: { properties: { [propertyName]: { const: mappedValue } }, required: [propertyName] },
      then: { $ref: `#/$defs/${encodePointer(this.defFor(targets.get(mappedValue) as SpecNode))}` },
    }));
    out.allOf = [...((out.allOf as unknown[] | undefined) ?? []), ...selection];
  }

  /** `readOnly` properties are not part of a request, `writeOnly` ones not part of a response. */
  private isHiddenOnThisSide(property: SpecNode): boolean {
    const keyword = this.options.direction === 'request' ? 'readOnly' : 'writeOnly';
    const resolved = this.spec.deref(property);
    return isRecord(property.value) && (property.value[keyword] === true || (isRecord(resolved?.value) && resolved.value[keyword] === true));
  }

  /** Some schema of the closure lists properties, and none opens the object to others. */
  private listsClosedProperties(node: SpecNode): boolean {
    const closure = flattenSchema(this.spec, node);
    const lists = closure.some((schema) => isRecord(schema.value) && isRecord(schema.value.properties));
    const opens = closure.some((schema) => {
      const value = schema.value as Record<string, unknown>;
      const extra = value.additionalProperties;
      return (extra !== undefined && extra !== false) || value.patternProperties !== undefined || value.unevaluatedProperties !== undefined;
    });
    return lists && !opens;
  }
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

function withoutKey(value: Record<string, unknown>, key: string): Record<string, unknown> {
  const copy = { ...value };
  delete copy[key];
  return copy;
}
