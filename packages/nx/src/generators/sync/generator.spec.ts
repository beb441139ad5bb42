import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createTreeWithEmptyWorkspace } from '@nx/devkit/testing';
import { updateJson, type Tree } from '@nx/devkit';
import { FsTree } from 'nx/src/generators/tree';
import { dataDirectoryOf } from '../../plugin/nx-internals';
import syncGenerator from './generator';

const SPEC = `openapi: 3.0.3
info: { title: Users, version: 1.0.0 }
paths:
  /users/{id}:
    get: { responses: { '200': { description: ok } } }
`;

describe('sync generator', () => {
  let tree: Tree;

  beforeEach(() => {
    tree = createTreeWithEmptyWorkspace();
    updateJson(tree, 'nx.json', (json) => ({ ...json, plugins: ['@contract-graph/nx'] }));
    tree.write('apis/users/openapi.yaml', SPEC);
    tree.write('apis/broken/openapi.yaml', 'openapi: 3.0.3\ninfo: [\n');
  });

  it('writes the fingerprint file of each valid spec and reports the workspace out of sync', async () => {
    const result = await syncGenerator(tree);
    expect(result.outOfSyncMessage).toBe('Contract fingerprint files are out of date with their OpenAPI specs: apis/users/openapi.contract.json. Run `nx sync` and commit them.');
    expect(JSON.parse(tree.read('apis/users/openapi.contract.json', 'utf8') as string).operations).toEqual({ 'GET /users/{}': expect.stringMatching(/^[0-9a-f]{32}$/) });
    expect(tree.exists('apis/broken/openapi.contract.json')).toBe(false);
  });

  it('is in sync once the files are written, and out of sync again after a spec edit', async () => {
    await syncGenerator(tree);
    expect(await syncGenerator(tree)).toEqual({});
    tree.write('apis/users/openapi.yaml', SPEC.replace("'200'", "'201'"));
    expect((await syncGenerator(tree)).outOfSyncMessage).toContain('apis/users/openapi.contract.json');
  });

  it('gives a fingerprint file to one spec only when two share a name (openapi.json beside openapi.yaml), so the pair is ever in sync', async () => {
    tree.write('apis/users/openapi.json', JSON.stringify({ openapi: '3.0.3', info: { title: 'Users', version: '1.0.0' }, paths: { '/users': { get: { responses: { '200': { description: 'ok' } } } } } }));
    expect((await syncGenerator(tree)).outOfSyncDetails).toEqual(['apis/users/openapi.contract.json (run `nx sync` and commit it)']);
    // The JSON spec sorts first and owns the file.
    expect(Object.keys(JSON.parse(tree.read('apis/users/openapi.contract.json', 'utf8') as string).operations)).toEqual(['GET /users']);
    expect(await syncGenerator(tree)).toEqual({});
  });

  it('follows the spec globs of the plugin options', async () => {
    updateJson(tree, 'nx.json', (json) => ({ ...json, plugins: [{ plugin: '@contract-graph/nx', options: { specs: ['contracts/*.yaml'] } }] }));
    tree.write('contracts/orders.yaml', SPEC);
    await syncGenerator(tree);
    expect(tree.exists('contracts/orders.contract.json')).toBe(true);
    expect(tree.exists('apis/users/openapi.contract.json')).toBe(false);
  });

  it('keeps the plugin cache entries it does not use: graph construction still finds its usage analysis', async () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'contract-graph-sync-'));
    try {
      fs.writeFileSync(path.join(root, 'nx.json'), JSON.stringify({ plugins: ['@contract-graph/nx'] }));
      fs.mkdirSync(path.join(root, 'apis/users'), { recursive: true });
      fs.writeFileSync(path.join(root, 'apis/users/openapi.yaml'), SPEC);
      const cacheFile = (name: string) => path.join(dataDirectoryOf(root), `contract-graph-${name}.json`);
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const version = `4/${require('@contract-graph/core/package.json').version}`;
      const usage = JSON.stringify({ version, entries: { 'some-file-hash': { calls: [], problems: [] } } });
      fs.mkdirSync(dataDirectoryOf(root), { recursive: true });
      fs.writeFileSync(cacheFile('usage'), usage);

      expect((await syncGenerator(new FsTree(root, false))).outOfSyncMessage).toContain('apis/users/openapi.contract.json');
      expect(fs.readFileSync(cacheFile('usage'), 'utf8')).toBe(usage);
      expect(Object.keys(JSON.parse(fs.readFileSync(cacheFile('specs'), 'utf8')).entries)).toEqual(['apis/users/openapi.yaml']);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
