import * as fs from 'node:fs';
import * as path from 'node:path';
import { createStoryWorkspace, type TempWorkspace } from './support/workspace';

jest.setTimeout(180_000);

/** CI-grade reporting on the real nx binary: several formats as cached outputs, the allow-list, configuration errors. */
describe('reporting', () => {
  let workspace: TempWorkspace;
  const reports = (root: string) => path.join('dist/contract-graph', root);

  beforeAll(() => {
    workspace = createStoryWorkspace('contract-graph-reporting-');
    const nxJson = JSON.parse(workspace.read('nx.json'));
    nxJson.plugins = [{ plugin: '@contract-graph/nx', options: { formats: ['sarif', 'github', 'markdown', 'junit', 'json'] } }];
    workspace.write('nx.json', `${JSON.stringify(nxJson, null, 2)}\n`);
    workspace.commitAll('reporting formats');
    workspace.git('checkout', '-q', '-b', 'backend-change');
    workspace.applyOverlay('change');
    expect(workspace.nx(['sync']).code).toBe(0);
    workspace.commitAll('users API change');
  });
  afterAll(() => workspace?.dispose());

  it('writes every configured format to the declared output, and a failing consumer says where', () => {
    const web = workspace.nx(['run', 'web:contract-check', '--outputStyle=static'], { NX_BASE: 'main' });
    expect(web.code).not.toBe(0);
    expect(fs.readdirSync(path.join(workspace.root, reports('apps/web'))).sort()).toEqual([
      'contract-check.github.txt',
      'contract-check.json',
      'contract-check.junit.xml',
      'contract-check.md',
      'contract-check.sarif',
    ]);
    const sarif = JSON.parse(workspace.read(`${reports('apps/web')}/contract-check.sarif`));
    expect(sarif.runs[0].results.map((result: { ruleId: string }) => result.ruleId)).toEqual(['response-property-removed', 'response-property-removed']);
    expect(workspace.read(`${reports('apps/web')}/contract-check.github.txt`)).toContain('::error file=apps/web/src/profile.ts,line=6,col=34,');
    expect(JSON.parse(workspace.read(`${reports('apps/web')}/contract-check.json`)).summary).toMatchObject({ outcome: 'contract-broken', exitCode: 1 });
  });

  it('a passing task is replayed from the cache with its report files byte for byte', () => {
    const first = workspace.nx(['run', 'admin:contract-check', '--outputStyle=static'], { NX_BASE: 'main' });
    expect(first.code).toBe(0);
    const folder = path.join(workspace.root, reports('apps/admin'));
    const files = () => Object.fromEntries(fs.readdirSync(folder).sort().map((file) => [file, fs.readFileSync(path.join(folder, file), 'utf8')]));
    const before = files();
    expect(Object.keys(before)).toHaveLength(5);
    fs.rmSync(folder, { recursive: true });
    const second = workspace.nx(['run', 'admin:contract-check', '--outputStyle=static'], { NX_BASE: 'main' });
    expect(second.code).toBe(0);
    expect(second.output).toMatch(/local cache|existing outputs match the cache/);
    expect(files()).toEqual(before);
  });

  it('an allow-list entry with a reason and an expiry accepts the break; an expired one fails and says so', () => {
    const entry = (expires: string) =>
      ['allow:', ...['lastLogin', 'email'].flatMap((property) => ['  - rule: response-property-removed', '    operation: GET /api/users/{id}', `    property: ${property}`, '    consumer: web', '    reason: web moves in PLAT-12', `    expires: ${expires}`])].join('\n');
    workspace.write('contract-graph.allow.yaml', `${entry('2099-12-31')}\n`);
    const allowed = workspace.nx(['run', 'web:contract-check', '--outputStyle=static', '--skip-nx-cache'], { NX_BASE: 'main' });
    expect(allowed.output).toContain("allowed response-property-removed GET /api/users/{id} 'email' until 2099-12-31: web moves in PLAT-12");
    expect(allowed.code).toBe(0);

    workspace.write('contract-graph.allow.yaml', `${entry('2020-01-31')}\n`);
    const expired = workspace.nx(['run', 'web:contract-check', '--outputStyle=static', '--skip-nx-cache'], { NX_BASE: 'main' });
    expect(expired.code).not.toBe(0);
    expect(expired.output).toContain("error allow-list-entry-expired");
    expect(expired.output).toContain("The allow-list entry response-property-removed GET /api/users/{id} 'lastLogin' for web expired on 2020-01-31 (reason: web moves in PLAT-12)");
    fs.rmSync(path.join(workspace.root, 'contract-graph.allow.yaml'));
  });

  it("an allow-list a project's own target options name is an input: editing it reruns the check instead of replaying the pass", () => {
    const entries = ['allow:', ...['lastLogin', 'email'].flatMap((property) => ['  - rule: response-property-removed', '    operation: GET /api/users/{id}', `    property: ${property}`, '    consumer: web', '    reason: web moves in PLAT-12', '    expires: 2099-12-31'])].join('\n');
    const project = JSON.parse(workspace.read('apps/web/project.json'));
    workspace.write('apps/web/project.json', `${JSON.stringify({ ...project, targets: { 'contract-check': { options: { allowList: 'tools/web-allow.yaml' } } } }, null, 2)}\n`);
    workspace.write('tools/web-allow.yaml', `${entries}\n`);
    const inputs = JSON.parse(workspace.nx(['show', 'project', 'web', '--json']).stdout).targets['contract-check'].inputs;
    expect(inputs).toContain('{workspaceRoot}/tools/web-allow.yaml');
    expect(workspace.nx(['run', 'web:contract-check', '--outputStyle=static'], { NX_BASE: 'main' }).code).toBe(0);

    workspace.write('tools/web-allow.yaml', 'allow: []\n');
    const edited = workspace.nx(['run', 'web:contract-check', '--outputStyle=static'], { NX_BASE: 'main' });
    expect(edited.output).not.toMatch(/\[(local|remote) cache\]/);
    expect(edited.code).not.toBe(0);
    workspace.write('apps/web/project.json', `${JSON.stringify(project, null, 2)}\n`);
    fs.rmSync(path.join(workspace.root, 'tools/web-allow.yaml'));
  });

  it('an allow-list nx.json targetDefaults names is an input too', () => {
    const nxJson = JSON.parse(workspace.read('nx.json'));
    workspace.write('nx.json', `${JSON.stringify({ ...nxJson, targetDefaults: { ...nxJson.targetDefaults, 'contract-check': { options: { allowList: 'config/allow.yaml' } } } }, null, 2)}\n`);
    workspace.write('config/allow.yaml', 'allow: []\n');
    const inputs = JSON.parse(workspace.nx(['show', 'project', 'web', '--json']).stdout).targets['contract-check'].inputs;
    expect(inputs).toContain('{workspaceRoot}/config/allow.yaml');
    workspace.write('nx.json', `${JSON.stringify(nxJson, null, 2)}\n`);
    fs.rmSync(path.join(workspace.root, 'config'), { recursive: true });
  });

  it('a wrong plugin option fails the task with what to fix', () => {
    const nxJson = JSON.parse(workspace.read('nx.json'));
    nxJson.plugins[0].options.failOn = 'info';
    workspace.write('nx.json', `${JSON.stringify(nxJson, null, 2)}\n`);
    const result = workspace.nx(['run', 'admin:contract-check', '--outputStyle=static', '--skip-nx-cache'], { NX_BASE: 'main' });
    expect(result.code).not.toBe(0);
    // Plugin reporting options are copied into the target's options (so they are hashed): Nx checks them against the executor's schema.
    expect(result.output).toContain("Property 'failOn' does not match the schema. 'info' should be one of error,warning.");
  });
});
