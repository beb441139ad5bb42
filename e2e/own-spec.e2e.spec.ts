import * as fs from 'node:fs';
import * as path from 'node:path';
import { REPO_ROOT, createStoryWorkspace, type TempWorkspace } from './support/workspace';

jest.setTimeout(180_000);

/**
 * A frontend that keeps the spec of the API it calls inside its own folder (to generate its client
 * from, say): the spec belongs to that project, and the project's own calls are still checked
 * against it — the copy is the contract its code was written for.
 */
describe('a spec kept inside the project that calls it', () => {
  let workspace: TempWorkspace;

  beforeAll(() => {
    workspace = createStoryWorkspace('contract-graph-own-spec-');
    fs.mkdirSync(path.join(workspace.root, 'apps/web/api'), { recursive: true });
    workspace.git('mv', 'apis/users/openapi.yaml', 'apps/web/api/openapi.yaml');
    workspace.git('rm', '-q', 'apis/users/openapi.contract.json');
    expect(workspace.nx(['sync']).code).toBe(0);
    workspace.commitAll('web keeps its own copy of the users API');
    workspace.git('checkout', '-q', '-b', 'backend-change');
    fs.copyFileSync(path.join(REPO_ROOT, 'examples/story/change/apis/users/openapi.yaml'), path.join(workspace.root, 'apps/web/api/openapi.yaml'));
    expect(workspace.nx(['sync']).code).toBe(0);
    workspace.commitAll('the users API changes');
  });
  afterAll(() => workspace?.dispose());

  it("checks web's own calls against the spec it holds, and fails on the fields it reads", () => {
    const target = JSON.parse(workspace.nx(['show', 'project', 'web', '--json']).stdout).targets['contract-check'];
    expect(target.options.ownedSpecs.map((spec: { file: string }) => spec.file)).toEqual(['apps/web/api/openapi.yaml']);
    expect(target.options.consumedSpecs.map((spec: { file: string }) => spec.file)).toEqual(['apps/web/api/openapi.yaml']);
    const run = workspace.nx(['run', 'web:contract-check', '--outputStyle=static'], { NX_BASE: 'main' });
    expect(run.code).not.toBe(0);
    expect(run.output).toContain("response property 'lastLogin' was removed, but web reads it");
    // Each change once: as the consumer that uses it, not again as the spec owner's warning.
    expect(run.output.match(/^(error|warning) response-property-removed/gm)).toEqual(['error response-property-removed', 'error response-property-removed']);
  });
});
