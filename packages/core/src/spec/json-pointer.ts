/** Escapes one key for a JSON pointer (RFC 6901). */
export function encodePointer(key: string): string {
  // Called for every node of a walk; most keys have nothing to escape.
  if (!key.includes('~') && !key.includes('/')) return key;
  return key.replace(/~/g, '~0').replace(/\//g, '~1');
}

/** Splits a JSON pointer (`/paths/~1users/get`, with or without `#`) into its unescaped keys. */
export function decodePointer(pointer: string): string[] {
  const body = pointer.startsWith('#') ? pointer.slice(1) : pointer;
  if (body === '' || body === '/') return [];
  return body
    .slice(body.startsWith('/') ? 1 : 0)
    .split('/')
    .map(decodeSegment);
}

function decodeSegment(segment: string): string {
  // Most segments have nothing to unescape (every pointer of a ref is decoded when it is resolved).
  if (!segment.includes('%') && !segment.includes('~')) return segment;
  return safeDecodeUri(segment).replace(/~1/g, '/').replace(/~0/g, '~');
}

/** Pointers taken from `$ref` URIs may be percent-encoded; a stray `%` is kept as it is. */
function safeDecodeUri(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}
