import { createStoryWorkspace, type TempWorkspace } from './support/workspace';

jest.setTimeout(240_000);

/**
 * A spec change can leave a consumer's calls fitting no operation at all: a new server base path,
 * or the operation it calls removed. Consumers are found by matching calls against the spec, so
 * they are also matched against the operations the spec had at the base of the change (its
 * committed fingerprint file there): they keep their check, and it fails.
 */
describe('a change that moves or removes every operation a consumer calls', () => {
  let workspace: TempWorkspace;

  beforeAll(() => {
    workspace = createStoryWorkspace('contract-graph-moved-operations-');
  });
  afterAll(() => workspace?.dispose());

  /** Edits the spec on a new branch from main, syncs its fingerprint file and commits. */
  function changeSpec(branch: string, edit: (spec: string) => string): void {
    workspace.git('checkout', '-q', 'main');
    workspace.git('checkout', '-q', '-b', branch);
    workspace.write('apis/users/openapi.yaml', edit(workspace.read('apis/users/openapi.yaml')));
    expect(workspace.nx(['sync']).code).toBe(0);
    workspace.commitAll(branch);
  }

  const targetsOf = (project: string): string[] => Object.keys(JSON.parse(workspace.nx(['show', 'project', project, '--json']).stdout).targets);

  it('a new server base path (/api → /v2): every caller keeps its check and nx affected fails them', () => {
    changeSpec('new-base-path', (spec) => spec.replace('  - url: /api\n', '  - url: /v2\n'));
    for (const project of ['web', 'admin', 'billing']) expect(targetsOf(project)).toContain('contract-check');
    const affected = workspace.nx(['affected', '-t', 'contract-check', '--base=main', '--outputStyle=static']);
    expect(affected.code).not.toBe(0);
    expect(affected.output).toMatch(/Running target contract-check for 4 projects/);
    expect(affected.output).toMatch(/✖ contract-check web: failed/);
    expect(affected.output).toMatch(/✖ contract-check billing: failed/);
  });

  it('the operation web and admin call removed: they are selected and fail with endpoint-removed; billing is not selected', () => {
    changeSpec('drop-get-user', (spec) => {
      const start = spec.indexOf('  /users/{id}:\n');
      const end = spec.indexOf('  /users/{id}/plan:');
      return spec.slice(0, start) + spec.slice(end);
    });
    expect(targetsOf('web')).toContain('contract-check');
    const affected = workspace.nx(['affected', '-t', 'contract-check', '--base=main', '--outputStyle=static']);
    expect(affected.code).not.toBe(0);
    expect(affected.output).toMatch(/error endpoint-removed users-api → web/);
    expect(affected.output).toMatch(/error endpoint-removed users-api → admin/);
    expect(affected.output).not.toContain('nx run billing:contract-check');
  });
});
