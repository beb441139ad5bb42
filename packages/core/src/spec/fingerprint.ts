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
 * A memoized hasher of resolved spec nodes: two nodes get the same hash when they mean the same
 * after `$ref`s are inlined (prose and examples ignored). Used to skip equal schemas and to pair
 * `oneOf` members; each node is hashed once per spec, so a large spec costs one pass.
 */
export function createNodeHasher(spec: LoadedSpec): (node: SpecNode) => string {
  const memo = new Map<string, string>();
  const inProgress = new Set<string>();
  // Returns the hash and whether it depends on a node still being hashed (then it is not memoized).
  const hashOf = (node: SpecNode, isNamingMap: boolean): { hash: string; cyclic: boolean } => {
    const resolved = spec.deref(node);
    if (!resolved) return { hash: '!unresolved', cyclic: false };
    if (!isObjectLike(resolved.value)) return { hash: JSON.stringify(resolved.value) ?? 'undefined', cyclic: false };
    const id = `${isNamingMap ? 'm' : 's'}${resolved.file}#${resolved.pointer}`;
    const known = memo.get(id);
    if (known) return { hash: known, cyclic: false };
    if (inProgress.has(id)) return { hash: '!cycle', cyclic: true };
    inProgress.add(id);
    const hash = createHash('sha1');
    let cyclic = false;
    const value = resolved.value as Record<string, unknown>;
    if (Array.isArray(value)) {
      hash.update('[');
      value.forEach((item, index) => {
        const child = hashOf({ file: resolved.file, pointer: `${resolved.pointer}/${index}`, value: item }, false);
        cyclic ||= child.cyclic;
        hash.update(child.hash).update(',');
      });
    } else {
      hash.update('{');
      for (const key of Object.keys(value).sort()) {
        if (!isNamingMap && PROSE_KEYS.has(key)) continue;
        const child = hashOf({ file: resolved.file, pointer: `${resolved.pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, value: value[key] }, !isNamingMap && NAMING_MAPS.has(key));
        cyclic ||= child.cyclic;
        hash.update(JSON.stringify(key)).update(':').update(child.hash).update(',');
      }
    }
    inProgress.delete(id);
    const digest = hash.digest('base64');
    if (!cyclic) memo.set(id, digest);
    return { hash: digest, cyclic };
  };
  return (node) => hashOf(node, false).hash;
}
