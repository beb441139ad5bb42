import { loadSpec } from './load-spec';
import { listOperations } from './operations';
import { lookupField, successResponseSchemas } from './schema-fields';

function files(entries: Record<string, string>) {
  return (file: string) => entries[file];
}

const USERS_YAML = `openapi: 3.0.3
info:
  title: Users
  version: 1.0.0
servers:
  - url: https://api.example.com/api
paths:
  /users/{id}:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema:
                $ref: './schemas.yaml#/User'
`;

const SCHEMAS_YAML = `User:
  type: object
  properties:
    name:
      type: string
    lastLogin:
      type: string
`;

describe('loadSpec', () => {
  it('reports every broken ref it can reach, once: under a $ref\'s siblings, through pointers spelled another way, in other files, in cycles; none in unreached parts', () => {
    const entry = [
      'openapi: 3.0.3',
      "info: {title: t, version: '1'}",
      'paths:',
      '  /x:',
      '    get:',
      '      responses:',
      "        '200': {$ref: '#/components/responses/R', description: sibling, extra: {$ref: '#/nowhere/1'}}",
      "        '201': {$ref: '#/components/schemas/A%20B'}",
      "        '202': {$ref: '#components/schemas/Plain'}",
      "        '203': {$ref: 'b.yaml#/defs/D'}",
      "        '204': {$ref: '#/components/under/sib'}",
      "        '205': {$ref: '#/'}",
      'components:',
      '  responses:',
      "    R: {description: ok, content: {a/b: {schema: {$ref: '#/components/schemas/Loop1'}}}}",
      '  schemas:',
      "    A B: {type: object, properties: {z: {$ref: '#/missing/in/encoded'}}}",
      "    Plain: {type: object, properties: {p: {$ref: '#/missing/plain'}}}",
      "    Loop1: {$ref: '#/components/schemas/Loop2'}",
      "    Loop2: {$ref: '#/components/schemas/Loop1'}",
      '  under:',
      "    $ref: '#/components/schemas/Plain'",
      "    sib: {type: object, properties: {q: {$ref: '#/missing/under-sibling'}}}",
    ].join('\n');
    const other = ['defs:', "  D: {type: object, properties: {r: {$ref: '#/defs/E'}, s: {$ref: 'a.yaml#/missing/from-b'}}}", '  E: {type: string}', "  Unreached: {$ref: '#/nothing/here'}"].join('\n');
    const spec = loadSpec('a.yaml', files({ 'a.yaml': entry, 'b.yaml': other }));
    expect(spec.problems.map((problem) => `${problem.code} ${problem.location.file}:${problem.location.line}:${problem.location.column} ${problem.message.split(' points')[0]}`)).toEqual([
      "spec-ref-dangling a.yaml:1:1 $ref '#/missing/plain'",
      "spec-ref-dangling a.yaml:17:42 $ref '#/missing/in/encoded'",
      "spec-ref-dangling a.yaml:18:44 $ref '#/missing/plain'",
      "spec-ref-circular a.yaml:19:13 $ref '#/components/schemas/Loop2' is part of a cycle of refs that never reaches a definition",
      "spec-ref-circular a.yaml:20:13 $ref '#/components/schemas/Loop1' is part of a cycle of refs that never reaches a definition",
      "spec-ref-dangling a.yaml:23:42 $ref '#/missing/under-sibling'",
      "spec-ref-dangling b.yaml:2:61 $ref 'a.yaml#/missing/from-b'",
    ]);
  });

  // Each broken ref alone, behind refs that all resolve: the quick check that skips the full walk
  // when nothing can be reported must notice every way a ref can lead past it.
  it.each([
    ['under a $ref\'s siblings', "{$ref: '#/components/under/sib'}", "  under:\n    $ref: '#/components/schemas/Ok'\n    sib: {properties: {q: {$ref: '#/missing/q'}}}", 'a.yaml:14:28'],
    ['through a pointer spelled another way', "{$ref: '#/components/schemas/A%20B'}", "  schemas:\n    A B: {properties: {q: {$ref: '#/missing/q'}}}", 'a.yaml:13:28'],
    ['in another file', "{$ref: 'b.yaml#/D'}", '', 'b.yaml:1:22'],
    ['at the end of a chain of refs', "{$ref: '#/components/schemas/Alias'}", "  schemas:\n    Alias: {$ref: '#/missing/q'}", 'a.yaml:13:13'],
  ])('reports a broken ref reached %s', (_how, responseRef, components, location) => {
    const entry = ['openapi: 3.0.3', "info: {title: t, version: '1'}", 'paths:', '  /x:', '    get:', '      responses:', `        '200': ${responseRef}`, "        '201': {$ref: '#/components/schemas/Ok'}", 'components:', `  responses: {}${components.startsWith('  schemas') ? '' : "\n  schemas: {Ok: {type: object}}"}`, components.replace('  schemas:', "  schemas:\n    Ok: {type: object}")].join('\n');
    const spec = loadSpec('a.yaml', files({ 'a.yaml': entry, 'b.yaml': "D: {properties: {q: {$ref: '#/missing/q'}}}" }));
    expect(spec.problems.map((problem) => `${problem.code} ${problem.location.file}:${problem.location.line}:${problem.location.column}`)).toEqual([`spec-ref-dangling ${location}`]);
  });

  it('indexes operations with the server base path folded in and parameter names erased', () => {
    const spec = loadSpec('apis/users/openapi.yaml', files({ 'apis/users/openapi.yaml': USERS_YAML, 'apis/users/schemas.yaml': SCHEMAS_YAML }));
    expect(spec.problems).toEqual([]);
    const operations = listOperations(spec);
    expect(operations.map((operation) => [operation.key, operation.path])).toEqual([['GET /api/users/{}', '/api/users/{id}']]);
    expect(operations[0].location).toMatchObject({ file: 'apis/users/openapi.yaml', line: 9, column: 5 });
  });

  it('keys each operation under its most specific servers: the operation\'s, else its path item\'s, else the root\'s', () => {
    const text = [
      'openapi: 3.0.3',
      "info: {title: t, version: '1'}",
      'servers: [{url: /api}]',
      'paths:',
      '  /users:',
      '    servers: [{url: /legacy}]',
      '    get: {responses: {}}',
      '    post: {servers: [{url: "https://shop.example.com/v1/"}, {url: /v2}], responses: {}}',
      '  /orders:',
      '    servers: []',
      '    get: {responses: {}}',
    ].join('\n');
    const spec = loadSpec('openapi.yaml', files({ 'openapi.yaml': text }));
    expect(listOperations(spec).map((operation) => operation.key)).toEqual(['GET /api/orders', 'GET /legacy/users', 'POST /v1/users', 'POST /v2/users']);
  });

  it('tells to quote a version YAML read as a number, for swagger: 2.0 as for openapi: 3.0', () => {
    expect(loadSpec('a.yaml', files({ 'a.yaml': 'swagger: 2.0\npaths: {}\n' })).problems.map((problem) => problem.hint)).toEqual(["Quote the version (swagger: '2.0'): YAML reads 2.0 as the number 2."]);
    expect(loadSpec('a.yaml', files({ 'a.yaml': 'openapi: 3.0\npaths: {}\n' })).problems.map((problem) => problem.hint)).toEqual(["Quote the version (openapi: '3.0.3'): YAML reads 3.0 as the number 3."]);
  });

  it('follows a relative-file $ref and locates the property in the referenced file', () => {
    const spec = loadSpec('apis/users/openapi.yaml', files({ 'apis/users/openapi.yaml': USERS_YAML, 'apis/users/schemas.yaml': SCHEMAS_YAML }));
    const [operation] = listOperations(spec);
    const lookup = lookupField(spec, successResponseSchemas(spec, operation), 'lastLogin');
    expect(lookup).toMatchObject({ kind: 'found', location: { file: 'apis/users/schemas.yaml', line: 6, column: 5, pointer: '/User/properties/lastLogin' } });
    expect(spec.documents).toEqual(['apis/users/openapi.yaml', 'apis/users/schemas.yaml']);
  });

  it('names the files $refs point to that do not exist, apart from the documents it read', () => {
    const spec = loadSpec('apis/users/openapi.yaml', files({ 'apis/users/openapi.yaml': USERS_YAML }));
    expect(spec.documents).toEqual(['apis/users/openapi.yaml']);
    expect(spec.unreadable).toEqual(['apis/users/schemas.yaml']);
    expect(spec.problems.map((problem) => problem.code)).toEqual(['spec-ref-dangling']);
  });

  it('gives JSON specs line and column too', () => {
    const json = JSON.stringify({ openapi: '3.1.0', info: { title: 't', version: '1' }, paths: { '/a': { post: { responses: {} } } } }, null, 2);
    const spec = loadSpec('a.json', files({ 'a.json': json }));
    expect(listOperations(spec)[0].location).toMatchObject({ line: 9, column: 7 });
    expect(spec.version).toBe('3.1');
  });

  it('reads Swagger 2.0 with its basePath and body schemas', () => {
    const swagger = `swagger: '2.0'
info: { title: t, version: '1' }
basePath: /v1/
paths:
  /pets/{petId}:
    get:
      responses:
        '200':
          description: ok
          schema:
            $ref: '#/definitions/Pet'
definitions:
  Pet:
    type: object
    properties:
      name: { type: string }
`;
    const spec = loadSpec('swagger.yaml', files({ 'swagger.yaml': swagger }));
    const [operation] = listOperations(spec);
    expect(operation.key).toBe('GET /v1/pets/{}');
    expect(lookupField(spec, successResponseSchemas(spec, operation), 'name').kind).toBe('found');
    expect(lookupField(spec, successResponseSchemas(spec, operation), 'age')).toMatchObject({ kind: 'missing', missingPath: 'age', siblings: ['name'] });
  });
});

describe('loadSpec on bad input', () => {
  it('reports invalid YAML with its line and column', () => {
    const spec = loadSpec('bad.yaml', files({ 'bad.yaml': 'openapi: 3.0.0\ninfo:\n  title: a: b\n' }));
    expect(spec.problems).toHaveLength(1);
    expect(spec.problems[0]).toMatchObject({ code: 'spec-invalid-document', location: { file: 'bad.yaml', line: 3, column: 10 } });
    expect(spec.problems[0].message).toMatch(/^bad\.yaml is not valid YAML: /);
  });

  it('reports invalid JSON as JSON', () => {
    const spec = loadSpec('openapi.json', files({ 'openapi.json': '{\n  "openapi": "3.0.0",\n  "info": }\n' }));
    expect(spec.problems[0]).toMatchObject({ code: 'spec-invalid-document', location: { line: 3, column: 11 } });
    expect(spec.problems[0].message).toBe("openapi.json is not valid JSON: expected a value but found '}'");
  });

  it('says when a document is not OpenAPI, and when its version is unsupported', () => {
    expect(loadSpec('x.yaml', files({ 'x.yaml': 'name: my-app\nversion: 1\n' })).problems[0]).toMatchObject({ code: 'spec-not-openapi', location: { line: 1, column: 1 } });
    expect(loadSpec('x.yaml', files({ 'x.yaml': 'openapi: 4.0.0\n' })).problems[0]).toMatchObject({ code: 'spec-unsupported-version', location: { line: 1, column: 1 } });
  });

  it('reports a dangling $ref at the line of the $ref', () => {
    const text = `openapi: 3.0.0
info: { title: t, version: '1' }
paths:
  /a:
    get:
      responses:
        '200':
          $ref: '#/components/responses/Missing'
`;
    const spec = loadSpec('s.yaml', files({ 's.yaml': text }));
    expect(spec.problems).toEqual([
      expect.objectContaining({ code: 'spec-ref-dangling', location: { file: 's.yaml', line: 8, column: 11 } }),
    ]);
    expect(spec.problems[0].message).toContain("'#/components/responses/Missing'");
  });

  it('refuses $refs that leave the workspace or point to URLs, without reading them', () => {
    const read = jest.fn(files({
      'apis/s.yaml': `openapi: 3.0.0
info: { title: t, version: '1' }
components:
  schemas:
    A: { $ref: '../../../etc/passwd' }
    B: { $ref: 'https://evil.example.com/x.yaml' }
    C: { $ref: '/etc/passwd' }
`,
    }));
    const spec = loadSpec('apis/s.yaml', read);
    expect(spec.problems.map((problem) => [problem.code, problem.location.line])).toEqual([
      ['spec-ref-outside-workspace', 5],
      ['spec-ref-url-refused', 6],
      ['spec-ref-outside-workspace', 7],
    ]);
    expect(read.mock.calls.map(([file]) => file)).toEqual(['apis/s.yaml']);
  });

  it('reports a cycle of refs and keeps going', () => {
    const text = `openapi: 3.0.0
info: { title: t, version: '1' }
components:
  schemas:
    A: { $ref: '#/components/schemas/B' }
    B: { $ref: '#/components/schemas/A' }
    Tree:
      type: object
      properties:
        children: { type: array, items: { $ref: '#/components/schemas/Tree' } }
`;
    const spec = loadSpec('s.yaml', files({ 's.yaml': text }));
    expect(spec.problems.map((problem) => [problem.code, problem.location.line])).toEqual([
      ['spec-ref-circular', 5],
      ['spec-ref-circular', 6],
    ]);
  });

  it('refuses billion-laughs alias bombs with a message instead of exhausting memory', () => {
    const lines = ['openapi: 3.0.0', 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
    for (let level = 1; level < 9; level++) lines.push(`a${level}: &a${level} [${Array(10).fill(`*a${level - 1}`).join(', ')}]`);
    const spec = loadSpec('bomb.yaml', files({ 'bomb.yaml': lines.join('\n') }));
    expect(spec.problems[0]).toMatchObject({ code: 'spec-invalid-document' });
    expect(spec.problems[0].hint).toMatch(/aliases/);
  });
});
