import { createStoryWorkspace, type TempWorkspace } from './support/workspace';

jest.setTimeout(180_000);

/** Consumer → spec edges follow every edit of consumers and specs; nothing stale survives. */
describe('graph edges after edits', () => {
  let workspace: TempWorkspace;

  const edges = (): string[] => {
    const result = workspace.nx(['graph', '--file=graph.json']);
    expect(result.code).toBe(0);
    const graph = JSON.parse(workspace.read('graph.json')).graph;
    return Object.entries(graph.dependencies as Record<string, Array<{ target: string }>>)
      .flatMap(([source, deps]) => deps.map((dep) => `${source}->${dep.target}`))
      .sort();
  };

  beforeAll(() => {
    workspace = createStoryWorkspace('contract-graph-edges-');
    workspace.write('.gitignore', 'node_modules\n.nx\ndist\ngraph.json\n');
    workspace.commitAll('ignore graph.json');
  });
  afterAll(() => workspace?.dispose());

  it('adds an edge when a project starts calling the spec, and drops it when it stops', () => {
    expect(edges()).toEqual(['admin->users-api', 'billing->users-api', 'web->users-api']);
    workspace.write('apps/reports/project.json', JSON.stringify({ name: 'reports' }));
    workspace.write('apps/reports/src/report.ts', 'export const plan = (id: string) => fetch(`/api/users/${id}/plan`).then((r) => r.json());\n');
    expect(edges()).toEqual(['admin->users-api', 'billing->users-api', 'reports->users-api', 'web->users-api']);
    workspace.write('apps/reports/src/report.ts', 'export const health = () => fetch(`/health`);\n');
    expect(edges()).toEqual(['admin->users-api', 'billing->users-api', 'web->users-api']);
  });

  it('drops the edges of an operation removed from the spec only when no call still aims at the spec', () => {
    const spec = workspace.read('apis/users/openapi.yaml');
    // Move the plan operation to another API: billing's call no longer aims at users-api at all.
    workspace.write('apis/users/openapi.yaml', spec.replace(/ {2}\/users\/\{id\}\/plan:[\s\S]*?(?=components:)/, ''));
    workspace.write(
      'apis/plans/openapi.yaml',
      "openapi: 3.0.3\ninfo: { title: Plans, version: 1.0.0 }\nservers: [{ url: /api }]\npaths:\n  /users/{id}/plan:\n    get:\n      responses: { '200': { description: ok } }\n",
    );
    expect(edges()).toEqual(['admin->users-api', 'billing->plans-api', 'web->users-api']);
    workspace.write('apis/users/openapi.yaml', spec);
    workspace.git('clean', '-qfd', 'apis/plans');
  });

  it('links a call behind an unknown base URL to the spec whose operation fits it best, not to the first spec it ends like', () => {
    // apis/orgs sorts first, and `/api/orgs/{org}/users/{id}` ends like `{}/users/{}` too.
    workspace.write(
      'apis/orgs/openapi.yaml',
      "openapi: 3.0.3\ninfo: { title: Orgs, version: 1.0.0 }\nservers: [{ url: /api }]\npaths:\n  /orgs/{org}/users/{id}:\n    get:\n      responses: { '200': { description: ok } }\n",
    );
    workspace.write('apps/reports/project.json', JSON.stringify({ name: 'reports' }));
    workspace.write('apps/reports/src/report.ts', 'export const name = (id: string) => fetch(`${process.env.API_URL}/users/${id}`).then((r) => r.json()).then((user) => user.name);\n');
    expect(edges()).toEqual(['admin->users-api', 'billing->users-api', 'reports->users-api', 'web->users-api']);
    // What its check reads of the spec is that operation's fingerprint: the verdict and the cache key agree.
    const reports = JSON.parse(workspace.nx(['show', 'project', 'reports', '--json']).stdout);
    expect(reports.targets['contract-check'].inputs).toContainEqual({ json: '{workspaceRoot}/apis/users/openapi.contract.json', fields: ['operations.GET /api/users/{}'] });
    expect(reports.targets['contract-check'].options.consumedSpecs.map((spec: { file: string }) => spec.file)).toEqual(['apis/users/openapi.yaml']);
    workspace.git('clean', '-qfd', 'apis/orgs', 'apps/reports');
  });

  it('can leave the edges out (consumerEdges: false) without changing what contract-check selects', () => {
    const nxJson = JSON.parse(workspace.read('nx.json'));
    workspace.write('nx.json', JSON.stringify({ ...nxJson, plugins: [{ plugin: '@contract-graph/nx', options: { consumerEdges: false } }] }, null, 2));
    expect(edges()).toEqual([]);
    const web = JSON.parse(workspace.nx(['show', 'project', 'web', '--json']).stdout);
    expect(web.targets['contract-check'].inputs).toContainEqual({ json: '{workspaceRoot}/apis/users/openapi.contract.json', fields: ['operations.GET /api/users/{}'] });
    workspace.write('nx.json', JSON.stringify(nxJson, null, 2));
  });

  it('nx sync:check fails while a fingerprint file is stale, and passes after nx sync', () => {
    workspace.applyOverlay('change');
    const stale = workspace.nx(['sync:check']);
    expect(stale.code).not.toBe(0);
    expect(stale.output).toContain('apis/users/openapi.contract.json');
    expect(workspace.nx(['sync']).code).toBe(0);
    expect(workspace.nx(['sync:check']).code).toBe(0);
  });
});
