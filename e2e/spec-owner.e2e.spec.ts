import * as fs from 'node:fs';
import * as path from 'node:path';
import { selectedProjects } from './support/nx-output';
import { createStoryWorkspace, type TempWorkspace } from './support/workspace';

jest.setTimeout(180_000);

/**
 * A service that keeps its spec in a subfolder (`services/users/src/openapi.yaml`) stays one
 * project: the spec's check is added to the service, and no nested project takes its files away
 * (Nx gives a file to the deepest project root holding it, so a project created for `src/` would
 * own `src/main.ts`, and editing it would no longer affect the service's build and tests).
 */
describe('a spec inside a subfolder of an existing project', () => {
  let workspace: TempWorkspace;
  const internalSpec = [
    'openapi: 3.0.3',
    'info: { title: Users internal API, version: 1.0.0 }',
    'servers: [{ url: /internal }]',
    'paths:',
    '  /health:',
    '    get:',
    "      responses: { '200': { description: ok } }",
    '',
  ].join('\n');

  const showProject = (name: string) => {
    const result = workspace.nx(['show', 'project', name, '--json']);
    expect(result.code).toBe(0);
    return JSON.parse(result.stdout);
  };

  beforeAll(() => {
    workspace = createStoryWorkspace('contract-graph-spec-owner-');
    // The users API moves into the service that implements it, two levels below the service's root.
    fs.mkdirSync(path.join(workspace.root, 'services/users/src'), { recursive: true });
    workspace.git('mv', 'apis/users/openapi.yaml', 'services/users/src/openapi.yaml');
    workspace.git('rm', '-q', 'apis/users/openapi.contract.json');
    workspace.write('services/users/project.json', JSON.stringify({ name: 'users-service', sourceRoot: 'services/users/src', targets: { build: { command: 'echo build' } } }));
    workspace.write('services/users/src/main.ts', 'export const port = 3000;\n');
    // A second spec of the same service, one level up: the service owns both.
    workspace.write('services/users/openapi.yaml', internalSpec);
    // A package of the npm workspaces is a project too, with its spec further down.
    const manifest = JSON.parse(workspace.read('package.json'));
    workspace.write('package.json', JSON.stringify({ ...manifest, workspaces: ['packages/*'] }, null, 2));
    workspace.write('packages/plans/package.json', JSON.stringify({ name: '@story/plans', version: '1.0.0' }));
    workspace.write('packages/plans/contract/v1/openapi.yaml', internalSpec.replace('/internal', '/plans').replace('Users internal API', 'Plans API'));
    workspace.write('.gitignore', 'node_modules\n.nx\ndist\ngraph.json\n');
    expect(workspace.nx(['sync']).code).toBe(0);
    workspace.commitAll('the users API lives in the users service');
  });
  afterAll(() => workspace?.dispose());

  it('creates no project for the spec folder: the service owns every spec inside it', () => {
    const projects = JSON.parse(workspace.nx(['show', 'projects', '--json']).stdout).sort();
    expect(projects).toEqual(['@story/plans', 'admin', 'billing', 'users-service', 'web']);
    expect(showProject('@story/plans').targets['contract-check'].options.ownedSpecs).toEqual([{ name: '@story/plans', file: 'packages/plans/contract/v1/openapi.yaml' }]);
    const check = showProject('users-service').targets['contract-check'];
    expect(check.options.ownedSpecs).toEqual([
      { name: 'users-service', file: 'services/users/openapi.yaml' },
      { name: 'users-service', file: 'services/users/src/openapi.yaml' },
    ]);
    expect(check.inputs).toEqual(
      expect.arrayContaining([
        '{workspaceRoot}/services/users/openapi.yaml',
        '{workspaceRoot}/services/users/openapi.contract.json',
        '{workspaceRoot}/services/users/src/openapi.yaml',
        '{workspaceRoot}/services/users/src/openapi.contract.json',
      ]),
    );
  });

  it("keeps the service's own files in the service: editing its code affects it", () => {
    workspace.write('services/users/src/main.ts', 'export const port = 3001;\n');
    const affected = workspace.nx(['show', 'projects', '--affected', '--base=HEAD', '--json']);
    expect(affected.code).toBe(0);
    // The consumers too, through their edges to the service that owns the spec they call.
    expect(JSON.parse(affected.stdout).sort()).toEqual(['admin', 'billing', 'users-service', 'web']);
    const builds = workspace.nx(['show', 'projects', '--affected', '--base=HEAD', '-t', 'build', '--json']);
    expect(JSON.parse(builds.stdout)).toEqual(['users-service']);
    workspace.git('checkout', '-q', '--', 'services/users/src/main.ts');
  });

  it('points consumer edges and fingerprint inputs at the service', () => {
    expect(workspace.nx(['graph', '--file=graph.json']).code).toBe(0);
    const dependencies = JSON.parse(workspace.read('graph.json')).graph.dependencies as Record<string, Array<{ target: string }>>;
    for (const consumer of ['admin', 'billing', 'web']) expect(dependencies[consumer].map((dep) => dep.target)).toEqual(['users-service']);
    expect(showProject('web').targets['contract-check'].inputs).toContainEqual({
      json: '{workspaceRoot}/services/users/src/openapi.contract.json',
      fields: ['operations.GET /api/users/{}'],
    });
  });

  it("runs the service's check on both specs, and an edit of the nested spec affects the service and the consumers of the edited operation", () => {
    const run = workspace.nx(['run-many', '-t', 'contract-check', '--outputStyle=static']);
    expect(run.code).toBe(0);
    expect(run.output).toMatch(/contract-check users-service: passed/);
    workspace.git('checkout', '-q', '-b', 'deprecate-get-user');
    const spec = workspace.read('services/users/src/openapi.yaml');
    workspace.write('services/users/src/openapi.yaml', spec.replace("summary: One user's profile", "summary: One user's profile\n      deprecated: true"));
    expect(workspace.nx(['sync']).code).toBe(0);
    workspace.commitAll('deprecate GET /users/{id}');
    const affected = workspace.nx(['affected', '-t', 'contract-check', '--base=main', '--outputStyle=static']);
    expect(selectedProjects(affected.output, 'contract-check')).toEqual(['admin', 'users-service', 'web']);
    workspace.git('checkout', '-q', 'main');
  });
});
