import { createHash } from 'node:crypto';
import { isObjectLike, type LoadedSpec, type SpecNode } from './load-spec';
import type { Operation } from './operations';

/**
 * A hash of an operation's resolved closure: the operation object with every `$ref` inlined, keys
 * sorted, and recursion written as a back-reference depth. Moving an inline schema into
 * `components` (or into another file) keeps the fingerprint; any change to what it means does not.
 */
export function fingerprintOperation(spec: LoadedSpec, operation: Operation): string {
  const hash = createHash('sha256');
  hash.update(operation.key);
  writeCanonical(spec, operation.node, [], (chunk) => hash.update(chunk));
  return hash.digest('hex').slice(0, 32);
}

function writeCanonical(spec: LoadedSpec, node: SpecNode, stack: string[], write: (chunk: string) => void): void {
  const resolved = spec.deref(node);
  if (!resolved) {
    write('!unresolved');
    return;
  }
  if (!isObjectLike(resolved.value)) {
    write(JSON.stringify(resolved.value));
    return;
  }
  const id = `${resolved.file}#${resolved.pointer}`;
  const depth = stack.lastIndexOf(id);
  if (depth !== -1) {
    write(`!recursion:${stack.length - depth}`);
    return;
  }
  stack.push(id);
  if (Array.isArray(resolved.value)) {
    write('[');
    resolved.value.forEach((item, index) => {
      writeCanonical(spec, { file: resolved.file, pointer: `${resolved.pointer}/${index}`, value: item }, stack, write);
      write(',');
    });
    write(']');
  } else {
    write('{');
    for (const key of Object.keys(resolved.value).sort()) {
      if (key === 'description' || key === 'summary' || key === 'example' || key === 'examples') continue;
      write(`${JSON.stringify(key)}:`);
      const value = (resolved.value as Record<string, unknown>)[key];
      writeCanonical(spec, { file: resolved.file, pointer: `${resolved.pointer}/${key.replace(/~/g, '~0').replace(/\//g, '~1')}`, value }, stack, write);
      write(',');
    }
    write('}');
  }
  stack.pop();
}
