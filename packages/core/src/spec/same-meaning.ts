import { childNode, isObjectLike, type LoadedSpec, type SpecNode } from './load-spec';
import { MAX_HASH_STEPS, NAMING_MAPS, PROSE_KEYS, plainHash } from './fingerprint';

/** Tells whether a node of one spec means the same as a node of another. */
export type SameMeaning = (baseNode: SpecNode, headNode: SpecNode) => boolean;

/**
 * `sameMeaning(b, h)` answers exactly what `baseHasher(b) === headHasher(h)` answers (see
 * `createNodeHasher`), without hashing: it walks both resolved trees side by side and stops at the
 * first difference. Hashing both versions of every operation cost more than the rest of a diff; a
 * side-by-side walk builds no text and no digest, and most of it is skipped because pairs found
 * equal are remembered. Cycles are followed the way the hasher follows them: a node met again while
 * it is being compared is a `!cycle` marker on its side, with the distance back to it, so two
 * markers are equal at the same distance, a marker and anything else are not; a pair whose answer depended on such a marker is not remembered (its
 * answer depends on where the walk entered the cycle). A walk past `MAX_HASH_STEPS` asks the
 * hashers instead, which have their own budget and fallback.
 */
export function createSameMeaning(base: LoadedSpec, head: LoadedSpec, hashers: { base: (node: SpecNode) => string; head: (node: SpecNode) => string }): SameMeaning {
  // Equal pairs, by mode then base object then head object; unequal ones are found again quickly.
  const equal = { schema: new Map<object, Pairs>(), naming: new Map<object, Pairs>() };
  // Pairs found unequal, as answers to a call with that pair as the root: the walk asks again about
  // the same changed pair from every operation that reaches it, and each time an unequal pair was
  // walked down to its first difference. Only differences that no cycle marker took part in are
  // remembered, and only for the root: a pair met deeper in another walk may meet an open node there.
  const unequalAsRoot = new Map<object, Pairs>();
  interface Frame {
    base: SpecNode;
    head: SpecNode;
    isArray: boolean;
    /** The keys both sides have (checked before the frame is made), prose left out unless a naming map. */
    keys: string[];
    next: number;
    isNamingMap: boolean;
    /** Some answer below depended on a `!cycle` marker. */
    cyclic: boolean;
  }
  const EQUAL = 0;
  const UNEQUAL = 1;
  const CYCLE_EQUAL = 2;
  const CYCLE_UNEQUAL = 3;
  type Entered = typeof EQUAL | typeof UNEQUAL | typeof CYCLE_EQUAL | typeof CYCLE_UNEQUAL | Frame;

  // Open nodes with the depth of their frame, per side: a node met again below itself is a cycle
  // marker of that distance, as in the hasher (two markers are equal only at the same distance).
  // Shared by all calls (every way out of a call leaves its open frames, so each starts empty):
  // four maps per call were most of what the diff allocated.
  const inProgress = { base: { schema: new Map<object, number>(), naming: new Map<object, number>() }, head: { schema: new Map<object, number>(), naming: new Map<object, number>() } };

  const enter = (baseNode: SpecNode, headNode: SpecNode, isNamingMap: boolean, depth: number): Entered => {
    const before = base.deref(baseNode);
    const after = head.deref(headNode);
    if (!before || !after) return before === after ? EQUAL : UNEQUAL;
    const baseValue = before.value;
    const headValue = after.value;
    if (!isObjectLike(baseValue) || !isObjectLike(headValue)) {
      if (isObjectLike(baseValue) || isObjectLike(headValue)) return UNEQUAL;
      return baseValue === headValue || plainHash(baseValue) === plainHash(headValue) ? EQUAL : UNEQUAL;
    }
    const mode = isNamingMap ? 'naming' : 'schema';
    const baseOpenAt = inProgress.base[mode].get(baseValue);
    const headOpenAt = inProgress.head[mode].get(headValue);
    if (baseOpenAt !== undefined || headOpenAt !== undefined) return baseOpenAt === headOpenAt ? CYCLE_EQUAL : CYCLE_UNEQUAL;
    if (isPair(equal[mode], baseValue, headValue)) return EQUAL;
    const isArray = Array.isArray(baseValue);
    if (isArray !== Array.isArray(headValue)) return UNEQUAL;
    const keys = comparedKeys(baseValue as Record<string, unknown>, isArray, isNamingMap);
    if (keys.length !== comparedKeyCount(headValue as Record<string, unknown>, isArray, isNamingMap)) return UNEQUAL;
    if (!isArray && !hasAllKeys(headValue, keys)) return UNEQUAL;
    inProgress.base[mode].set(baseValue, depth);
    inProgress.head[mode].set(headValue, depth);
    return { base: before, head: after, isArray, keys, next: 0, isNamingMap, cyclic: false };
  };
  const leave = (frame: Frame) => {
    const mode = frame.isNamingMap ? 'naming' : 'schema';
    inProgress.base[mode].delete(frame.base.value as object);
    inProgress.head[mode].delete(frame.head.value as object);
  };
  // Every open frame is unequal for the same reason as the difference just found below it.
  const unequalBelow = (stack: readonly Frame[]) => {
    for (const frame of stack) if (!frame.isNamingMap) rememberPair(unequalAsRoot, frame.base.value as object, frame.head.value as object);
    stack.forEach(leave);
  };

  return (rootBase, rootHead) => {
    const first = enter(rootBase, rootHead, false, 0);
    // Nothing is open before the root, so its answer is never a cycle marker; and a pair remembered
    // as unequal is never remembered as equal, so that memo is asked only when the root is entered.
    if (typeof first === 'number') return first === EQUAL || first === CYCLE_EQUAL;
    if (isPair(unequalAsRoot, first.base.value as object, first.head.value as object)) {
      leave(first);
      return false;
    }
    const stack: Frame[] = [first];
    let steps = 0;
    while (stack.length > 0) {
      const frame = stack[stack.length - 1];
      if (frame.next < frame.keys.length) {
        if (++steps > MAX_HASH_STEPS) {
          stack.forEach(leave);
          return hashers.base(rootBase) === hashers.head(rootHead);
        }
        const key = frame.keys[frame.next++];
        const baseChild = (frame.base.value as Record<string, unknown>)[key];
        const headChild = (frame.head.value as Record<string, unknown>)[key];
        // Plain values need no ref lookup (the hasher takes them as they are, too).
        if (!isObjectLike(baseChild) && !isObjectLike(headChild)) {
          if (baseChild === headChild || plainHash(baseChild) === plainHash(headChild)) continue;
          unequalBelow(stack);
          return false;
        }
        const isNamingMap = !frame.isArray && !frame.isNamingMap && NAMING_MAPS.has(key);
        const child = enter(childNode(frame.base, key, baseChild), childNode(frame.head, key, headChild), isNamingMap, stack.length);
        if (typeof child !== 'number') {
          stack.push(child);
          continue;
        }
        if (child === UNEQUAL) {
          unequalBelow(stack);
          return false;
        }
        if (child === CYCLE_UNEQUAL) {
          stack.forEach(leave);
          return false;
        }
        if (child === CYCLE_EQUAL) frame.cyclic = true;
        continue;
      }
      stack.pop();
      leave(frame);
      if (!frame.cyclic) rememberPair(equal[frame.isNamingMap ? 'naming' : 'schema'], frame.base.value as object, frame.head.value as object);
      const parent = stack[stack.length - 1];
      if (parent) parent.cyclic ||= frame.cyclic;
    }
    return true;
  };
}

/** How many keys `comparedKeys` would list, without listing them. */
function comparedKeyCount(value: Record<string, unknown>, isArray: boolean, isNamingMap: boolean): number {
  const keys = Object.keys(value);
  if (isArray || isNamingMap) return keys.length;
  let count = 0;
  for (const key of keys) if (!PROSE_KEYS.has(key)) count++;
  return count;
}

function hasAllKeys(value: object, keys: readonly string[]): boolean {
  for (const key of keys) if (!Object.prototype.hasOwnProperty.call(value, key)) return false;
  return true;
}

/** The keys the hasher digests: every index of an array, every key but prose outside naming maps. */
function comparedKeys(value: Record<string, unknown>, isArray: boolean, isNamingMap: boolean): string[] {
  const keys = Object.keys(value);
  return isArray || isNamingMap ? keys : keys.filter((key) => !PROSE_KEYS.has(key));
}

/**
 * The head objects remembered with one base object: most base objects only ever meet one head
 * object, kept as it is; a set is made for the second (values are parsed JSON, never sets).
 */
type Pairs = object | Set<object>;

function isPair(pairs: ReadonlyMap<object, Pairs>, baseValue: object, headValue: object): boolean {
  const heads = pairs.get(baseValue);
  return heads === headValue || (heads instanceof Set && heads.has(headValue));
}

function rememberPair(pairs: Map<object, Pairs>, baseValue: object, headValue: object): void {
  const heads = pairs.get(baseValue);
  if (heads === undefined) pairs.set(baseValue, headValue);
  else if (heads instanceof Set) heads.add(headValue);
  else if (heads !== headValue) pairs.set(baseValue, new Set([heads, headValue]));
}
