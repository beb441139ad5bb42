/**
 * How deep a YAML or JSON document may nest (mappings and sequences, block or flow). The YAML
 * parser and the conversion to plain values recurse once per level: past about a thousand levels
 * they exhaust the stack, and V8 can then abort the whole process (not throw) when it compiles a
 * regular expression with no stack left. Real specs nest a few dozen levels; 256 leaves room for
 * the deepest generated ones and keeps every later recursive step far from the stack limit.
 */
export const MAX_DOCUMENT_NESTING = 256;

interface BlockLevel {
  column: number;
  kind: 'map' | 'seq';
}

/**
 * The offset at which a YAML or JSON text first nests deeper than `limit`, found by a single
 * lexical pass that never recurses; `undefined` when it stays within the limit. The count errs on
 * the high side (a multi-line scalar may count as one more level), never on the low side.
 */
export function findExcessiveNesting(text: string, limit = MAX_DOCUMENT_NESTING): number | undefined {
  const block: BlockLevel[] = [];
  let flow = 0;
  let quote: '"' | "'" | undefined;
  let blockScalarParent: number | undefined;
  let lineStart = 0;
  while (lineStart <= text.length) {
    let lineEnd = text.indexOf('\n', lineStart);
    if (lineEnd === -1) lineEnd = text.length;
    const line = text.slice(lineStart, lineEnd);
    const indent = /^[ \t]*/.exec(line)?.[0].length ?? 0;
    const blank = indent === line.length || line[indent] === '#';
    let position = 0;
    let atValueStart = true;
    if (blockScalarParent !== undefined && (blank || indent > blockScalarParent)) {
      lineStart = lineEnd + 1;
      continue;
    }
    blockScalarParent = undefined;
    if (flow === 0 && quote === undefined && !blank) {
      if (indent === 0 && /^(---|\.\.\.)(\s|$)/.test(line)) block.length = 0;
      position = indent;
      let lastColumn = indent;
      const push = (column: number, kind: BlockLevel['kind']): boolean => {
        while (block.length > 0 && block[block.length - 1].column > column) block.pop();
        while (block.length > 0 && block[block.length - 1].column === column) {
          const top = block[block.length - 1];
          if (top.kind === 'map' && kind === 'seq') break;
          block.pop();
        }
        block.push({ column, kind });
        lastColumn = column;
        return block.length > limit;
      };
      while (/^[-?:](\s|$)/.test(line.slice(position))) {
        if (push(position, line[position] === '-' ? 'seq' : 'map')) return lineStart + position;
        position += 1;
        while (line[position] === ' ' || line[position] === '\t') position++;
      }
      if (position < line.length && line[position] !== '#' && push(position, 'map')) return lineStart + position;
      const content = line.slice(position).replace(/\s#.*$/, '');
      if (/^(?:[^\s].*?:\s+)?[|>][0-9+-]*\s*$/.test(content)) {
        blockScalarParent = lastColumn;
        lineStart = lineEnd + 1;
        continue;
      }
    }
    for (; position < line.length; position++) {
      const char = line[position];
      if (quote === '"') {
        if (char === '\\') position++;
        else if (char === '"') quote = undefined;
        continue;
      }
      if (quote === "'") {
        if (char === "'" && line[position + 1] === "'") position++;
        else if (char === "'") quote = undefined;
        continue;
      }
      if (char === ' ' || char === '\t' || char === '\r') continue;
      if (char === '#' && (position === 0 || line[position - 1] === ' ' || line[position - 1] === '\t')) break;
      if (atValueStart && (char === '"' || char === "'")) {
        quote = char;
        atValueStart = false;
        continue;
      }
      if ((char === '[' || char === '{') && (flow > 0 || atValueStart)) {
        flow++;
        if (flow + block.length > limit) return lineStart + position;
        atValueStart = true;
        continue;
      }
      if (flow > 0 && (char === ']' || char === '}')) {
        flow--;
        atValueStart = false;
        continue;
      }
      if (flow > 0 && (char === ',' || char === ':')) {
        atValueStart = true;
        continue;
      }
      if (flow === 0 && (char === ':' || char === '-' || char === '?') && /\s/.test(line[position + 1] ?? ' ')) {
        atValueStart = true;
        continue;
      }
      atValueStart = false;
    }
    lineStart = lineEnd + 1;
  }
  return undefined;
}
