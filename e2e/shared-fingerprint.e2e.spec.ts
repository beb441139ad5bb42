import { createStoryWorkspace, type TempWorkspace } from './support/workspace';

jest.setTimeout(180_000);

/**
 * Two specs with one name beside each other (`openapi.yaml` and a generated `openapi.json`) would
 * share `openapi.contract.json`: each version of the file would be stale for the other spec, and
 * no `nx sync` could ever settle it. The spec that sorts first owns the file; the other has none.
 */
describe('two specs that would share one fingerprint file', () => {
  let workspace: TempWorkspace;

  beforeAll(() => {
    workspace = createStoryWorkspace('contract-graph-shared-fingerprint-');
    workspace.write('apis/users/openapi.json', JSON.stringify({ openapi: '3.0.3', info: { title: 'Users (generated)', version: '1.0.0' }, paths: { '/api/status': { get: { responses: { '200': { description: 'ok' } } } } } }, null, 2));
    workspace.commitAll('a generated JSON spec beside the YAML one');
  });
  afterAll(() => workspace?.dispose());

  it('syncs once, then the spec check passes and says which spec has no fingerprint file of its own', () => {
    expect(workspace.nx(['sync']).code).toBe(0);
    workspace.commitAll('nx sync');
    expect(workspace.nx(['sync:check']).code).toBe(0);
    const run = workspace.nx(['run', 'users-api:contract-check', '--outputStyle=static', '--skip-nx-cache']);
    expect(run.output).not.toContain('contract-fingerprint-stale');
    expect(run.code).toBe(0);
    expect(run.output).toContain('apis/users/openapi.yaml has no fingerprint file of its own: apis/users/openapi.contract.json belongs to apis/users/openapi.json beside it');
    // Consumers of the YAML spec hash its documents instead of the fingerprint fields.
    const web = JSON.parse(workspace.nx(['show', 'project', 'web', '--json']).stdout).targets['contract-check'];
    expect(web.inputs).toContain('{workspaceRoot}/apis/users/openapi.yaml');
    expect(JSON.stringify(web.inputs)).not.toContain('openapi.contract.json');
  });
});
