import { createStoryWorkspace, type TempWorkspace } from './support/workspace';

jest.setTimeout(180_000);

/**
 * Deleting a whole spec while projects still call it removes every one of its endpoints at once.
 * Its committed fingerprint file stays behind and still lists the operations: the callers keep
 * their check, and it reports each call of the deleted API as a call of a removed operation.
 */
describe('a spec deleted while consumers still call it', () => {
  let workspace: TempWorkspace;

  beforeAll(() => {
    workspace = createStoryWorkspace('contract-graph-deleted-spec-');
    workspace.git('checkout', '-q', '-b', 'drop-users-api');
    workspace.git('rm', '-q', 'apis/users/openapi.yaml');
    workspace.commitAll('the users API is gone');
  });
  afterAll(() => workspace?.dispose());

  it('nx affected reruns the callers, and they fail with endpoint-removed at each call', () => {
    const projects = workspace.nx(['show', 'projects', '--json']);
    expect(JSON.parse(projects.stdout)).not.toContain('users-api');
    const affected = workspace.nx(['affected', '-t', 'contract-check', '--base=main', '--outputStyle=static']);
    expect(affected.code).not.toBe(0);
    expect(affected.output).toContain('nx run web:contract-check');
    expect(affected.output).toMatch(/error endpoint-removed[\s\S]*GET \/api\/users\/\{id\} was removed, but web still calls it/);
    expect(affected.output).toContain('apis/users/openapi.yaml was deleted since the base');
  });
});
