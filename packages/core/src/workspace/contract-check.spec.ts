import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runContractCheck } from './contract-check';

const story = path.resolve(__dirname, '../../../../examples/story/workspace');

describe('runContractCheck: the spec versions a consumer supports', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'contract-graph-supports-'));
    fs.cpSync(story, root, { recursive: true });
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  const declare = (supports: Record<string, string>) => {
    const file = path.join(root, 'apps/web/project.json');
    fs.writeFileSync(file, JSON.stringify({ ...JSON.parse(fs.readFileSync(file, 'utf8')), contractGraph: { supports } }, null, 2));
  };
  const check = () =>
    runContractCheck({ workspaceRoot: root, project: { name: 'web', root: 'apps/web' }, ownedSpecs: [], consumedSpecs: [{ name: 'users-api', file: 'apis/users/openapi.yaml' }] }).findings.map((finding) => finding.message);

  it('fails a consumer whose declared range leaves out the spec version (1.4.0), keyed by spec project name or file', () => {
    declare({ 'users-api': '^2.0.0' });
    expect(check()).toEqual(['users-api is at version 1.4.0, outside the range ^2.0.0 that web supports']);
    declare({ 'apis/users/openapi.yaml': '^1.2.0' });
    expect(check()).toEqual([]);
  });

  it('lets the spec file win over the project name: a project that owns several specs is named once, its files each', () => {
    declare({ 'users-api': '^1.0.0', 'apis/users/openapi.yaml': '^2.0.0' });
    expect(check()).toEqual(['users-api is at version 1.4.0, outside the range ^2.0.0 that web supports']);
  });
});
