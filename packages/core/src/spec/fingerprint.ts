import { createHash, hash as oneShotHash } from 'node:crypto';
import { isObjectLike, type LoadedSpec, type SpecNode } from './load-spec';
import { encodePointer } from './json-pointer';
import type { Operation } from './operations';
import { swaggerMediaTypesOf } from './operation-parts';

/**
 * A hash of an operation's resolved closure: the operation object with every `$ref` inlined, keys
 * sorted, prose and examples left out (but a property *named* `description` kept). Moving an inline
 * schema into `components` (or into another file) keeps the fingerprint; any change to what it
 * means does not. Pass one `hasher` for all operations of a spec to share the work.
 */
export function fingerprintOperation(spec: LoadedSpec, operation: Operation, hasher = createNodeHasher(spec)): string {
  const hash = createHash('sha256').update(operation.key).update('\u0000').update(hasher(operation.node));
  // Swagger 2 root `consumes`/`produces` decide the operation's media types too (only when not plain JSON, so other fingerprints stay as they were).
  const media = swaggerMediaTypesOf(spec, operation);
  if (media) hash.update('\u0000').update(JSON.stringify(media));
  return hash.digest('hex').slice(0, 32);
}

/** Keys whose values name things (properties, statuses, media types), so a key like `description` there is data. */
export const NAMING_MAPS = new Set(['properties', 'patternProperties', 'dependentRequired', 'dependentSchemas', 'responses', 'content', 'headers', 'definitions', 'schemas', '$defs', 'mapping', 'encoding']);
export const PROSE_KEYS = new Set(['description', 'summary', 'example', 'examples', 'externalDocs']);

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
  // Keyed by the resolved value object, not by its file and pointer: building and hashing a pointer
  // string per node cost more than the rest of the walk. One object is one node of one document
  // (documents are parsed separately), so the identity says as much as the pointer did.
  const memo = { schema: new Map<object, string>(), naming: new Map<object, string>() };
  // Open nodes, with the depth of their frame: a node met again below itself hashes as the distance
  // back to it, so `A → B → A` and `A → B → B` differ (a bare "cycle" marker would make them equal).
  const inProgress = { schema: new Map<object, number>(), naming: new Map<object, number>() };
  const overBudget = new Set<object>();
  interface Frame {
    node: SpecNode;
    object: Record<string, unknown>;
    isArray: boolean;
    /** Keys of the children still to hash (sorted, prose left out unless this is a naming map). */
    keys: string[];
    next: number;
    isNamingMap: boolean;
    /**
     * What this node's hash digests, built as one string and hashed in one call when the node is
     * done: a hash object per node with an update per key cost more than all the rest of the walk.
     */
    text: string;
    cyclic: boolean;
  }
  type Entered = { hash: string; cyclic: boolean } | Frame;
  const enter = (node: SpecNode, isNamingMap: boolean, depth: number): Entered => {
    const resolved = spec.deref(node);
    if (!resolved) return { hash: '!unresolved', cyclic: false };
    if (!isObjectLike(resolved.value)) return { hash: plainHash(resolved.value), cyclic: false };
    const object = resolved.value as Record<string, unknown>;
    const mode = isNamingMap ? 'naming' : 'schema';
    const known = memo[mode].get(object);
    if (known) return { hash: known, cyclic: false };
    const openAt = inProgress[mode].get(object);
    if (openAt !== undefined) return { hash: `!cycle:${depth - openAt}`, cyclic: true };
    inProgress[mode].set(object, depth);
    const isArray = Array.isArray(object);
    const keys = isArray ? Object.keys(object) : Object.keys(object).sort();
    return { node: resolved, object, isArray, keys: isArray || isNamingMap ? keys : keys.filter((key) => !PROSE_KEYS.has(key)), next: 0, isNamingMap, text: isArray ? '[' : '{', cyclic: false };
  };
  const isFrame = (entered: Entered): entered is Frame => 'keys' in entered;
  const leave = (frame: Frame) => inProgress[frame.isNamingMap ? 'naming' : 'schema'].delete(frame.object);
  const hashOf = (root: SpecNode): string | undefined => {
    const first = enter(root, false, 0);
    if (!isFrame(first)) return first.hash;
    const stack: Frame[] = [first];
    let steps = 0;
    let result = '';
    while (stack.length > 0) {
      const frame = stack[stack.length - 1];
      if (frame.next < frame.keys.length) {
        if (++steps > MAX_HASH_STEPS) {
          for (const open of stack) {
            leave(open);
            // Hashing any node still open needs the subtree that ran out: do not try it again.
            overBudget.add(open.object);
          }
          return undefined;
        }
        const key = frame.keys[frame.next++];
        const value = frame.object[key];
        if (!frame.isArray) frame.text += `${JSON.stringify(key)}:`;
        // A plain value is its own hash: no pointer, no lookup (it has no `$ref` to follow).
        const child = isObjectLike(value) ? enter({ file: frame.node.file, pointer: `${frame.node.pointer}/${encodePointer(key)}`, value }, !frame.isArray && !frame.isNamingMap && NAMING_MAPS.has(key), stack.length) : { hash: plainHash(value), cyclic: false };
        if (isFrame(child)) {
          stack.push(child);
          continue;
        }
        frame.cyclic ||= child.cyclic;
        frame.text += `${child.hash},`;
        continue;
      }
      stack.pop();
      leave(frame);
      const digest = oneShotHash('sha1', frame.text, 'base64');
      if (!frame.cyclic) memo[frame.isNamingMap ? 'naming' : 'schema'].set(frame.object, digest);
      const parent = stack[stack.length - 1];
      if (!parent) {
        result = digest;
        break;
      }
      parent.cyclic ||= frame.cyclic;
      parent.text += `${digest},`;
    }
    return result;
  };
  // Nodes whose hash ran out of budget once would run out again: remember their fallback digest.
  const fallbacks = new Map<object, string>();
  return (node) => {
    const resolved = spec.deref(node);
    const object = resolved && isObjectLike(resolved.value) ? resolved.value : undefined;
    const known = object === undefined ? undefined : fallbacks.get(object);
    if (known !== undefined) return known;
    const hash = object !== undefined && overBudget.has(object) ? undefined : hashOf(node);
    if (hash !== undefined) return hash;
    const digest = closureDigest(spec, node);
    if (object !== undefined) fallbacks.set(object, digest);
    return digest;
  };
}

/** The hash of a plain (non-object) value: its JSON. */
export function plainHash(value: unknown): string {
  return JSON.stringify(value) ?? 'undefined';
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
      hash.update(plainHash(current.value)).update(';');
      continue;
    }
    const value = current.value as Record<string, unknown>;
    for (const key of Object.keys(value).sort()) {
      hash.update(JSON.stringify(key)).update(',');
      stack.push({ file: current.file, pointer: `${current.pointer}/${encodePointer(key)}`, value: value[key] });
    }
    hash.update(';');
  }
  return `!closure:${hash.digest('base64')}`;
}
