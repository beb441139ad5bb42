import * as fs from 'node:fs';
import * as path from 'node:path';
import { encodePointer } from './json-pointer';
import { readPlainJson } from './json-document';
import { MAX_DOCUMENT_NESTING } from './nesting-depth';
import { isInputProblem, parseSpecDocument, parseThroughYaml, type ParsedDocument } from './parse-document';

const REPO = path.resolve(__dirname, '../../../..');

/** The same text through the position-keeping YAML parser, which is what JSON files went through before. */
function throughYaml(text: string): ParsedDocument {
  const parsed = parseThroughYaml('same.yaml', text);
  if (isInputProblem(parsed)) throw new Error(`the YAML path refused the text: ${parsed.message}`);
  return parsed;
}

/** Every node's key path, plus paths that miss (an absent key, an index too far, a step into a scalar). */
function pathsOf(value: unknown, prefix: string[] = []): string[][] {
  const paths = [prefix, [...prefix, 'absent'], [...prefix, '99']];
  if (typeof value !== 'object' || value === null) return [...paths, [...prefix, '0', 'deeper']];
  const keys = Array.isArray(value) ? value.map((_, index) => String(index)) : Object.keys(value);
  if (Array.isArray(value) && value.length > 1) paths.push([...prefix, '01']);
  return [...paths, ...keys.flatMap((key) => pathsOf((value as Record<string, unknown>)[key], [...prefix, key]))];
}

function expectSameAsYaml(text: string): void {
  const fast = readPlainJson(text);
  const slow = throughYaml(text);
  expect(fast).toBeDefined();
  expect(fast?.value).toStrictEqual(slow.value);
  const paths = pathsOf(slow.value);
  const fastPositions = paths.map((segments) => `${segments.map(encodePointer).join('/')} ${JSON.stringify(fast?.position(segments))}`);
  const slowPositions = paths.map((segments) => {
    const { line, column } = slow.locate(segments);
    return `${segments.map(encodePointer).join('/')} ${JSON.stringify({ line, column })}`;
  });
  expect(fastPositions).toEqual(slowPositions);
}

describe('readPlainJson: JSON.parse values, positions on demand', () => {
  const specs = ['examples/story/workspace/apis/users/openapi.yaml', 'packages/core/corpus/keys-dots-slashes-unicode/openapi.yaml', 'packages/core/corpus/huge-numbers/openapi.yaml'];

  it.each(specs)('reads %s written as JSON (indented, compact, CRLF, tabs) exactly as the YAML parser does, values and every position', (spec) => {
    const value = throughYaml(fs.readFileSync(path.join(REPO, spec), 'utf8')).value;
    const indented = JSON.stringify(value, null, 2);
    expectSameAsYaml(indented);
    expectSameAsYaml(JSON.stringify(value));
    expectSameAsYaml(indented.replace(/\n/g, '\r\n'));
    expectSameAsYaml(`\n\n   ${JSON.stringify(value, null, '\t')}\n\n`);
  });

  it('finds positions past and inside objects and arrays long enough to have their ends remembered', () => {
    const spec = throughYaml(fs.readFileSync(path.join(REPO, specs[0]), 'utf8')).value;
    const block = { one: spec, two: [spec, spec], three: { spec }, four: spec };
    const large = { first: block, list: [block, { inner: block }, 'after'], last: { block, tail: [1, 2] } };
    expect(JSON.stringify(block).length).toBeGreaterThan(4096);
    expectSameAsYaml(JSON.stringify(large, null, 1));
  });

  it.each([
    ['numbers at the edges', '{"a": -0, "b": -0.0, "c": 1E400, "d": 123456789012345678901234567890, "e": 0.30000000000000004, "f": 5e-324, "g": 1.0}'],
    ['escapes in keys and strings', '{"a\\"b": {"x": 1}, "a\\\\": [1], "\\u0041": "\\u0000\\ud800\\/\\b\\f", "b": "\\uD83D\\uDE00 \u2028 \u0085 \ufeff", "c\\n": ["\\"]", "}"]}'],
    ['brackets, colons and hashes inside strings', '{"a:b": "c: d", "e": "{[]}", "f#": [{"g": "x #y"}, "]", ["["]]}'],
    ['__proto__ as a key', '{"__proto__": {"x": 1}, "a": 1}'],
    ['a key and its colon on different lines', '{"a"\n  :\n  {"b"\n:[1\n,\n2]}}'],
    ['empty keys, objects and arrays', '{"": {"": []}, "x": {}, "y": [[], {}, [[]]]}'],
    ['integer-like keys (enumerated first by JavaScript)', '{"b": 1, "10": {"c": 2}, "2": 3, "01": 4}'],
    ['a top-level array', '[1, {"a": [true, false, null]}, "s"]'],
    ['a top-level scalar', '  "just text"  '],
    ['colons written as escapes, in keys and strings', '{"a\\u003a": "\\u003A", "b": "c:d"}'],
    ['CRLF line ends', '{\r\n  "a:": [1,\r\n 2],\r\n  "b": "x:y"\r\n}'],
  ])('agrees with the YAML parser on %s', (_name, text) => {
    expectSameAsYaml(text);
  });

  it.each([
    ['invalid JSON', '{"a": 1,}'],
    ['a duplicate key (JSON.parse would keep the last one silently)', '{"a": {"b": 1, "b": 2}}'],
    ['a duplicate key written with an escape', '{"A": 1, "\\u0041": 2}'],
    ['a lone carriage return (YAML reads it into the key)', '{\r"a": 1}'],
    ['a duplicate key whose dropped value held colons', '{"a": "x:y", "b": {"a:": 1}, "a": "z"}'],
    ['a duplicate key balanced by a colon written as an escape', '{"a": 1, "a": 2, "b": "\\u003a"}'],
    ['a duplicate key in a text with CRLF line ends', '{\r\n"a": 1,\r\n"a": 2}'],
    ['nesting at the limit', `${'['.repeat(MAX_DOCUMENT_NESTING)}${']'.repeat(MAX_DOCUMENT_NESTING)}`],
  ])('leaves %s to the YAML path, which reports it as before', (_name, text) => {
    expect(readPlainJson(text)).toBeUndefined();
  });

  it('reports a duplicate key in a .json spec at the repeated key, as the YAML path always did', () => {
    const parsed = parseSpecDocument('api.json', '{\n  "a": 1,\n  "b": {\n    "c": 1,\n    "c": 2\n  }\n}');
    expect(isInputProblem(parsed) && `${parsed.message} @ ${parsed.location.line}:${parsed.location.column}`).toBe('api.json is not valid JSON: Map keys must be unique @ 5:5');
  });
});
