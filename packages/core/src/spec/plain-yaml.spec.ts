import * as fs from 'node:fs';
import * as path from 'node:path';
import { isInputProblem, parseSpecDocument, parseThroughYaml, type ParsedDocument } from './parse-document';
import { readPlainYaml } from './plain-yaml';

const REPO = path.resolve(__dirname, '../../../..');

function yamlFilesUnder(folder: string): string[] {
  return fs.readdirSync(folder, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile() && /\.ya?ml$/.test(entry.name) && !entry.parentPath.includes('node_modules'))
    .map((entry) => path.join(entry.parentPath, entry.name))
    .sort();
}

function slowRead(file: string, text: string): ParsedDocument {
  const parsed = parseThroughYaml(file, text);
  if (isInputProblem(parsed)) throw new Error(`${file}: ${parsed.message}`);
  return parsed;
}

describe('readPlainYaml: the fast reader for plain YAML specs', () => {
  it('reads every YAML spec of the repository to the value the position-keeping reader gives', () => {
    const files = [...yamlFilesUnder(path.join(REPO, 'examples')), ...yamlFilesUnder(path.join(REPO, 'packages/core/corpus')), ...yamlFilesUnder(path.join(REPO, 'packages/core/fixtures'))];
    expect(files.length).toBeGreaterThan(20);
    let fast = 0;
    for (const file of files) {
      const text = fs.readFileSync(file, 'utf8');
      const value = readPlainYaml(text);
      if (value === undefined) continue;
      fast++;
      expect({ file, value }).toStrictEqual({ file, value: slowRead(file, text).value });
    }
    // Most of them take the fast way; the corpus's broken and tricky files do not.
    expect(fast).toBeGreaterThan(files.length / 2);
  });

  it.each([
    ['an anchor and an alias', 'a: &x { type: string }\nb: *x\n'],
    ['a tag', 'a: !!str 1\n'],
    ['a merge key', 'base: &b { type: string }\nc:\n  <<: *b\n'],
    ['a directive', '%YAML 1.2\n---\na: 1\n'],
    ['a number past what a double holds', 'maximum: 1e400\n'],
    ['a key that is YAML null', 'properties:\n  null: { type: string }\n'],
    ['a key that is YAML null in a flow mapping', 'a: { ~: 1 }\n'],
    ['a repeated key', 'a: 1\na: 2\n'],
    ['a syntax error', 'a: [1, 2\n'],
    ['two documents', 'a: 1\n---\nb: 2\n'],
    ['a document that is not a mapping', '- a\n- b\n'],
    ['an empty document', ''],
  ])('leaves %s to the position-keeping reader', (_name, text) => {
    expect(readPlainYaml(text)).toBeUndefined();
  });

  it('still reports problems in one wording, at the line of the problem', () => {
    const parsed = parseSpecDocument('openapi.yaml', 'openapi: 3.0.3\ninfo: { title: T, version: 1.0.0 }\npaths: {}\ninfo: again\n');
    expect(parsed).toMatchObject({ code: 'spec-invalid-document', location: { file: 'openapi.yaml', line: 4, column: 1 } });
  });

  it.each([
    ['a number and a quoted number', 'responses:\n  200: { description: a }\n  \'200\': { description: b }\n', 3, 3],
    ['a boolean and a quoted boolean', 'a:\n  true: 1\n  "true": 2\n', 3, 3],
    ['a null and an empty string', 'a:\n  ~: 1\n  "": 2\n', 3, 3],
    ['1.0 and 1', 'a: { 1.0: x, 1: y }\n', 1, 14],
  ])('reports keys that load as the same name (%s) as repeated keys, at the second', (_name, text, line, column) => {
    const parsed = parseSpecDocument('openapi.yaml', text);
    expect(parsed).toMatchObject({ code: 'spec-invalid-document', message: 'openapi.yaml is not valid YAML: Map keys must be unique', location: { file: 'openapi.yaml', line, column } });
  });

  it('applies merge keys as most YAML tools do: the same document as written out, merged keys located where they are defined', () => {
    const merged = 'common: &common\n  name: { type: string }\n  email: { type: string }\nuser:\n  properties:\n    <<: [*common, { id: { type: integer } }]\n    email: { type: integer }\n';
    const written = 'common:\n  name: { type: string }\n  email: { type: string }\nuser:\n  properties:\n    name: { type: string }\n    email: { type: integer }\n    id: { type: integer }\n';
    const parsed = parseSpecDocument('openapi.yaml', merged) as ParsedDocument;
    expect(parsed.value).toStrictEqual(parseSpecDocument('openapi.yaml', written).value!);
    expect(parsed.locate(['user', 'properties', 'name'])).toEqual({ file: 'openapi.yaml', line: 2, column: 3 });
    expect(parsed.locate(['user', 'properties', 'email'])).toEqual({ file: 'openapi.yaml', line: 7, column: 5 });
    expect(parsed.locate(['user', 'properties', 'id'])).toEqual({ file: 'openapi.yaml', line: 6, column: 21 });
    // Two merge keys in one mapping are not a repeated key.
    expect(parseSpecDocument('openapi.yaml', 'a: &a { x: 1 }\nb: &b { y: 2 }\nc:\n  <<: *a\n  <<: *b\n')).toMatchObject({ value: { c: { x: 1, y: 2 } } });
  });

  it('keeps a quoted "<<" (every JSON key) as an ordinary key', () => {
    expect(parseSpecDocument('openapi.yaml', 'a:\n  "<<": { x: 1 }\n')).toMatchObject({ value: { a: { '<<': { x: 1 } } } });
    expect(parseThroughYaml('openapi.json', '{ "a": { "<<": { "x": 1 } } }')).toMatchObject({ value: { a: { '<<': { x: 1 } } } });
  });

  it('finds positions in a fast-read document when first asked, as the position-keeping reader does', () => {
    const text = 'openapi: 3.0.3\ninfo:\n  title: T\n  version: 1.0.0\npaths:\n  /users/{id}:\n    get:\n      responses:\n        "200": { description: ok }\n';
    expect(readPlainYaml(text)).toBeDefined();
    const parsed = parseSpecDocument('openapi.yaml', text) as ParsedDocument;
    const slow = slowRead('openapi.yaml', text);
    for (const segments of [['paths', '/users/{id}', 'get'], ['paths', '/users/{id}', 'get', 'responses', '200'], ['info', 'absent']]) {
      expect(parsed.locate(segments)).toEqual(slow.locate(segments));
    }
    expect(parsed.locate(['paths', '/users/{id}', 'get'])).toEqual({ file: 'openapi.yaml', line: 7, column: 5 });
  });
});
