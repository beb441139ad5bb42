import * as fs from 'node:fs';
import * as path from 'node:path';
import { createStoryWorkspace, type TempWorkspace } from './support/workspace';

jest.setTimeout(180_000);

/** The story of DESIGN.md, on the real nx binary in a real git repository. */
describe('the users API story', () => {
  let workspace: TempWorkspace;

  beforeAll(() => {
    workspace = createStoryWorkspace();
  });
  afterAll(() => workspace?.dispose());

  it('makes the spec a project node with technologies and described targets', () => {
    const projects = workspace.nx(['show', 'projects', '--json']);
    expect(projects.code).toBe(0);
    expect(JSON.parse(projects.stdout).sort()).toEqual(['admin', 'billing', 'users-api', 'web']);

    const spec = JSON.parse(workspace.nx(['show', 'project', 'users-api', '--json']).stdout);
    expect(spec.root).toBe('apis/users');
    expect(spec.metadata.technologies).toEqual(['openapi']);
    expect(spec.targets['contract-check'].metadata.description).toMatch(/validates its OpenAPI spec/);
    const web = JSON.parse(workspace.nx(['show', 'project', 'web', '--json']).stdout);
    expect(web.targets['contract-check'].metadata.description).toMatch(/checks its calls to users-api/);
  });

  it('draws an edge from each consumer to the spec, and no other', () => {
    const result = workspace.nx(['graph', '--file=graph.json']);
    expect(result.code).toBe(0);
    const graph = JSON.parse(workspace.read('graph.json')).graph;
    const edges = Object.entries(graph.dependencies as Record<string, Array<{ target: string }>>)
      .flatMap(([source, deps]) => deps.map((dep) => `${source}->${dep.target}`))
      .sort();
    expect(edges).toEqual(['admin->users-api', 'billing->users-api', 'web->users-api']);
    fs.rmSync(path.join(workspace.root, 'graph.json'));
  });

  it('passes on the base: every consumer matches the spec', () => {
    const result = workspace.nx(['run-many', '-t', 'contract-check']);
    expect(result.output).toMatch(/Successfully ran target contract-check for 4 projects/);
    expect(result.code).toBe(0);
    // Report files are written only for the formats asked for (none here): the verdict is the printed report.
    expect(fs.existsSync(path.join(workspace.root, 'dist/contract-graph'))).toBe(false);
  });

  describe('after the backend change (lastLogin removed, email renamed)', () => {
    let first: ReturnType<TempWorkspace['nx']>;

    beforeAll(() => {
      workspace.git('checkout', '-q', '-b', 'backend-change');
      workspace.applyOverlay('change');
    });

    it('refuses to run while the fingerprint file is stale, and says to run nx sync', () => {
      const stale = workspace.nx(['affected', '-t', 'contract-check', '--base=main', '--outputStyle=static']);
      expect(stale.code).not.toBe(0);
      expect(stale.output).toContain('Contract fingerprint files are out of date with their OpenAPI specs: apis/users/openapi.contract.json. Run `nx sync` and commit them.');

      const skipped = workspace.nx(['run', 'users-api:contract-check', '--skip-sync', '--outputStyle=static']);
      expect(skipped.code).not.toBe(0);
      expect(skipped.output).toContain('error contract-fingerprint-stale');
      expect(skipped.output).toContain('apis/users/openapi.contract.json is out of date with apis/users/openapi.yaml (GET /api/users/{})');
    });

    it('selects the spec and the consumers of the changed endpoint only: billing is not selected', () => {
      expect(workspace.nx(['sync']).code).toBe(0);
      expect(workspace.git('status', '--porcelain')).toContain('apis/users/openapi.contract.json');
      workspace.commitAll('users API: drop lastLogin, rename email to emailAddress');
      first = workspace.nx(['affected', '-t', 'contract-check', '--base=main', '--outputStyle=static']);
      const selected = first.output.match(/Running target contract-check for \d+ projects?:\n\n((?:- .+\n)+)/)?.[1];
      expect(selected?.trim().split('\n').sort()).toEqual(['- admin', '- users-api', '- web']);
      expect(first.output).not.toContain('billing');
    });

    it('fails, printing every broken read with its consumer location, rule, operation and spec location', () => {
      expect(first.code).not.toBe(0);
      const out = first.output;
      expect(out).toContain('error response-property-removed users-api → web');
      expect(out).toContain("GET /api/users/{id}: response property 'lastLogin' was removed, but web reads it");
      expect(out).toContain("GET /api/users/{id}: response property 'email' was removed (renamed to 'emailAddress'?), but web reads it");
      expect(out).toMatch(/at apis\/users\/openapi\.yaml:\d+:\d+ \(#\/components\/schemas\/User\/properties\)/);
      expect(out).toContain('used by apps/web/src/profile.ts:6:34');
      expect(out).toContain('used by apps/web/src/profile.ts:9:29');
      expect(out).toContain('used by apps/web/src/profile.ts:9:44');
      expect(out).toContain('hint: Read \'emailAddress\' instead of \'email\'');
    });

    it('passes admin, which reads only name', () => {
      expect(first.output).toMatch(/contract-check admin: passed/);
      expect(first.output).not.toMatch(/contract-check admin: failed/);
    });

    it('prints a byte-identical report when run again (Nx never caches a failed task, so web reruns)', () => {
      const second = workspace.nx(['affected', '-t', 'contract-check', '--base=main', '--outputStyle=static']);
      expect(second.code).toBe(first.code);
      expect(second.output).toMatch(/admin:contract-check {2}\[local cache\]/);
      const report = (run: string) => run.slice(run.indexOf('> nx run web:contract-check'), run.indexOf('contract-check web: failed'));
      expect(report(first.output).length).toBeGreaterThan(500);
      expect(report(second.output)).toBe(report(first.output));
    });

    it('passes once the dashboard reads emailAddress and no longer reads lastLogin', () => {
      workspace.applyOverlay('fix');
      const fixed = workspace.nx(['affected', '-t', 'contract-check', '--base=main', '--outputStyle=static']);
      expect(fixed.output).toMatch(/contract-check web: passed/);
      expect(fixed.code).toBe(0);

      const again = workspace.nx(['affected', '-t', 'contract-check', '--base=main', '--outputStyle=static']);
      expect(again.code).toBe(0);
      expect(again.output).toMatch(/Nx read the output from the cache instead of running the command for 3 out of 3 tasks/);
      const tasks = (run: string) => run.slice(run.indexOf('> nx run'), run.indexOf('NX   Successfully ran')).replace(/ {2}\[local cache\]/g, '');
      expect(tasks(again.output)).toBe(tasks(fixed.output));
    });
  });

  it('fails a call to an endpoint that does not exist, at its call site, even with no base', () => {
    workspace.write('apps/billing/src/invoices.ts', "export const load = (id: string) => fetch(`/api/users/${id}/plann`);\n");
    const result = workspace.nx(['run', 'billing:contract-check', '--skip-nx-cache'], { NX_BASE: '' });
    expect(result.code).not.toBe(0);
    expect(result.output).toContain('error consumer-unknown-operation users-api → billing');
    expect(result.output).toContain('billing calls GET /api/users/{}/plann, which the spec does not define (did you mean GET /api/users/{id}/plan?)');
    expect(result.output).toContain('used by apps/billing/src/invoices.ts:1:37');
  });
});
