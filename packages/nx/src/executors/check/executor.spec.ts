import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ContractReport } from '@contract-graph/core';
import { normalizeOptions } from '../../plugin/options';
import { reportFolder, resolveSettings, writeReports } from './executor';

const report: ContractReport = {
  reportVersion: 1,
  project: 'web',
  specs: [],
  usage: { files: 0, calls: 0, resolvedCalls: 0, fieldReads: 0 },
  notes: [],
  findings: [],
  problems: [],
  summary: { errors: 0, warnings: 0, problems: 0, passed: true },
};

describe('check executor settings', () => {
  it('takes target options over plugin options, writes only the formats asked for, and sorts them', () => {
    expect(resolveSettings({ formats: ['sarif', 'json'] }, { formats: ['junit'], failOn: 'warning', allowList: 'ops/allow.yaml' })).toEqual({
      formats: ['json', 'sarif'],
      failOn: 'warning',
      allowList: 'ops/allow.yaml',
      allowSource: 'nx.json',
    });
    // By default the verdict is the terminal output (which Nx caches and replays); no files.
    expect(resolveSettings({}, {})).toEqual({ formats: [], failOn: 'error', allowSource: 'nx.json' });
  });

  it('turns wrong plugin values into configuration errors (the task fails before any report)', () => {
    expect(resolveSettings({}, { formats: ['xml' as never] })).toMatchObject({ error: 'unknown report format(s) ["xml"]' });
    expect(resolveSettings({}, { failOn: 'info' as never })).toMatchObject({ error: "failOn must be error or warning, not 'info'" });
    expect(resolveSettings({}, { allow: {} as never })).toMatchObject({ error: '`allow` must be a list of allow-list entries' });
  });

  it('writes contract-check.<ext> into the declared output folder and removes formats no longer configured', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'contract-graph-executor-'));
    try {
      writeReports(root, 'apps/web', report, ['json', 'sarif', 'markdown']);
      const folder = path.join(root, reportFolder('apps/web'));
      expect(fs.readdirSync(folder).sort()).toEqual(['contract-check.json', 'contract-check.md', 'contract-check.sarif']);
      writeReports(root, 'apps/web', report, ['json']);
      expect(fs.readdirSync(folder)).toEqual(['contract-check.json']);
      writeReports(root, 'apps/web', report, []);
      expect(fs.readdirSync(folder)).toEqual([]);
      writeReports(root, 'apps/admin', report, []);
      expect(fs.existsSync(path.join(root, reportFolder('apps/admin')))).toBe(false);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('option schemas', () => {
  const read = (name: string) => JSON.parse(fs.readFileSync(path.join(__dirname, name), 'utf8'));

  it('the plugin schema documents every plugin option', () => {
    const documented = Object.keys(read('plugin-options.schema.json').properties).sort();
    const reporting = ['allow', 'allowList', 'baselines', 'failOn', 'formats'];
    expect(documented).toEqual([...Object.keys(normalizeOptions({})), ...reporting].sort());
  });

  it('docs/options.md is generated from the schemas and the CLI usage (run `node tools/docs/generate-options.js` after `npm run build` when this fails)', () => {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { renderOptionsReference, REPO_ROOT } = require('../../../../../tools/docs/options-reference.js');
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const { CLI_USAGE } = require('../../../../core/src/cli/main');
    const current = fs.readFileSync(path.join(REPO_ROOT, 'docs/options.md'), 'utf8');
    expect(current).toBe(renderOptionsReference({ cliUsage: CLI_USAGE }));
  });
});
