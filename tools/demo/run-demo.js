#!/usr/bin/env node
/**
 * The story, live: lays the example monorepo out in a temp git repository, commits the base,
 * makes the backend change, runs `nx affected -t contract-check`, then fixes the dashboard and
 * runs it again. Run with `npm run demo` (it builds first). Pass `--keep` to keep the folder.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const repoRoot = path.resolve(__dirname, '../..');
const example = path.join(repoRoot, 'examples/story');
const keep = process.argv.includes('--keep');
const bold = (text) => (process.stdout.isTTY ? `\u001b[1m${text}\u001b[0m` : text);

const env = {
  ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('NX_'))),
  NX_DAEMON: 'false',
  NX_NO_CLOUD: 'true',
  NX_ISOLATE_PLUGINS: 'false',
  NX_TUI: 'false',
  GIT_AUTHOR_NAME: 'demo',
  GIT_AUTHOR_EMAIL: 'demo@example.com',
  GIT_COMMITTER_NAME: 'demo',
  GIT_COMMITTER_EMAIL: 'demo@example.com',
};

function run(command, args, cwd, { show = true } = {}) {
  const shown = command === process.execPath ? ['nx', ...args.slice(1)] : [command, ...args];
  if (show) console.log(`\n$ ${shown.join(' ')}`);
  const result = spawnSync(command, args, { cwd, env, encoding: 'utf8', stdio: show ? 'inherit' : 'pipe' });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function step(title, text) {
  console.log(`\n${bold(`── ${title}`)}\n${text}`);
}

const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'contract-graph-demo-'));
const nx = (args) => run(process.execPath, [path.join(workspace, 'node_modules/nx/dist/bin/nx.js'), ...args], workspace);
const git = (...args) => {
  if (run('git', args, workspace, { show: false }) !== 0) throw new Error(`git ${args.join(' ')} failed`);
};

let failed = false;
try {
  fs.cpSync(path.join(example, 'workspace'), workspace, { recursive: true });
  fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(workspace, 'node_modules'), 'dir');
  git('init', '-q', '-b', 'main');
  git('add', '-A');
  git('commit', '-q', '-m', 'base');

  step('1. The monorepo', `In ${workspace}: apis/users/openapi.yaml (the users API) and three apps that call it.\nThe plugin turns the spec into a project and finds who calls it:`);
  nx(['show', 'projects']);
  nx(['graph', '--file=graph.json']);
  const graph = JSON.parse(fs.readFileSync(path.join(workspace, 'graph.json'), 'utf8')).graph;
  fs.rmSync(path.join(workspace, 'graph.json'));
  for (const [source, deps] of Object.entries(graph.dependencies).sort()) {
    for (const dep of deps) console.log(`  ${source} → ${dep.target}`);
  }

  step('2. The backend change', 'On a branch: `lastLogin` removed from User, `email` renamed to `emailAddress`.\nThe web dashboard still reads both; admin reads only `name`; billing calls another endpoint.\n`nx sync` updates the spec\'s fingerprint file (one hash per operation), which is committed with the change:');
  git('checkout', '-q', '-b', 'backend-change');
  fs.cpSync(path.join(example, 'change'), workspace, { recursive: true });
  nx(['sync']);
  run('git', ['diff', '--stat'], workspace);
  git('add', '-A');
  git('commit', '-q', '-m', 'users API: drop lastLogin, rename email');
  console.log('\nOnly GET /api/users/{id} changed, so affected selects the spec and its consumers: web and admin, not billing.');
  const broken = nx(['affected', '-t', 'contract-check', '--base=main', '--outputStyle=static']);
  console.log(`\n→ exit code ${broken}: ${broken !== 0 ? 'the change breaks the web dashboard, and the output says where.' : 'UNEXPECTED: the break was not caught.'}`);
  failed ||= broken === 0;

  step('3. The dashboard is updated in the same change', 'web now reads `emailAddress` and no longer shows `lastLogin`.');
  fs.cpSync(path.join(example, 'fix'), workspace, { recursive: true });
  const fixed = nx(['affected', '-t', 'contract-check', '--base=main', '--outputStyle=static']);
  console.log(`\n→ exit code ${fixed}: ${fixed === 0 ? 'the contract holds again.' : 'UNEXPECTED: the fixed change still fails.'}`);
  failed ||= fixed !== 0;
} finally {
  if (keep) console.log(`\nThe workspace is kept in ${workspace}`);
  else fs.rmSync(workspace, { recursive: true, force: true });
}
process.exitCode = failed ? 1 : 0;
