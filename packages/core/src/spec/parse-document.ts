import { Document, isAlias, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, visit, type Node, type YAMLMap } from 'yaml';
import type { InputProblem, SourceLocation } from '../model';
import { readPlainJson } from './json-document';
import { readPlainYaml } from './plain-yaml';
import { findJsonSyntaxError } from './json-syntax';
import { findExcessiveNesting, MAX_DOCUMENT_NESTING } from './nesting-depth';

/** A parsed YAML or JSON file that can still tell where each of its nodes came from. */
export interface ParsedDocument {
  file: string;
  value: unknown;
  /** Every distinct `$ref` string of the document, when the reader collected them on its way (JSON). */
  refs?: ReadonlySet<string>;
  /** Where the node at `segments` (a JSON pointer split into keys) starts; the nearest ancestor when absent. */
  locate(segments: readonly string[]): SourceLocation;
}

/** Aliases beyond this many expansions are refused: it stops "billion laughs" documents. */
const MAX_ALIAS_EXPANSIONS = 1000;

/**
 * Parses YAML or JSON text. A plain JSON file is read with JSON.parse and a plain YAML file with
 * js-yaml, their positions found only when asked; any other text (and every file with something
 * to report) goes through one position-keeping YAML parser (JSON is YAML 1.2), so all get
 * line:col. Returns the problem instead of throwing when the text is not a valid document.
 */
export function parseSpecDocument(file: string, text: string): ParsedDocument | InputProblem {
  // A UTF-8 byte order mark (some Windows editors write one) is not part of the document, in JSON as in YAML.
  if (text.charCodeAt(0) === 0xfeff) return parseSpecDocument(file, text.slice(1));
  if (file.endsWith('.json')) {
    const plainJson = readPlainJson(text);
    if (plainJson) return { file, value: plainJson.value, refs: plainJson.refs, locate: (segments) => ({ file, ...plainJson.position(segments) }) };
  } else if (findExcessiveNesting(text) === undefined) {
    const plainYaml = readPlainYaml(text);
    if (plainYaml) return { file, value: plainYaml, locate: locateOnFirstUse(file, text) };
  }
  return parseThroughYaml(file, text);
}

/**
 * Positions for a document read the fast way: the position-keeping parser reads it on the first
 * `locate` (only specs with something to report get there), and answers every one after that.
 */
function locateOnFirstUse(file: string, text: string): ParsedDocument['locate'] {
  let positioned: ParsedDocument | InputProblem | undefined;
  return (segments) => {
    positioned ??= parseThroughYaml(file, text);
    // The fast reader accepted the text, so the slow one does too; should they ever disagree, the file start still says where.
    return isInputProblem(positioned) ? { file, line: 1, column: 1 } : positioned.locate(segments);
  };
}

/** The position-keeping reader alone, which every problem is reported by (exported for tests comparing the fast readers with it). */
export function parseThroughYaml(file: string, text: string): ParsedDocument | InputProblem {
  const lineCounter = new LineCounter();
  // Before any parser sees it: a parser recursing per level could exhaust the stack, or worse.
  const tooDeepAt = findExcessiveNesting(text);
  if (tooDeepAt !== undefined) return tooDeep(file, text, tooDeepAt);
  if (file.endsWith('.json')) {
    const jsonError = strictJsonError(file, text);
    if (jsonError) return jsonError;
  }
  let doc: Document.Parsed;
  try {
    // The parser's own duplicate-key check compares each key with every earlier one (quadratic on a
    // 10,000-path spec); `firstDuplicateKey` does the same check in one pass.
    // Merge keys (`<<: *base`, YAML 1.1) are applied as most YAML tools do; a quoted "<<" (all JSON keys) is a plain key.
    doc = parseDocument(text, { lineCounter, uniqueKeys: false, prettyErrors: false, strict: false, logLevel: 'error', merge: true });
  } catch (error) {
    return unreadable(file, error);
  }
  const syntaxError = doc.errors[0];
  if (syntaxError && isStackOverflow(syntaxError)) return tooDeep(file, text, syntaxError.pos[0]);
  const duplicate = syntaxError ? undefined : firstDuplicateKey(doc);
  const recursive = syntaxError || duplicate !== undefined ? undefined : firstRecursiveAlias(doc);
  const firstError =
    syntaxError ??
    (duplicate !== undefined ? { message: 'Map keys must be unique', pos: [duplicate] } : recursive !== undefined ? { message: 'an alias refers to a node that contains it (a recursive anchor), so the document has no end', pos: [recursive] } : undefined);
  if (firstError) {
    const quoteStart = syntaxError ? unclosedQuoteStart(doc, syntaxError) : undefined;
    const [line, column] = positionOf(lineCounter, quoteStart ?? firstError.pos[0]);
    const kind = looksLikeJson(file, text) ? 'JSON' : 'YAML';
    // The parser's own wording names a function of its API; say what it means for a spec.
    if (syntaxError && (syntaxError as { code?: string }).code === 'MULTIPLE_DOCS') {
      return {
        code: 'spec-invalid-document',
        message: `${file} holds more than one YAML document: the \`---\` at line ${line} starts a second one`,
        location: { file, line, column },
        hint: `A spec is one document: remove the \`---\` at ${file}:${line}:${column} and what follows it, or move that part into a file of its own; the other specs are still checked.`,
      };
    }
    return {
      code: 'spec-invalid-document',
      message: `${file} is not valid ${kind}: ${firstLine(firstError.message)}${quoteStart === undefined ? '' : ': the quote that opens here is never closed'}`,
      location: { file, line, column },
      hint: `Fix the ${kind} syntax at ${file}:${line}:${column}; the other specs are still checked.`,
    };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_EXPANSIONS });
  } catch (error) {
    return unreadable(file, error);
  }
  return {
    file,
    value,
    locate: (segments) => {
      const [line, column] = positionOf(lineCounter, startOffset(doc, segments));
      return { file, line, column };
    },
  };
}

function tooDeep(file: string, text: string, offset: number): InputProblem {
  const before = text.slice(0, offset).split('\n');
  const line = before.length;
  const column = before[before.length - 1].length + 1;
  return {
    code: 'spec-too-deep',
    message: `${file} nests deeper than ${MAX_DOCUMENT_NESTING} levels at line ${line}; it was not read`,
    location: { file, line, column },
    hint: `Flatten the document at ${file}:${line}:${column} (move nested schemas into components and $ref them); the other specs are still checked.`,
  };
}

/** The parser or the conversion gave up (too many alias expansions, a recursive alias, ...). */
function unreadable(file: string, error: unknown): InputProblem {
  if (isStackOverflow(error)) return tooDeep(file, '', 0);
  const message = error instanceof Error ? error.message : String(error);
  const aliases = /alias/i.test(message);
  return {
    code: 'spec-invalid-document',
    message: `${file} cannot be read: ${firstLine(message)}`,
    location: { file, line: 1, column: 1 },
    hint: aliases ? 'Remove the excessive YAML aliases (anchors expanding into a huge document).' : `Fix ${file}; the other specs are still checked.`,
  };
}

function isStackOverflow(error: unknown): boolean {
  return error instanceof RangeError || (typeof error === 'object' && error !== null && /Maximum call stack size exceeded/.test(String((error as { message?: unknown }).message)));
}

/** True when `parsed` is a problem rather than a document. */
export function isInputProblem(parsed: unknown): parsed is InputProblem {
  return typeof parsed === 'object' && parsed !== null && 'code' in parsed && 'location' in parsed;
}

/** JSON is stricter than the YAML that parses it: check it as JSON first. */
function strictJsonError(file: string, text: string): InputProblem | undefined {
  try {
    JSON.parse(text);
    return undefined;
  } catch {
    const error = findJsonSyntaxError(text) ?? { offset: 0, message: 'not valid JSON' };
    const before = text.slice(0, error.offset).split('\n');
    const line = before.length;
    const column = before[before.length - 1].length + 1;
    return {
      code: 'spec-invalid-document',
      message: `${file} is not valid JSON: ${error.message}`,
      location: { file, line, column },
      hint: `Fix the JSON syntax at ${file}:${line}:${column}; the other specs are still checked.`,
    };
  }
}

/** The offset of the first key that loads as the same name as an earlier key of its mapping, in one pass without recursion. */
function firstDuplicateKey(doc: Document): number | undefined {
  let first: number | undefined;
  const stack: unknown[] = [doc.contents];
  while (stack.length > 0) {
    const node = stack.pop();
    if (isMap(node)) {
      const keys = new Set<string>();
      for (const pair of node.items) {
        const key = pair.key;
        // Keys are compared as the property names they load as: `200:` and `'200':` are one key.
        const id = isScalar(key) && !isMergeKey(key) ? (key.value === null ? '' : String(key.value)) : undefined;
        if (id !== undefined && keys.has(id)) {
          const offset = (key as Node).range?.[0] ?? 0;
          if (first === undefined || offset < first) first = offset;
        }
        if (id !== undefined) keys.add(id);
        stack.push(pair.key, pair.value);
      }
    } else if (isSeq(node)) {
      stack.push(...node.items);
    }
  }
  return first;
}

/**
 * The offset of the first alias that points at one of its own ancestors (`a: &x { self: *x }`).
 * Converted, it is an object that contains itself: every walk over the spec would go on forever.
 */
function firstRecursiveAlias(doc: Document): number | undefined {
  const ancestors = new Set<unknown>();
  const stack: Array<{ node: unknown; exit: boolean }> = [{ node: doc.contents, exit: false }];
  while (stack.length > 0) {
    const { node, exit } = stack.pop() as { node: unknown; exit: boolean };
    if (exit) {
      ancestors.delete(node);
      continue;
    }
    if (isAlias(node)) {
      if (ancestors.has(node.resolve(doc))) return node.range?.[0] ?? 0;
      continue;
    }
    if (!isMap(node) && !isSeq(node)) continue;
    ancestors.add(node);
    stack.push({ node, exit: true });
    for (const item of node.items) {
      if (isPair(item)) stack.push({ node: item.key, exit: false }, { node: item.value, exit: false });
      else stack.push({ node: item, exit: false });
    }
  }
  return undefined;
}

/** Per mapping node, its pairs by key: `locate` runs once per reported node, so a linear scan per step would be quadratic. */
const pairsByKey = new WeakMap<object, Map<string, { node: Node | null; keyOffset?: number }>>();

function startOffset(doc: Document, segments: readonly string[]): number {
  let node: unknown = doc.contents;
  let offset = (node as Node | null)?.range?.[0] ?? 0;
  for (const segment of segments) {
    const next = childNode(doc, node, segment);
    if (!next) break;
    // Point at the key of a mapping entry ("lastLogin:"), which is where a reader looks for it.
    offset = next.keyOffset ?? next.node?.range?.[0] ?? offset;
    node = next.node;
    if (!node) break;
  }
  return offset;
}

function childNode(doc: Document, node: unknown, segment: string): { node: Node | null; keyOffset?: number } | undefined {
  if (isMap(node)) return pairIndex(doc, node).get(segment);
  if (isSeq(node)) {
    const item = node.items[Number(segment)];
    return item ? { node: item as Node } : undefined;
  }
  return undefined;
}

/** A mapping's pairs by key, cached. A merged key is found where its source defines it; the mapping's own keys win, then the first source. */
function pairIndex(doc: Document, map: YAMLMap): Map<string, { node: Node | null; keyOffset?: number }> {
  let index = pairsByKey.get(map);
  if (index) return index;
  index = new Map();
  const mergedFrom: unknown[] = [];
  for (const pair of map.items) {
    if (!isPair(pair)) continue;
    if (isMergeKey(pair.key)) {
      mergedFrom.push(...(isSeq(pair.value) ? pair.value.items : [pair.value]));
      continue;
    }
    const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
    // Duplicate keys are refused before any lookup, so the first pair is the only one.
    if (!index.has(key)) index.set(key, { node: pair.value as Node | null, keyOffset: (pair.key as Node | null)?.range?.[0] });
  }
  for (const source of mergedFrom) {
    const sourceMap = isAlias(source) ? source.resolve(doc) : source;
    if (!isMap(sourceMap)) continue;
    for (const [key, entry] of pairIndex(doc, sourceMap)) if (!index.has(key)) index.set(key, entry);
  }
  pairsByKey.set(map, index);
  return index;
}

/**
 * Where the quoted scalar that a "Missing closing quote" error is about opens: the parser reports
 * the end of the file, where the scalar it swallowed ends, which says nothing of where to look.
 */
function unclosedQuoteStart(doc: Document, error: { code: string; message: string; pos: [number, number] }): number | undefined {
  if (error.code !== 'MISSING_CHAR' || !/quote/i.test(error.message)) return undefined;
  let start: number | undefined;
  visit(doc, {
    Scalar(_key, node) {
      if ((node.type === 'QUOTE_DOUBLE' || node.type === 'QUOTE_SINGLE') && node.range?.[1] === error.pos[0]) {
        start = node.range[0];
        return visit.BREAK;
      }
      return undefined;
    },
  });
  return start;
}

/** `<<` written plain, which the parser (with `merge`) reads as a symbol; a quoted "<<" is an ordinary key. */
function isMergeKey(key: unknown): boolean {
  return isScalar(key) && typeof key.value === 'symbol' && key.value.description === '<<';
}

function positionOf(lineCounter: LineCounter, offset: number): [number, number] {
  const { line, col } = lineCounter.linePos(offset);
  return [line, col];
}

function looksLikeJson(file: string, text: string): boolean {
  return file.endsWith('.json') || /^\s*[{[]/.test(text);
}

function firstLine(message: string): string {
  return message.split('\n')[0].trim();
}
