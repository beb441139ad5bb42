import type { ParameterPart } from '../spec/operation-parts';

/** Base and head parameters paired: by `in` and name, path parameters by position (names do not matter). */
export interface ParameterPairs {
  pairs: Array<{ base: ParameterPart; head: ParameterPart }>;
  removed: ParameterPart[];
  added: ParameterPart[];
}

const memo = new WeakMap<readonly ParameterPart[], WeakMap<readonly ParameterPart[], ParameterPairs>>();

/** Pairs the parameters of two versions of an operation. */
export function pairParameters(base: readonly ParameterPart[], head: readonly ParameterPart[]): ParameterPairs {
  const cached = memo.get(base)?.get(head);
  if (cached) return cached;
  const keyOf = (part: ParameterPart) => (part.in === 'path' ? `path #${part.pathIndex ?? part.name}` : `${part.in} ${part.in === 'header' ? part.name.toLowerCase() : part.name}`);
  const heads = new Map(head.map((part) => [keyOf(part), part]));
  const result: ParameterPairs = { pairs: [], removed: [], added: [] };
  const matched = new Set<ParameterPart>();
  for (const part of base) {
    const other = heads.get(keyOf(part));
    if (other) {
      result.pairs.push({ base: part, head: other });
      matched.add(other);
    } else result.removed.push(part);
  }
  result.added = head.filter((part) => !matched.has(part));
  if (!memo.has(base)) memo.set(base, new WeakMap());
  memo.get(base)?.set(head, result);
  return result;
}

/** `query parameter 'page'` */
export function parameterLabel(part: Pick<ParameterPart, 'in' | 'name'>): string {
  return `${part.in} parameter '${part.name}'`;
}
