import type { SchemaView } from './schema-view';

/** Types of `from` that `to` no longer accepts (`integer` is accepted by `number`). */
export function typesLost(from: ReadonlySet<string>, to: ReadonlySet<string>): string[] {
  if (from.size === 0 || to.size === 0) return [];
  return [...from].filter((type) => !to.has(type) && !(type === 'integer' && to.has('number'))).sort();
}

/** `string`, `string(date-time)`, `integer | string`. */
export function describeType(view: SchemaView): string {
  const types = view.types.size === 0 ? ['any'] : [...view.types].sort();
  const text = types.join(' | ') + (view.format ? `(${view.format})` : '');
  return view.nullable ? `${text} | null` : text;
}

/** A format change that `direction` cannot absorb: a request gaining or changing one, a response losing or changing one. */
export function formatBreaks(base: SchemaView, head: SchemaView, side: 'narrowing' | 'widening'): boolean {
  if (base.format === head.format) return false;
  if (base.format !== undefined && head.format !== undefined) return true;
  return side === 'narrowing' ? head.format !== undefined : base.format !== undefined;
}

/** Enum values in `from` that are missing from `to`; an enum appearing counts as every other value gone. */
export function enumValuesLost(from: SchemaView, to: SchemaView, extensible = false): string[] | 'became-enum' {
  if (extensible && !from.enum && !to.enum && from.extensibleEnum && to.extensibleEnum) return enumValuesLost({ ...from, enum: from.extensibleEnum }, { ...to, enum: to.extensibleEnum });
  if (!to.enum) return [];
  if (!from.enum) return 'became-enum';
  const kept = new Set(to.enum.map((value) => JSON.stringify(value)));
  // A nullable schema accepts null whatever its enum lists (3.0 `nullable` beside an `enum`, as 3.1 lists null in it).
  if (to.nullable) kept.add('null');
  return from.enum.map((value) => JSON.stringify(value)).filter((value) => !kept.has(value));
}

const UPPER = new Set(['maxLength', 'maxItems', 'maxProperties', 'maximum', 'maxContains']);
const LOWER = new Set(['minLength', 'minItems', 'minProperties', 'minimum', 'minContains']);

/** One validation keyword that accepts fewer values in `head` than in `base`. */
export interface ConstraintChange {
  keyword: string;
  from: unknown;
  to: unknown;
}

/** Keywords that now accept fewer values (tightened) than before. */
export function constraintsTightened(base: SchemaView, head: SchemaView): ConstraintChange[] {
  const changes: ConstraintChange[] = [];
  const keywords = new Set([...base.keywords.keys(), ...head.keywords.keys()]);
  for (const keyword of [...keywords].sort()) {
    if (keyword === 'default') continue;
    const from = base.keywords.get(keyword);
    const to = head.keywords.get(keyword);
    if (JSON.stringify(from) === JSON.stringify(to) || to === undefined) continue;
    if (tightens(keyword, from, to) && !withinFormerBound(keyword, base, to)) changes.push({ keyword, from, to });
  }
  return changes;
}

/** The bound of the same side, inclusive and exclusive swapped: `minimum` ↔ `exclusiveMinimum`. */
const OTHER_BOUND: Record<string, string> = { minimum: 'exclusiveMinimum', exclusiveMinimum: 'minimum', maximum: 'exclusiveMaximum', exclusiveMaximum: 'maximum' };

/**
 * True when a new bound accepts everything the other kind of bound on that side accepted before:
 * `exclusiveMinimum: 0` → `minimum: 0` loosens, `minimum: 0` → `exclusiveMinimum: 0` does not.
 */
function withinFormerBound(keyword: string, base: SchemaView, to: unknown): boolean {
  const former = OTHER_BOUND[keyword] === undefined ? undefined : base.keywords.get(OTHER_BOUND[keyword]);
  if (typeof former !== 'number' || typeof to !== 'number') return false;
  if (keyword === 'minimum') return to <= former;
  if (keyword === 'maximum') return to >= former;
  if (keyword === 'exclusiveMinimum') return to < former;
  return to > former;
}

function tightens(keyword: string, from: unknown, to: unknown): boolean {
  if (UPPER.has(keyword) || keyword === 'exclusiveMaximum') {
    if (typeof to === 'boolean' || typeof from === 'boolean') return to === true && from !== true;
    return typeof to === 'number' && (typeof from !== 'number' || to < from);
  }
  if (LOWER.has(keyword) || keyword === 'exclusiveMinimum') {
    if (typeof to === 'boolean' || typeof from === 'boolean') return to === true && from !== true;
    return typeof to === 'number' && (typeof from !== 'number' || to > from);
  }
  if (keyword === 'uniqueItems') return to === true && from !== true;
  // `.*`, `^.*$` and the empty pattern match every string.
  if (keyword === 'pattern' && typeof to === 'string' && /^(\^?\.\*\$?)?$/.test(to)) return false;
  if (keyword === 'multipleOf' && typeof from === 'number' && typeof to === 'number' && to > 0 && Number.isInteger(from / to)) return false;
  // pattern, multipleOf: any other new or different value can reject what was valid.
  return true;
}

/** Parses an `x-sunset` value (RFC 3339 date or date-time); `undefined` when absent, `null` when invalid. */
export function parseSunset(value: unknown): Date | null | undefined {
  if (value === undefined) return undefined;
  if (value instanceof Date) return value;
  if (typeof value !== 'string' || !/^\d{4}-\d{2}-\d{2}([Tt ][\d:.]+([Zz]|[+-]\d{2}:\d{2})?)?$/.test(value.trim())) return null;
  const date = new Date(asUtcDateTime(value.trim().toUpperCase()));
  return Number.isNaN(date.getTime()) ? null : date;
}

/** A date-time without an offset is read as UTC, so the verdict never depends on the machine's time zone. */
function asUtcDateTime(text: string): string {
  if (text.length === 10) return text;
  const dateTime = `${text.slice(0, 10)}T${text.slice(11)}`;
  return /(Z|[+-]\d{2}:\d{2})$/.test(dateTime) ? dateTime : `${dateTime}Z`;
}

export const STABILITY_LEVELS = ['draft', 'alpha', 'beta', 'stable'] as const;

/** True when an item was deprecated and its sunset date has passed (or it has none): removing it is allowed. */
export function removalAllowed(value: Record<string, unknown> | undefined, now: Date): boolean {
  if (value?.deprecated !== true) return false;
  const sunset = parseSunset(value['x-sunset']);
  return sunset === undefined || (sunset !== null && sunset.getTime() <= now.getTime());
}

/** `2022-08-10` */
export function formatDate(date: Date): string {
  return date.toISOString().slice(0, 10);
}
