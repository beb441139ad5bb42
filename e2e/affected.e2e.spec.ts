import { execFileSync, spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { executedProjects, selectedProjects } from './support/nx-output';
import { linkNodeModules, REPO_ROOT, TempWorkspace } from './support/workspace';

// eslint-disable-next-line @typescript-eslint/no-require-imports
const { generate, applyChange } = require(path.join(REPO_ROOT, 'tools/fixtures/generate-monorepo.js'));

jest.setTimeout(300_000);

/**
 * Endpoint-precise affected on a generated monorepo (YAML, JSON and multi-file specs; one path with
 * a dot in it): a change selects and reruns exactly the spec and the consumers of what changed.
 */
describe('endpoint-precise affected on a generated monorepo', () => {
  let workspace: TempWorkspace;
  let truth: { specs: Record<string, { operations: Array<{ key: string }> }>; consumers: Record<string, unknown[]> };
  const affected = () => workspace.nx(['affected', '-t', 'contract-check', '--base=main', '--outputStyle=static']);

  beforeAll(() => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'contract-graph-affected-'));
    truth = generate(root, { specs: 3, consumers: 12, endpoints: 6, seed: 7 });
    linkNodeModules(root);
    workspace = new TempWorkspace(root);
    workspace.git('init', '-q', '-b', 'main');
    expect(workspace.nx(['sync']).code).toBe(0);
    workspace.commitAll('base');
    const warm = workspace.nx(['run-many', '-t', 'contract-check', '--outputStyle=static']);
    expect(warm.code).toBe(0);
  });
  afterAll(() => workspace?.dispose());

  afterEach(() => {
    workspace.git('checkout', '-q', '-f', 'main');
    workspace.git('clean', '-qfd', '-e', 'node_modules', '-e', '.nx');
  });

  function change(branch: string, edit: Parameters<typeof applyChange>[2]): string[] {
    workspace.git('checkout', '-q', '-b', branch);
    const expected = applyChange(workspace.root, truth, edit);
    expect(workspace.nx(['sync']).code).toBe(0);
    workspace.commitAll(branch);
    return expected;
  }

  it.each([
    ['an endpoint of a YAML spec', { spec: 'svc0-api', endpoint: 3 }],
    ['an endpoint whose path has a dot (/v1.1/) in a JSON spec', { spec: 'svc1-api', endpoint: 1 }],
    ['an endpoint of a multi-file spec', { spec: 'svc2-api', endpoint: 2 }],
  ])('a change to %s selects and runs only its consumers', (_title, edit) => {
    const expected = change(`edit-${edit.spec}-${edit.endpoint}`, edit);
    const run = affected();
    expect(selectedProjects(run.output, 'contract-check')).toEqual(expected);
    expect(executedProjects(run.output, 'contract-check')).toEqual(expected);
    expect(expected.length).toBeGreaterThan(1);
  });

  it.each([
    ['a single-file spec', 'svc0-api'],
    ['a multi-file spec (schemas in another file)', 'svc2-api'],
  ])('a change to the shared schema of %s selects the consumers of every operation that reaches it', (_title, spec) => {
    const expected = change(`shared-${spec}`, { spec, shared: true });
    const run = affected();
    expect(selectedProjects(run.output, 'contract-check')).toEqual(expected);
    const consumersOfSpec = Object.entries(truth.consumers).filter(([, calls]) => (calls as Array<{ spec: string }>).some((call) => call.spec === spec)).length;
    expect(expected.length - 1).toBeLessThan(consumersOfSpec);
  });

  it('a clone at another path, sharing only a remote cache with the first, replays every task from it byte for byte', async () => {
    // Report files are opt-in; ask for JSON so there are files to compare.
    const nxJson = JSON.parse(workspace.read('nx.json'));
    nxJson.plugins = [{ plugin: '@contract-graph/nx', options: { formats: ['json'] } }];
    workspace.write('nx.json', `${JSON.stringify(nxJson, null, 2)}\n`);
    workspace.commitAll('JSON reports');
    const server = await startRemoteCache();
    const clones = [0, 1].map(() => fs.mkdtempSync(path.join(os.tmpdir(), 'contract-graph-clone-')));
    try {
      const env = { NX_SELF_HOSTED_REMOTE_CACHE_SERVER: server.url };
      const [first, second] = clones.map((clone) => {
        execFileSync('git', ['clone', '-q', workspace.root, clone]);
        linkNodeModules(clone);
        return new TempWorkspace(clone).nx(['run-many', '-t', 'contract-check', '--outputStyle=static'], env);
      });
      const total = Object.keys(truth.specs).length + Object.keys(truth.consumers).length;
      expect(first.code).toBe(0);
      expect(executedProjects(first.output, 'contract-check')).toHaveLength(total);
      expect(second.code).toBe(0);
      expect(executedProjects(second.output, 'contract-check')).toEqual([]);
      expect(second.output.match(/\[remote cache\]/g)).toHaveLength(total);
      const reports = (root: string) =>
        execFileSync('find', ['dist/contract-graph', '-name', 'contract-check.json'], { cwd: root, encoding: 'utf8' })
          .trim()
          .split('\n')
          .sort()
          .map((file) => [file, fs.readFileSync(path.join(root, file), 'utf8')]);
      expect(reports(clones[1])).toHaveLength(total);
      expect(reports(clones[1])).toEqual(reports(clones[0]));
    } finally {
      server.stop();
      for (const clone of clones) fs.rmSync(clone, { recursive: true, force: true });
    }
  });
});

/** Starts the test remote cache (a separate process, since nx runs synchronously in this one). */
function startRemoteCache(): Promise<{ url: string; stop: () => void }> {
  const child = spawn(process.execPath, [path.join(__dirname, 'support/remote-cache-server.js')], { stdio: ['ignore', 'pipe', 'inherit', 'ipc'] });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.stdout.once('data', (chunk: Buffer) => resolve({ url: chunk.toString().trim(), stop: () => child.kill() }));
  });
}
