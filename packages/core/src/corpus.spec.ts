import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { InputProblem } from './model';
import { diffSpecs, MAX_DIFF_STEPS } from './diff/diff-specs';
import { formatJson } from './report/format-json';
import { formatStylish } from './report/format-stylish';
import { createNodeHasher, fingerprintOperation } from './spec/fingerprint';
import { indexSpec } from './spec/index-spec';
import { loadSpec, type ReadFile } from './spec/load-spec';
import { MAX_DOCUMENT_NESTING } from './spec/nesting-depth';
import { listOperations } from './spec/operations';
import { lookupField, successResponseSchemas } from './spec/schema-fields';
import { analyzeFile, MAX_BRACKET_DEPTH } from './usage/analyze-file';
import { runContractCheck, workingTreeReader } from './workspace/contract-check';
import { scanProjectUsage } from './workspace/scan-consumer';

/**
 * The bad-input corpus: every folder of `packages/core/corpus` is one case, run through the real
 * entry points, with the exact problems (code, message, file:line:col) or the correct result in its
 * `expected.json`. Cases too big (or too odd: binary files, symlink loops) to commit are generated
 * below into a temp dir. `CORPUS_UPDATE=1` rewrites the expected files from what the engine says now:
 * review the diff before committing it.
 */
const CORPUS = path.resolve(__dirname, '../corpus');
const UPDATE = process.env.CORPUS_UPDATE === '1';

interface ExpectedProblem {
  code: string;
  message: string;
  at: string;
}

interface SpecCase {
  /** The spec's entry file, relative to the case folder (the case folder is the workspace). */
  spec?: string;
  /** A consumer project folder inside the case folder. */
  consumer?: string;
  problems: ExpectedProblem[];
  /** Operation keys the spec lists (spec cases). */
  operations?: string[];
  /** `METHOD url` of each call found (consumer cases). */
  calls?: string[];
}

const BASE_SPEC = `openapi: 3.0.3
info: { title: Base, version: 1.0.0 }
paths:
  /a:
    get:
      responses:
        '200':
          description: ok
          content:
            application/json:
              schema: { type: object, properties: { name: { type: string } } }
`;

function problemsOf(problems: readonly InputProblem[]): ExpectedProblem[] {
  return problems.map((problem) => ({ code: problem.code, message: problem.message, at: `${problem.location.file}:${problem.location.line}:${problem.location.column}` }));
}

function caseNames(): string[] {
  return fs
    .readdirSync(CORPUS, { withFileTypes: true })
    .filter((entry) => entry.isDirectory())
    .map((entry) => entry.name)
    .sort();
}

function specEntry(dir: string): string | undefined {
  const candidates = ['openapi.yaml', 'openapi.json', 'swagger.json', 'apis/users/openapi.yaml'];
  return candidates.find((file) => fs.existsSync(path.join(dir, file)));
}

/** Runs one case through every entry point that applies; never throws unless the engine does. */
function runCase(dir: string): SpecCase {
  const spec = specEntry(dir);
  if (spec) {
    const read = workingTreeReader(dir);
    const loaded = loadSpec(spec, read);
    const operations = listOperations(loaded);
    // The diff and the hasher must take whatever the loader let through.
    const base = indexSpec('base.yaml', () => BASE_SPEC);
    const head = { spec: loaded, operations };
    diffSpecs(base, head);
    diffSpecs(head, base);
    diffSpecs(head, head);
    const hasher = createNodeHasher(loaded);
    for (const operation of operations) fingerprintOperation(loaded, operation, hasher);
    for (const operation of operations) lookupField(loaded, successResponseSchemas(loaded, operation), 'a.b[].c');
    // The whole check, and both report formats, as a spec project.
    const report = runContractCheck({ workspaceRoot: dir, project: { name: 'api', root: '.' }, ownedSpecs: [{ name: 'api', file: spec }], consumedSpecs: [] });
    formatJson(report);
    formatStylish(report, { color: false });
    expect(problemsOf(report.problems.filter((problem) => problem.code !== 'contract-fingerprint-stale'))).toEqual(problemsOf(loaded.problems));
    return { spec, problems: problemsOf(loaded.problems), operations: operations.map((operation) => operation.key) };
  }
  const usage = scanProjectUsage(dir, 'app');
  return { consumer: 'app', problems: problemsOf(usage.problems), calls: usage.calls.map((call) => `${call.method} ${call.urlTemplate}`) };
}

describe('bad-input corpus', () => {
  const names = caseNames();

  it('has at least 30 committed cases, each with its expected result', () => {
    expect(names.length).toBeGreaterThanOrEqual(30);
    if (!UPDATE) for (const name of names) expect(fs.existsSync(path.join(CORPUS, name, 'expected.json'))).toBe(true);
  });

  it.each(names)('%s', (name) => {
    const dir = path.join(CORPUS, name);
    const actual = runCase(dir);
    const expectedFile = path.join(dir, 'expected.json');
    if (UPDATE) fs.writeFileSync(expectedFile, `${JSON.stringify(actual, null, 2)}\n`);
    const expected = JSON.parse(fs.readFileSync(expectedFile, 'utf8')) as SpecCase;
    expect(actual).toEqual(expected);
    // Every problem a user sees says what, where (file:line:col) and never leaks a stack trace.
    for (const problem of actual.problems) {
      expect(problem.at).toMatch(/^[^:]+:\d+:\d+$/);
      expect(problem.message).not.toMatch(/\n\s+at |Maximum call stack|undefined/);
    }
  });
});

describe('generated bad input', () => {
  let temp: string;
  beforeAll(() => {
    temp = fs.mkdtempSync(path.join(os.tmpdir(), 'contract-graph-corpus-'));
  });
  afterAll(() => fs.rmSync(temp, { recursive: true, force: true }));

  const only = (files: Record<string, string>): ReadFile => (file) => files[file];
  /**
   * These inputs once took minutes or never ended (exponential hashing, recursive aliases). Times
   * are the benchmarks' business; here a generous timeout only turns a hang into a failure.
   */
  const HANG_GUARD_MS = 120_000;

  it('spec-too-deep: a YAML flow collection nested 5,000 levels is refused at the line where it passes the limit', () => {
    const text = `openapi: 3.0.3\ninfo: { title: T, version: '1' }\nx: ${'['.repeat(5000)}${']'.repeat(5000)}\n`;
    const spec = loadSpec('deep.yaml', only({ 'deep.yaml': text }));
    expect(problemsOf(spec.problems)).toEqual([
      { code: 'spec-too-deep', message: `deep.yaml nests deeper than ${MAX_DOCUMENT_NESTING} levels at line 3; it was not read`, at: `deep.yaml:3:${4 + MAX_DOCUMENT_NESTING - 1}` },
    ]);
  });

  it('spec-too-deep: a JSON schema nested 3,000 levels deep, and a YAML block mapping nested 1,000 levels', () => {
    let schema = '{"type":"string"}';
    for (let level = 0; level < 3000; level++) schema = `{"type":"object","properties":{"a":${schema}}}`;
    const json = `{"openapi":"3.0.3","info":{"title":"t","version":"1"},"paths":{"/a":{"get":{"responses":{"200":{"description":"ok","content":{"application/json":{"schema":${schema}}}}}}}}}`;
    const fromJson = loadSpec('deep.json', only({ 'deep.json': json }));
    expect(fromJson.problems.map((problem) => [problem.code, problem.location.line])).toEqual([['spec-too-deep', 1]]);
    const block = `openapi: 3.0.3\nx:\n${Array.from({ length: 1000 }, (_, level) => `${' '.repeat(level + 1)}k${level}:`).join('\n')} 1\n`;
    const fromYaml = loadSpec('block.yaml', only({ 'block.yaml': block }));
    expect(problemsOf(fromYaml.problems)).toEqual([
      { code: 'spec-too-deep', message: `block.yaml nests deeper than ${MAX_DOCUMENT_NESTING} levels at line ${MAX_DOCUMENT_NESTING + 2}; it was not read`, at: `block.yaml:${MAX_DOCUMENT_NESTING + 2}:${MAX_DOCUMENT_NESTING + 1}` },
    ]);
  });

  it('reads a spec nested just under the limit, and hashes and diffs it', () => {
    let schema = '{ type: string }';
    for (let level = 0; level < 100; level++) schema = `{ type: object, properties: { a: ${schema} } }`;
    const text = (leaf: string) => `${BASE_SPEC.split('paths:')[0]}paths:\n  /a:\n    get:\n      responses:\n        '200':\n          description: ok\n          content:\n            application/json:\n              schema: ${schema.replace('type: string', leaf)}\n`;
    const base = indexSpec('s.yaml', only({ 's.yaml': text('type: string') }));
    const head = indexSpec('s.yaml', only({ 's.yaml': text('type: integer') }));
    expect(base.spec.problems).toEqual([]);
    expect(diffSpecs(base, head).changedOperations).toEqual(['GET /a/{}'.replace('/{}', '')]);
  });

  it('a chain of 3,000 $refs (each schema a property of the last) is hashed without exhausting the stack', () => {
    const lines = [BASE_SPEC.replace("{ type: object, properties: { name: { type: string } } }", "{ $ref: '#/components/schemas/S0' }"), 'components:', '  schemas:'];
    for (let index = 0; index < 3000; index++) lines.push(`    S${index}: { type: object, properties: { a: { $ref: '#/components/schemas/S${index + 1}' } } }`);
    const spec = (leaf: string) => [...lines, `    S3000: { type: ${leaf} }`, ''].join('\n');
    const base = indexSpec('s.yaml', only({ 's.yaml': spec('string') }));
    const head = indexSpec('s.yaml', only({ 's.yaml': spec('integer') }));
    expect(base.spec.problems).toEqual([]);
    const [before, after] = [base, head].map((indexed) => fingerprintOperation(indexed.spec, indexed.operations[0]));
    expect(before).not.toEqual(after);
    expect(diffSpecs(base, head).changedOperations).toEqual(['GET /a']);
  });

  it('10,000 operations load, list and diff in seconds (all removed, all added)', () => {
    const lines = ['openapi: 3.0.3', 'info: { title: Big, version: 1.0.0 }', 'paths:'];
    for (let index = 0; index < 10_000; index++) lines.push(`  /r${index}/{id}:`, `    get: { operationId: op${index}, responses: { '200': { description: ok } } }`);
    const result = (() => {
      const big = indexSpec('big.yaml', only({ 'big.yaml': lines.join('\n') }));
      const small = indexSpec('base.yaml', () => BASE_SPEC);
      return { big, removed: diffSpecs(big, small), added: diffSpecs(small, big) };
    })();
    expect(result.big.operations).toHaveLength(10_000);
    expect(result.big.spec.problems).toEqual([]);
    expect(result.removed.removedOperations).toHaveLength(10_000);
    expect(result.added.addedOperations).toHaveLength(10_000);
  }, HANG_GUARD_MS);

  it('diff-budget-exceeded: a component used twice at each of 18 levels stops after the budget with the operation and its location', () => {
    const lines = [BASE_SPEC.replace("{ type: object, properties: { name: { type: string } } }", "{ $ref: '#/components/schemas/S0' }"), 'components:', '  schemas:'];
    for (let index = 0; index < 18; index++) lines.push(`    S${index}: { type: object, properties: { a: { $ref: '#/components/schemas/S${index + 1}' }, b: { $ref: '#/components/schemas/S${index + 1}' } } }`);
    const spec = (leaf: string) => [...lines, `    S18: { type: ${leaf} }`, ''].join('\n');
    const diff = diffSpecs(indexSpec('s.yaml', only({ 's.yaml': spec('string') })), indexSpec('s.yaml', only({ 's.yaml': spec('integer') })));
    expect(problemsOf(diff.problems)).toEqual([
      {
        code: 'diff-budget-exceeded',
        message: `GET /a: comparing the two versions stopped after ${MAX_DIFF_STEPS} schema steps (schemas reached along very many paths: nested oneOf/anyOf/allOf, or components used many times at every level); changes past that point are not reported`,
        at: 's.yaml:5:5',
      },
    ]);
    expect(diff.changes.length).toBeGreaterThan(0);
  }, HANG_GUARD_MS);

  it('schemas that all reference each other (a 12-schema cycle clique) hash and diff within the budget', () => {
    const names = Array.from({ length: 12 }, (_, index) => `S${index}`);
    const lines = [BASE_SPEC.replace("{ type: object, properties: { name: { type: string } } }", "{ $ref: '#/components/schemas/S0' }"), 'components:', '  schemas:'];
    const spec = (leaf: string) => [...lines, ...names.map((name) => `    ${name}: { type: object, properties: { ${names.map((other) => `p${other}: { $ref: '#/components/schemas/${other}' }`).join(', ')}, leaf: { type: ${leaf} } } }`), ''].join('\n');
    const result = (() => {
      const base = indexSpec('s.yaml', only({ 's.yaml': spec('string') }));
      const head = indexSpec('s.yaml', only({ 's.yaml': spec('integer') }));
      return { fingerprints: [fingerprintOperation(base.spec, base.operations[0]), fingerprintOperation(head.spec, head.operations[0])], diff: diffSpecs(base, head) };
    })();
    expect(result.fingerprints[0]).not.toEqual(result.fingerprints[1]);
    expect(result.diff.changedOperations).toEqual(['GET /a']);
    expect(result.diff.problems.map((problem) => problem.code)).toEqual(['diff-budget-exceeded']);
  }, HANG_GUARD_MS);

  it('consumer-too-deep: 10,000 nested brackets, and an expression of 20,000 terms', () => {
    expect(problemsOf(analyzeFile('app/deep.ts', `export const x = ${'['.repeat(10_000)}${']'.repeat(10_000)};\n`).problems)).toEqual([
      { code: 'consumer-too-deep', message: `app/deep.ts nests too deeply to analyze (more than ${MAX_BRACKET_DEPTH} brackets, or an expression thousands of terms long) at line 1`, at: `app/deep.ts:1:${18 + MAX_BRACKET_DEPTH}` },
    ]);
    const long = analyzeFile('app/long.ts', `export const x = fetch('/a').then((r) => r${'.a'.repeat(20_000)});\n`);
    expect(long.problems.map((problem) => problem.code)).toEqual(['consumer-too-deep']);
  });

  it('consumer-not-text: a binary file named like a source file is reported, the rest of the project is scanned', () => {
    const root = path.join(temp, 'binary');
    fs.mkdirSync(path.join(root, 'app/src'), { recursive: true });
    fs.writeFileSync(path.join(root, 'app/src/logo.ts'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0x00, 0x00, 0x00, 0x0d, 0xff, 0xfe]));
    fs.writeFileSync(path.join(root, 'app/src/api.ts'), "export const load = () => fetch('/api/users');\n");
    const usage = scanProjectUsage(root, 'app');
    expect(problemsOf(usage.problems)).toEqual([{ code: 'consumer-not-text', message: 'app/src/logo.ts is not a text source file (it contains a NUL byte)', at: 'app/src/logo.ts:3:1' }]);
    expect(usage.calls.map((call) => `${call.method} ${call.urlTemplate}`)).toEqual(['GET /api/users']);
  });

  it('a binary file named openapi.yaml is reported as not valid YAML', () => {
    const bytes = Buffer.from(Array.from({ length: 256 }, (_, index) => (index * 37) % 256)).toString('utf8');
    const spec = loadSpec('openapi.yaml', only({ 'openapi.yaml': bytes }));
    expect(spec.problems).toHaveLength(1);
    expect(spec.problems[0].code).toMatch(/^spec-(invalid-document|not-openapi)$/);
    expect(spec.problems[0].location.file).toBe('openapi.yaml');
  });

  it('symlink loops in a consumer folder are not followed: the scan ends and sees the real files once', () => {
    const root = path.join(temp, 'loops');
    fs.mkdirSync(path.join(root, 'app/src/a'), { recursive: true });
    fs.writeFileSync(path.join(root, 'app/src/a/api.ts'), "export const load = () => fetch('/api/users');\n");
    fs.symlinkSync('..', path.join(root, 'app/src/a/up'));
    fs.symlinkSync(path.join(root, 'app'), path.join(root, 'app/src/self'));
    fs.symlinkSync('loop2', path.join(root, 'app/src/loop1'));
    fs.symlinkSync('loop1', path.join(root, 'app/src/loop2'));
    fs.symlinkSync('/etc/passwd', path.join(root, 'app/src/passwd.ts'));
    const usage = scanProjectUsage(root, 'app');
    expect(usage.files).toBe(1);
    expect(usage.problems).toEqual([]);
    expect(usage.calls.map((call) => `${call.method} ${call.urlTemplate} ${call.location.file}`)).toEqual(['GET /api/users app/src/a/api.ts']);
  }, HANG_GUARD_MS);

  it('a spec $ref through a symlink that leaves the workspace is not followed out', () => {
    const root = path.join(temp, 'ref-link');
    fs.mkdirSync(path.join(root, 'apis'), { recursive: true });
    const outside = fs.mkdtempSync(path.join(os.tmpdir(), 'contract-graph-outside-'));
    fs.writeFileSync(path.join(outside, 'secret.yaml'), 'User: { type: object, properties: { password: { type: string } } }\n');
    fs.symlinkSync(outside, path.join(root, 'apis/linked'));
    fs.writeFileSync(path.join(root, 'apis/openapi.yaml'), BASE_SPEC.replace("{ type: object, properties: { name: { type: string } } }", "{ $ref: './linked/secret.yaml#/User' }"));
    const spec = loadSpec('apis/openapi.yaml', workingTreeReader(root));
    fs.rmSync(outside, { recursive: true, force: true });
    expect(problemsOf(spec.problems)).toEqual([
      { code: 'spec-ref-dangling', message: "$ref './linked/secret.yaml#/User' points to apis/linked/secret.yaml, which does not exist in the workspace", at: 'apis/openapi.yaml:11:25' },
    ]);
  });
});
