import type { FieldPath } from '../model';

/**
 * Field paths as text: property names joined by `.`, `[]` for array items (`items[].title`). A
 * name that holds `.`, `[` or `]` (or is empty) is written quoted in brackets, as in JavaScript:
 * `["@odata.nextLink"]` is the top-level property `@odata.nextLink`, `value[]["@odata.type"]` a
 * property of each item. Without the quoting, `x.y` (one property) and `x` → `y` (two levels) would
 * be the same text, and a read of one would match a change of the other. Every path the engine
 * builds, splits or prints goes through these functions.
 */

/** The segment that stands for "each item of the array". */
export const ITEMS = '[]';

/** Splits `items[].title` into `['items', '[]', 'title']` and `a["x.y"]` into `['a', 'x.y']`. */
export function fieldSegments(path: FieldPath): string[] {
  const segments: string[] = [];
  let index = 0;
  while (index < path.length) {
    if (path[index] === '.') {
      index++;
    } else if (path.startsWith(ITEMS, index)) {
      segments.push(ITEMS);
      index += ITEMS.length;
    } else {
      const quoted = quotedSegmentAt(path, index);
      const end = quoted ? quoted.end : plainSegmentEnd(path, index);
      segments.push(quoted ? quoted.name : path.slice(index, end));
      index = end;
    }
  }
  return segments;
}

/** Joins `['items', '[]', 'title']` back into `items[].title`; the inverse of `fieldSegments`. */
export function joinFieldSegments(segments: readonly string[]): FieldPath {
  return segments.reduce(childPath, '');
}

/** The path of property `name` (or `[]`, each item) inside `parent` ('' for the body itself). */
export function childPath(parent: FieldPath, name: string): FieldPath {
  if (name === ITEMS) return `${parent}${ITEMS}`;
  if (needsQuotes(name)) return `${parent}[${JSON.stringify(name)}]`;
  return parent === '' ? name : `${parent}.${name}`;
}

function needsQuotes(name: string): boolean {
  return name === '' || /[.[\]]/.test(name);
}

/** A plain name runs to the next `.`, `[]` or `["`; a lone `[` (as in `a[0]`, hand-written) stays part of it. */
function plainSegmentEnd(path: string, start: number): number {
  let end = start;
  while (end < path.length && path[end] !== '.' && !path.startsWith(ITEMS, end) && !(end > start && quotedSegmentAt(path, end))) end++;
  return end;
}

/** `["x.y"]` at `start`: the name and where it ends; undefined when no well-formed quoted name starts there. */
function quotedSegmentAt(path: string, start: number): { name: string; end: number } | undefined {
  if (!path.startsWith('["', start)) return undefined;
  let close = start + 2;
  while (close < path.length && path[close] !== '"') close += path[close] === '\\' ? 2 : 1;
  if (path[close + 1] !== ']') return undefined;
  try {
    return { name: JSON.parse(path.slice(start + 1, close + 1)) as string, end: close + 2 };
  } catch {
    return undefined;
  }
}
