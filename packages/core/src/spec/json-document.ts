import { MAX_DOCUMENT_NESTING } from './nesting-depth';

/** A JSON text read with JSON.parse, which finds where a node starts only when asked. */
export interface PlainJsonDocument {
  value: unknown;
  /** Every distinct `$ref` string of the document (any string under a `$ref` key), found by the walk that counts keys. */
  refs: ReadonlySet<string>;
  /** The 1-based line and column where the node at `segments` starts; the nearest ancestor when absent. */
  position(segments: readonly string[]): { line: number; column: number };
}

/** The character codes the scans compare against, in the order of the string they come from. */
const [QUOTE, BACKSLASH, COLON, COMMA, OPEN_BRACE, CLOSE_BRACE, OPEN_BRACKET, CLOSE_BRACKET, LINE_FEED, CARRIAGE_RETURN, SPACE, TAB] = Array.from('"\\:,{}[]\n\r \t', (char) => char.charCodeAt(0));

/**
 * Reads a JSON spec the fast way: JSON.parse for the values (the YAML parser that keeps every
 * node's position is about fifty times slower on a 10 MB spec and holds its syntax tree in memory).
 * Returns `undefined` for any text whose reading by the YAML parser could differ, so that the
 * caller takes that slower path and reports exactly what it always reported: invalid JSON,
 * duplicate keys (JSON.parse keeps the last one silently, the YAML path refuses the file), nesting
 * near the limit, and lone carriage returns (which YAML reads as part of the keys).
 */
export function readPlainJson(text: string): PlainJsonDocument | undefined {
  const value = parseWithoutRepeatedKeys(text);
  if (value === undefined) return undefined;
  let positions: JsonPositions | undefined;
  return {
    value: value.parsed,
    refs: value.refs,
    position: (segments) => {
      // The scan that finds lines and far ends is as long as the parse: only specs with something
      // to locate pay for it.
      positions ??= new JsonPositions(text, value.shape ?? scanShape(text));
      return positions.lineColumn(positions.offsetOf(segments));
    },
  };
}

/**
 * JSON.parse of `text`, or `undefined` when the YAML path must read it instead (see
 * `readPlainJson`). Repeated keys are told from counts: in valid JSON each ':' outside strings
 * ends a key and each ':' inside one stays in the parsed string, unless written `\u003a`. So
 * without that escape, the ':' of the text number the keys plus the ':' of every key and string of
 * the value exactly when no key was dropped (a dropped key takes its ':' and its strings' ones
 * along). That costs a native search of the text and a walk of the value, not a scan of every
 * character; texts with a carriage return or an escaped ':' get the character scan.
 */
function parseWithoutRepeatedKeys(text: string): { parsed: unknown; refs: ReadonlySet<string>; shape?: TextShape } | undefined {
  const needsScan = text.includes('\r') || text.includes('\\u003a') || text.includes('\\u003A');
  const shape = needsScan ? scanShape(text) : undefined;
  if (shape && (shape.maxDepth >= MAX_DOCUMENT_NESTING || shape.loneCarriageReturn)) return undefined;
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return undefined;
  }
  const counts = countValue(parsed);
  if (counts.maxDepth >= MAX_DOCUMENT_NESTING) return undefined;
  const noKeyDropped = shape ? counts.keys === shape.colons : counts.keys + counts.colonsInStrings === countColons(text);
  return noKeyDropped ? { parsed, refs: counts.refs, shape } : undefined;
}

interface TextShape {
  /** How deeply brackets nest. */
  maxDepth: number;
  /** ':' outside strings. */
  colons: number;
  loneCarriageReturn: boolean;
  /** Offsets where lines start (valid JSON has no line break inside a string). */
  lineStarts: number[];
  /** Where each object or array longer than `FAR_END` closes, by the offset where it opens. */
  farEnds: Map<number, number>;
}

/**
 * Objects and arrays at least this long get their end remembered, so that finding a member of a
 * large object (`paths` of a 10 MB spec) jumps over its large siblings instead of reading them.
 */
const FAR_END = 4096;

/** One pass over the text, never recursing; meaningful for valid JSON only (JSON.parse decides that). */
function scanShape(text: string): TextShape {
  const lineStarts = [0];
  const farEnds = new Map<number, number>();
  const opens: number[] = [];
  let maxDepth = 0;
  let colons = 0;
  let loneCarriageReturn = false;
  // Locals and the commonest characters first: this loop reads every character outside strings.
  for (let offset = 0; offset < text.length; offset++) {
    const char = text.charCodeAt(offset);
    if (char === SPACE) continue;
    if (char === LINE_FEED) {
      lineStarts.push(offset + 1);
      while (text.charCodeAt(offset + 1) === SPACE) offset++;
    } else if (char === QUOTE) {
      offset = closingQuote(text, offset);
    } else if (char === COLON) {
      colons++;
    } else if (char === OPEN_BRACE || char === OPEN_BRACKET) {
      maxDepth = Math.max(maxDepth, opens.push(offset));
    } else if (char === CLOSE_BRACE || char === CLOSE_BRACKET) {
      const open = opens.pop();
      if (open !== undefined && offset - open >= FAR_END) farEnds.set(open, offset);
    } else if (char === CARRIAGE_RETURN && text.charCodeAt(offset + 1) !== LINE_FEED) {
      loneCarriageReturn = true;
    }
  }
  return { maxDepth, colons, loneCarriageReturn, lineStarts, farEnds };
}

/** Own keys of every object in a parsed value, the ':' in its keys and strings, how deeply it nests and its `$ref` strings; without recursion. */
function countValue(root: unknown): { keys: number; colonsInStrings: number; maxDepth: number; refs: Set<string> } {
  const refs = new Set<string>();
  let keys = 0;
  let colonsInStrings = 0;
  let maxDepth = 0;
  // Two stacks rather than one of pairs: no allocation per node.
  const values: unknown[] = [root];
  const depths: number[] = [0];
  while (values.length > 0) {
    const value = values.pop();
    const depth = depths.pop() as number;
    if (typeof value === 'string') {
      colonsInStrings += countColons(value);
      continue;
    }
    if (typeof value !== 'object' || value === null) continue;
    if (depth >= maxDepth) maxDepth = depth + 1;
    if (Array.isArray(value)) {
      for (const item of value) {
        values.push(item);
        depths.push(depth + 1);
      }
      continue;
    }
    for (const key of Object.keys(value)) {
      keys++;
      colonsInStrings += countColons(key);
      const child = (value as Record<string, unknown>)[key];
      if (key === '$ref' && typeof child === 'string') refs.add(child);
      values.push(child);
      depths.push(depth + 1);
    }
  }
  return { keys, colonsInStrings, maxDepth, refs };
}

function countColons(text: string): number {
  let count = 0;
  for (let at = text.indexOf(':'); at !== -1; at = text.indexOf(':', at + 1)) count++;
  return count;
}

/** The offset of the quote that closes the string opened at `openingQuote` (the text's length when none does). */
function closingQuote(text: string, openingQuote: number): number {
  let quote = text.indexOf('"', openingQuote + 1);
  while (quote !== -1) {
    let backslashes = 0;
    while (text.charCodeAt(quote - 1 - backslashes) === BACKSLASH) backslashes++;
    if (backslashes % 2 === 0) return quote;
    quote = text.indexOf('"', quote + 1);
  }
  return text.length;
}

interface MemberOffsets {
  key: number;
  value: number;
}

/**
 * Where nodes of a valid JSON text start, found the way the YAML parser reports them: a member at
 * the quote of its key, an array item and the root at their first character. Each object or array
 * on a requested path is scanned once (skipping its children's contents) and its members kept.
 */
class JsonPositions {
  private readonly objects = new Map<number, Map<string, MemberOffsets>>();
  private readonly arrays = new Map<number, number[]>();
  private readonly lineStarts: readonly number[];
  private readonly farEnds: ReadonlyMap<number, number>;

  constructor(
    private readonly text: string,
    shape: Pick<TextShape, 'lineStarts' | 'farEnds'>,
  ) {
    this.lineStarts = shape.lineStarts;
    this.farEnds = shape.farEnds;
  }

  offsetOf(segments: readonly string[]): number {
    let offset = this.skipWhitespace(0);
    let valueOffset = offset;
    for (const segment of segments) {
      const char = this.text.charCodeAt(valueOffset);
      if (char === OPEN_BRACE) {
        const member = this.membersAt(valueOffset).get(segment);
        if (!member) break;
        offset = member.key;
        valueOffset = member.value;
      } else if (char === OPEN_BRACKET) {
        // `Number` as the YAML path indexes its sequences: '01' is item 1 there too.
        const item = this.itemsAt(valueOffset)[Number(segment)];
        if (item === undefined) break;
        offset = item;
        valueOffset = item;
      } else {
        break;
      }
    }
    return offset;
  }

  /** 1-based line and column, counting UTF-16 units as the YAML parser does. */
  lineColumn(offset: number): { line: number; column: number } {
    let low = 0;
    let high = this.lineStarts.length - 1;
    while (low < high) {
      const middle = (low + high + 1) >> 1;
      if (this.lineStarts[middle] <= offset) low = middle;
      else high = middle - 1;
    }
    return { line: low + 1, column: offset - this.lineStarts[low] + 1 };
  }

  private membersAt(open: number): Map<string, MemberOffsets> {
    let members = this.objects.get(open);
    if (members) return members;
    members = new Map();
    let offset = this.skipWhitespace(open + 1);
    while (this.text.charCodeAt(offset) === QUOTE) {
      const keyEnd = closingQuote(this.text, offset);
      const raw = this.text.slice(offset + 1, keyEnd);
      const key = raw.includes('\\') ? (JSON.parse(`"${raw}"`) as string) : raw;
      const valueStart = this.skipWhitespace(this.skipWhitespace(keyEnd + 1) + 1);
      members.set(key, { key: offset, value: valueStart });
      offset = this.afterSeparator(this.skipValue(valueStart));
    }
    this.objects.set(open, members);
    return members;
  }

  private itemsAt(open: number): number[] {
    let items = this.arrays.get(open);
    if (items) return items;
    items = [];
    let offset = this.skipWhitespace(open + 1);
    while (offset < this.text.length && this.text.charCodeAt(offset) !== CLOSE_BRACKET) {
      items.push(offset);
      offset = this.afterSeparator(this.skipValue(offset));
    }
    this.arrays.set(open, items);
    return items;
  }

  /** Past the ',' that follows a value (and the whitespace around it), or at the closing bracket. */
  private afterSeparator(offset: number): number {
    const next = this.skipWhitespace(offset);
    return this.text.charCodeAt(next) === COMMA ? this.skipWhitespace(next + 1) : next;
  }

  /** The offset just past the value that starts at `start`. */
  private skipValue(start: number): number {
    const text = this.text;
    const first = text.charCodeAt(start);
    if (first === QUOTE) return closingQuote(text, start) + 1;
    if (first === OPEN_BRACE || first === OPEN_BRACKET) {
      const farEnd = this.farEnds.get(start);
      if (farEnd !== undefined) return farEnd + 1;
      let depth = 0;
      for (let offset = start; offset < text.length; offset++) {
        const char = text.charCodeAt(offset);
        if (char === QUOTE) offset = closingQuote(text, offset);
        else if (char === OPEN_BRACE || char === OPEN_BRACKET) depth++;
        else if ((char === CLOSE_BRACE || char === CLOSE_BRACKET) && --depth === 0) return offset + 1;
      }
      return text.length;
    }
    let offset = start;
    while (offset < text.length && !isScalarEnd(text.charCodeAt(offset))) offset++;
    return offset;
  }

  private skipWhitespace(offset: number): number {
    while (offset < this.text.length && isWhitespace(this.text.charCodeAt(offset))) offset++;
    return offset;
  }
}

function isWhitespace(char: number): boolean {
  return char === SPACE || char === LINE_FEED || char === CARRIAGE_RETURN || char === TAB;
}

function isScalarEnd(char: number): boolean {
  return char === COMMA || char === CLOSE_BRACE || char === CLOSE_BRACKET || isWhitespace(char);
}
