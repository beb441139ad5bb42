import { createStoryWorkspace, type TempWorkspace } from './support/workspace';

jest.setTimeout(120_000);

/** `nx add @contract-graph/nx` installs the package, then runs this generator. */
describe('the init generator', () => {
  let workspace: TempWorkspace;

  beforeAll(() => {
    workspace = createStoryWorkspace('contract-graph-init-');
    const nxJson = JSON.parse(workspace.read('nx.json'));
    delete nxJson.plugins;
    workspace.write('nx.json', `${JSON.stringify(nxJson, null, 2)}\n`);
    workspace.commitAll('workspace without the plugin');
  });
  afterAll(() => workspace?.dispose());

  it('registers the plugin once, after which the spec is a project', () => {
    expect(JSON.parse(workspace.nx(['show', 'projects', '--json']).stdout)).not.toContain('users-api');

    const first = workspace.nx(['g', '@contract-graph/nx:init']);
    expect(first.code).toBe(0);
    workspace.nx(['g', '@contract-graph/nx:init']);
    expect(JSON.parse(workspace.read('nx.json')).plugins).toEqual(['@contract-graph/nx']);

    expect(JSON.parse(workspace.nx(['show', 'projects', '--json']).stdout).sort()).toEqual(['admin', 'billing', 'users-api', 'web']);
  });
});
