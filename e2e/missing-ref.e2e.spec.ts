import * as fs from 'node:fs';
import * as path from 'node:path';
import { createStoryWorkspace, type TempWorkspace } from './support/workspace';

jest.setTimeout(180_000);

/**
 * A spec whose `$ref` points to a file that does not exist yet: creating the file changes the
 * spec, although the spec's own file stays the same. Nothing computed while the file was missing
 * (the plugin's spec summary, the targets' inputs, a cached verdict) may survive its creation.
 */
describe('a $ref to a file that is created later', () => {
  let workspace: TempWorkspace;
  const planFile = 'apis/users/plan.yaml';
  const plan = ['type: object', 'required: [tier]', 'properties:', '  tier: { type: string, enum: [free, pro, enterprise] }', '  renewsAt: { type: string, format: date-time }', ''].join('\n');

  beforeAll(() => {
    workspace = createStoryWorkspace('contract-graph-missing-ref-');
    const spec = workspace.read('apis/users/openapi.yaml');
    const inline = /^ {4}Plan:\n(?: {6}.*\n?)+/m;
    expect(spec).toMatch(inline);
    workspace.write('apis/users/openapi.yaml', spec.replace(inline, "    Plan:\n      $ref: './plan.yaml'\n"));
    // A spec with a dangling $ref is invalid, so `nx sync` has never written its fingerprint file.
    workspace.git('rm', '-q', 'apis/users/openapi.contract.json');
    workspace.commitAll('the plan schema moves to a file not written yet');
  });
  afterAll(() => workspace?.dispose());

  it("reports the dangling $ref while the file is missing, with the file among the spec check's inputs", () => {
    expect(workspace.nx(['show', 'projects']).code).toBe(0);
    const run = workspace.nx(['run', 'users-api:contract-check', '--outputStyle=static']);
    expect(run.code).not.toBe(0);
    expect(run.output).toContain("$ref './plan.yaml' points to apis/users/plan.yaml, which does not exist in the workspace");
    const inputs = JSON.parse(workspace.nx(['show', 'project', 'users-api', '--json']).stdout).targets['contract-check'].inputs;
    expect(inputs).toContain(`{workspaceRoot}/${planFile}`);
  });

  it('checks again, and fails, when the created file later drops a field a consumer reads', () => {
    workspace.write(planFile, plan);
    workspace.commitAll('write the plan schema');
    expect(workspace.nx(['run', 'billing:contract-check', '--outputStyle=static']).code).toBe(0);

    // billing reads plan.renewsAt; the base (main) still has it.
    workspace.write(planFile, plan.replace(/ {2}renewsAt:.*\n/, ''));
    const run = workspace.nx(['run', 'billing:contract-check', '--outputStyle=static']);
    expect(run.output).not.toMatch(/\[(local|remote) cache\]/);
    expect(run.code).not.toBe(0);
    expect(run.output).toContain('response-property-removed');
    // Without a fingerprint file, billing hashes every document of the spec: the new one too.
    const billing = JSON.parse(workspace.nx(['show', 'project', 'billing', '--json']).stdout).targets['contract-check'];
    expect(billing.inputs).toContain(`{workspaceRoot}/${planFile}`);
  });

  it('nx sync writes the fingerprint file once the spec is complete', () => {
    const sync = workspace.nx(['sync']);
    expect(sync.code).toBe(0);
    expect(sync.output).not.toContain('There are no sync generators to run');
    const fingerprint = JSON.parse(fs.readFileSync(path.join(workspace.root, 'apis/users/openapi.contract.json'), 'utf8'));
    expect(Object.keys(fingerprint.operations)).toEqual(['GET /api/users/{}', 'GET /api/users/{}/plan']);
  });
});
