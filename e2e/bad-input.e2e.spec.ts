import { createStoryWorkspace, type TempWorkspace } from './support/workspace';

jest.setTimeout(180_000);

/**
 * Every kind of bad input gets a clear message with file:line, and one bad file never hides the
 * graph or the checks of the others.
 */
describe('bad input', () => {
  let workspace: TempWorkspace;
  let run: ReturnType<TempWorkspace['nx']>;

  beforeAll(() => {
    workspace = createStoryWorkspace('contract-graph-bad-input-');
    workspace.write('apis/broken/openapi.yaml', 'openapi: 3.0.3\ninfo:\n  title: a: b\npaths: {}\n');
    workspace.write('apis/config/openapi.json', '{\n  "name": "not an API",\n  "version": 1\n}\n');
    workspace.write(
      'apis/orders/openapi.yaml',
      [
        'openapi: 3.0.3',
        'info: { title: Orders, version: 1.0.0 }',
        'paths:',
        '  /orders/{id}:',
        '    get:',
        '      responses:',
        "        '200':",
        '          description: ok',
        '          content:',
        '            application/json:',
        "              schema: { $ref: '#/components/schemas/Order' }",
        'components:',
        '  schemas:',
        "    Secret: { $ref: '../../../../etc/passwd' }",
        '',
      ].join('\n'),
    );
    workspace.write('apps/web/src/broken.ts', 'export const x = fetch(`/api/users/${id}`;\n');
    workspace.commitAll('add bad input');
    run = workspace.nx(['run-many', '-t', 'contract-check', '--outputStyle=static']);
  });
  afterAll(() => workspace?.dispose());

  it('still graphs every spec and every consumer', () => {
    const projects = JSON.parse(workspace.nx(['show', 'projects', '--json']).stdout).sort();
    expect(projects).toEqual(['admin', 'billing', 'broken-api', 'config-api', 'orders-api', 'users-api', 'web']);
    workspace.nx(['graph', '--file=graph.json']);
    const graph = JSON.parse(workspace.read('graph.json')).graph;
    expect(graph.dependencies.web.map((dep: { target: string }) => dep.target)).toEqual(['users-api']);
    expect(graph.dependencies.admin.map((dep: { target: string }) => dep.target)).toEqual(['users-api']);
  });

  it('reports invalid YAML at its line', () => {
    expect(run.output).toContain('error spec-invalid-document');
    expect(run.output).toContain('apis/broken/openapi.yaml is not valid YAML: Nested mappings are not allowed in compact mappings');
    expect(run.output).toContain('at apis/broken/openapi.yaml:3:10');
  });

  it('reports a document that is not OpenAPI', () => {
    expect(run.output).toContain("apis/config/openapi.json is not an OpenAPI document: it has no 'openapi' or 'swagger' field");
    expect(run.output).toContain('at apis/config/openapi.json:1:1');
  });

  it('reports a dangling $ref and a $ref leaving the workspace at the line of each', () => {
    expect(run.output).toContain("error spec-ref-dangling\n  $ref '#/components/schemas/Order' points to '#/components/schemas/Order', which does not exist in apis/orders/openapi.yaml\n  at apis/orders/openapi.yaml:11:25");
    expect(run.output).toContain("error spec-ref-outside-workspace\n  $ref '../../../../etc/passwd' leaves the workspace\n  at apis/orders/openapi.yaml:14:15");
  });

  it('reports a consumer file that does not parse, and still checks the rest of that consumer', () => {
    expect(run.output).toMatch(/error consumer-parse-error\n {2}apps\/web\/src\/broken\.ts does not parse: .+\n {2}at apps\/web\/src\/broken\.ts:1:\d+/);
    expect(run.output).toMatch(/contract-check web: failed — 0 error\(s\), 0 warning\(s\), 1 input problem\(s\); 1 call\(s\) to users-api checked/);
  });

  it('fails exactly the projects with bad input; the others pass', () => {
    expect(run.code).not.toBe(0);
    const failed = run.output.slice(run.output.indexOf('Failed tasks:')).match(/- (\S+):contract-check/g)?.sort();
    expect(failed).toEqual(['- broken-api:contract-check', '- config-api:contract-check', '- orders-api:contract-check', '- web:contract-check']);
    for (const project of ['users-api', 'admin', 'billing']) expect(run.output).toContain(`contract-check ${project}: passed`);
  });
});
