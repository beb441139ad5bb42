import { Document, isMap, isPair, isScalar, isSeq, LineCounter, parseDocument, type Node } from 'yaml';
import type { InputProblem, SourceLocation } from '../model';
import { findJsonSyntaxError } from './json-syntax';

/** A parsed YAML or JSON file that can still tell where each of its nodes came from. */
export interface ParsedDocument {
  file: string;
  value: unknown;
  /** Where the node at `segments` (a JSON pointer split into keys) starts; the nearest ancestor when absent. */
  locate(segments: readonly string[]): SourceLocation;
}

/** Aliases beyond this many expansions are refused: it stops "billion laughs" documents. */
const MAX_ALIAS_EXPANSIONS = 1000;

/**
 * Parses YAML or JSON text (JSON is YAML 1.2) through one position-keeping parser, so JSON specs get
 * line:col too. Returns the problem instead of throwing when the text is not a valid document.
 */
export function parseSpecDocument(file: string, text: string): ParsedDocument | InputProblem {
  const lineCounter = new LineCounter();
  if (file.endsWith('.json')) {
    const jsonError = strictJsonError(file, text);
    if (jsonError) return jsonError;
  }
  const doc = parseDocument(text, { lineCounter, uniqueKeys: true, prettyErrors: false, strict: false });
  const firstError = doc.errors[0];
  if (firstError) {
    const [line, column] = positionOf(lineCounter, firstError.pos[0]);
    const kind = looksLikeJson(file, text) ? 'JSON' : 'YAML';
    return {
      code: 'spec-invalid-document',
      message: `${file} is not valid ${kind}: ${firstLine(firstError.message)}`,
      location: { file, line, column },
      hint: `Fix the ${kind} syntax at ${file}:${line}:${column}; the other specs are still checked.`,
    };
  }
  let value: unknown;
  try {
    value = doc.toJS({ maxAliasCount: MAX_ALIAS_EXPANSIONS });
  } catch (error) {
    return {
      code: 'spec-invalid-document',
      message: `${file} cannot be read: ${firstLine((error as Error).message)}`,
      location: { file, line: 1, column: 1 },
      hint: 'Remove the excessive YAML aliases (anchors expanding into a huge document).',
    };
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

function startOffset(doc: Document, segments: readonly string[]): number {
  let node: unknown = doc.contents;
  let offset = (node as Node | null)?.range?.[0] ?? 0;
  for (const segment of segments) {
    const next = childNode(node, segment);
    if (!next) break;
    // Point at the key of a mapping entry ("lastLogin:"), which is where a reader looks for it.
    offset = next.keyOffset ?? next.node?.range?.[0] ?? offset;
    node = next.node;
    if (!node) break;
  }
  return offset;
}

function childNode(node: unknown, segment: string): { node: Node | null; keyOffset?: number } | undefined {
  if (isMap(node)) {
    for (const pair of node.items) {
      if (!isPair(pair)) continue;
      const key = isScalar(pair.key) ? String(pair.key.value) : String(pair.key);
      if (key === segment) {
        return { node: pair.value as Node | null, keyOffset: (pair.key as Node | null)?.range?.[0] };
      }
    }
    return undefined;
  }
  if (isSeq(node)) {
    const item = node.items[Number(segment)];
    return item ? { node: item as Node } : undefined;
  }
  return undefined;
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
