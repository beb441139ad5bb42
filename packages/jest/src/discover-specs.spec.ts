import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { discoverSpecFiles, findWorkspaceRoot, globToRegExp } from './discover-specs';

describe('spec discovery', () => {
  it('matches globs as the plugin does', () => {
    expect(globToRegExp('**/openapi.{yaml,yml,json}').test('openapi.yaml')).toBe(true);
    expect(globToRegExp('**/openapi.{yaml,yml,json}').test('apis/users/openapi.yml')).toBe(true);
    expect(globToRegExp('**/openapi.{yaml,yml,json}').test('apis/users/openapi.yaml.bak')).toBe(false);
    expect(globToRegExp('**/fixtures/**').test('a/fixtures/b/openapi.json')).toBe(true);
  });

  it('finds the workspace root and honours the nx.json plugin options', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-ws-'));
    const write = (file: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), text);
    };
    write('nx.json', JSON.stringify({ plugins: [{ plugin: '@contract-graph/nx', options: { exclude: ['**/fixtures/**'] } }] }));
    write('apps/web/package.json', '{}');
    write('apps/web/src/x.spec.ts', '');
    write('apis/users/openapi.yaml', 'openapi: 3.0.3');
    write('apis/fixtures/openapi.yaml', 'openapi: 3.0.3');
    write('node_modules/lib/openapi.yaml', 'openapi: 3.0.3');
    write('apis/billing/swagger.json', '{}');
    expect(findWorkspaceRoot(path.join(root, 'apps/web/src'))).toBe(root);
    expect(discoverSpecFiles(root)).toEqual(['apis/billing/swagger.json', 'apis/users/openapi.yaml']);
    fs.rmSync(root, { recursive: true, force: true });
  });
});
