import { createHash } from 'node:crypto';
import { isObjectLike, type LoadedSpec, type SpecNode } from './load-spec';
import type { Operation } from './operations';

/**
 * A hash of an operation's resolved closure: the operation object with every `$ref` inlined, keys
 * sorted, prose and examples left out (but a property *named* `description` kept). Moving an inline
 * schema into `components` (or into another file) keeps the fingerprint; any change to what it
 * means does not. Pass one `hasher` for all operations of a spec to share the work.
 */
export function fingerprintOperation(spec: LoadedSpec, operation: Operation, hasher = createNodeHasher(spec)): string {
  return createHash('sha256').update(operation.key).update('\u0000').update(hasher(operation.node)).digest('hex').slice(0, 32);
}

/** Keys whose values name things (properties, statuses, media types), so a key like `description` there is data. */
const NAMING_MAPS = new Set(['properties', 'patternProperties', 'dependentRequired', 'dependentSchemas', 'responses', 'content', 'headers', 'definitions', 'schemas', '$defs', 'mapping', 'encoding']);
const PROSE_KEYS = new Set(['description', 'summary', 'example', 'examples', 'externalDocs']);

/**
 * How many nodes one hash may visit afresh. Memoized nodes cost nothing, but nodes inside a `$ref`
 * cycle cannot be memoized (their hash depends on where the cycle was entered), so a densely
 * connected set of schemas could take exponential time. Past the budget the operation falls back
 * to a linear digest of everything it reaches (see `closureDigest`).
 */
export const MAX_HASH_STEPS = 50_000;

/**
 * A memoized hasher of resolved spec nodes: two nodes get the same hash when they mean the same
 * after `$ref`s are inlined (prose and examples ignored). Used to skip equal schemas and to pair
 * `oneOf` members; each node is hashed once per spec, so a large spec costs one pass. It uses an
 * explicit stack, never recursion, so a chain of thousands of `$ref`s cannot exhaust the call stack.
 */
export function createNodeHasher(spec: LoadedSpec): (node: SpecNode) => string {
  const memo = new Map<string, string>();
  const inProgress = new Set<string>();
  const overBudget = new Set<string>();
  interface Frame {
    id: string;
    resolved: SpecNode;
    isArray: boolean;
    /** Children still to hash: [key, value, child is a naming map]. */
    children: Array<[string, unknown, boolean]>;
    next: number;
    hash: ReturnType<typeof createHash>;
    cyclic: boolean;
  }
  type Entered = { hash: string; cyclic: boolean } | Frame;
  const enter = (node: SpecNode, isNamingMap: boolean): Entered => {
    const resolved = spec.deref(node);
    if (!resolved) return { hash: '!unresolved', cyclic: false };
    if (!isObjectLike(resolved.value)) return { hash: JSON.stringify(resolved.value) ?? 'undefined', cyclic: false };
    const id = `${isNamingMap ? 'm' : 's'}${resolved.file}#${resolved.pointer}`;
    const known = memo.get(id);
    if (known) return { hash: known, cyclic: false };
    if (inProgress.has(id)) return { hash: '!cycle', cyclic: true };
    inProgress.add(id);
    const value = resolved.value as Record<string, unknown>;
    const isArray = Array.isArray(value);
    const children: Frame['children'] = isArray
      ? (value as unknown[]).map((item, index) => [String(index), item, false])
      : Object.keys(value)
          .sort()
          .filter((key) => isNamingMap || !PROSE_KEYS.has(key))
          .map((key) => [key, value[key], !isNamingMap && NAMING_MAPS.has(key)]);
    const hash = createHash('sha1').update(isArray ? '[' : '{');
    return { id, resolved, isArray, children, next: 0, hash, cyclic: false };
  };
  const isFrame = (entered: Entered): entered is Frame => 'children' in entered;
  const hashOf = (root: SpecNode): string | undefined => {
    const first = enter(root, false);
    if (!isFrame(first)) return first.hash;
    const stack: Frame[] = [first];
    let steps = 0;
    let result = '';
    while (stack.length > 0) {
      const frame = stack[stack.length - 1];
      if (frame.next < frame.children.length) {
        if (++steps > MAX_HASH_STEPS) {
          for (const open of stack) {
            inProgress.delete(open.id);
            // Hashing any node still open needs the subtree that ran out: do not try it again.
            overBudget.add(`${open.resolved.file}#${open.resolved.pointer}`);
          }
          return undefined;
        }
        const [key, value, isNamingMap] = frame.children[frame.next++];
        if (!frame.isArray) frame.hash.update(JSON.stringify(key)).update(':');
        const child = enter({ file: frame.resolved.file, pointer: `${frame.resolved.pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, value }, isNamingMap);
        if (isFrame(child)) {
          stack.push(child);
          continue;
        }
        frame.cyclic ||= child.cyclic;
        frame.hash.update(child.hash).update(',');
        continue;
      }
      stack.pop();
      inProgress.delete(frame.id);
      const digest = frame.hash.digest('base64');
      if (!frame.cyclic) memo.set(frame.id, digest);
      const parent = stack[stack.length - 1];
      if (!parent) {
        result = digest;
        break;
      }
      parent.cyclic ||= frame.cyclic;
      parent.hash.update(digest).update(',');
    }
    return result;
  };
  // Nodes whose hash ran out of budget once would run out again: remember their fallback digest.
  const fallbacks = new Map<string, string>();
  return (node) => {
    const resolved = spec.deref(node);
    const id = resolved && `${resolved.file}#${resolved.pointer}`;
    const known = id === undefined ? undefined : fallbacks.get(id);
    if (known !== undefined) return known;
    const hash = id !== undefined && overBudget.has(id) ? undefined : hashOf(node);
    if (hash !== undefined) return hash;
    const digest = closureDigest(spec, node);
    if (id !== undefined) fallbacks.set(id, digest);
    return digest;
  };
}

/**
 * A linear digest of every node reachable from `node` (refs followed, each node once, by its place
 * and its own plain values). It changes whenever anything reachable changes, but also when a schema
 * only moves; used only when the structural hash runs out of budget.
 */
function closureDigest(spec: LoadedSpec, node: SpecNode): string {
  const hash = createHash('sha1').update('!closure');
  const visited = new Set<string>();
  const stack: SpecNode[] = [node];
  while (stack.length > 0) {
    const current = spec.deref(stack.pop() as SpecNode);
    if (!current) continue;
    const id = `${current.file}#${current.pointer}`;
    if (visited.has(id)) continue;
    visited.add(id);
    hash.update(id).update('=');
    if (!isObjectLike(current.value)) {
      hash.update(JSON.stringify(current.value) ?? 'undefined').update(';');
      continue;
    }
    const value = current.value as Record<string, unknown>;
    for (const key of Object.keys(value).sort()) {
      hash.update(JSON.stringify(key)).update(',');
      stack.push({ file: current.file, pointer: `${current.pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, value: value[key] });
    }
    hash.update(';');
  }
  return `!closure:${hash.digest('base64')}`;
}
