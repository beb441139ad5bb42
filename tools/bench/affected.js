#!/usr/bin/env node
/**
 * Endpoint-precise affected at scale, on a generated monorepo (default 20 specs × 200 consumers ×
 * 30 endpoints). Prints figures; asserts nothing. Needs `npm run build` first.
 *
 *   node tools/bench/affected.js [--specs 20] [--consumers 200] [--endpoints 30] [--runs 3] [--keep]
 *
 * P1  precision: one endpoint changed, then one shared schema: selected / executed / true tasks.
 * P2  graph overhead: `nx show projects` with vs without the plugin, cold and warm (median ms).
 * P5  a fully cached `contract-check` run vs a fully cached no-op target on the same projects.
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { generate, applyChange } = require('../fixtures/generate-monorepo');

const repoRoot = path.resolve(__dirname, '../..');
const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(`--${name}`) ? Number(args[args.indexOf(`--${name}`) + 1]) : fallback);
const sizes = { specs: option('specs', 20), consumers: option('consumers', 200), endpoints: option('endpoints', 30), seed: option('seed', 1) };
const runs = option('runs', 3);

const env = {
  ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.startsWith('NX_'))),
  NX_DAEMON: 'false',
  NX_NO_CLOUD: 'true',
  NX_ISOLATE_PLUGINS: 'false',
  NX_TUI: 'false',
  GIT_AUTHOR_NAME: 'bench',
  GIT_AUTHOR_EMAIL: 'bench@example.com',
  GIT_COMMITTER_NAME: 'bench',
  GIT_COMMITTER_EMAIL: 'bench@example.com',
};

const root = fs.mkdtempSync(path.join(os.tmpdir(), 'contract-graph-bench-'));
const nxBin = path.join(root, 'node_modules/nx/dist/bin/nx.js');

function run(command, commandArgs) {
  const started = process.hrtime.bigint();
  const result = spawnSync(command, commandArgs, { cwd: root, env, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  return { ms, code: result.status, output: `${result.stdout}\n${result.stderr}` };
}
const nx = (...nxArgs) => run(process.execPath, [nxBin, ...nxArgs]);
const git = (...gitArgs) => {
  const result = run('git', gitArgs);
  if (result.code !== 0) throw new Error(`git ${gitArgs.join(' ')}: ${result.output}`);
  return result.output.trim();
};
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
const clearNxState = () => fs.rmSync(path.join(root, '.nx'), { recursive: true, force: true });

function selected(output) {
  const match = /Running target \S+ for \d+ projects?:\n\n((?:- .+\n)+)/.exec(output);
  return match ? match[1].trim().split('\n').map((line) => line.slice(2).trim()).sort() : [];
}
function executed(output, target) {
  return [...output.matchAll(new RegExp(`> nx run (\\S+):${target}(.*)`, 'g'))].filter((m) => !/cache\]/.test(m[2])).map((m) => m[1]);
}

function timeShowProjects(withPlugin) {
  const nxJsonFile = path.join(root, 'nx.json');
  const original = fs.readFileSync(nxJsonFile, 'utf8');
  if (!withPlugin) {
    const nxJson = JSON.parse(original);
    nxJson.plugins = [];
    fs.writeFileSync(nxJsonFile, JSON.stringify(nxJson, null, 2));
  }
  const cold = [];
  const warm = [];
  for (let i = 0; i < runs; i++) {
    clearNxState();
    cold.push(nx('show', 'projects').ms);
    warm.push(nx('show', 'projects').ms);
  }
  fs.writeFileSync(nxJsonFile, original);
  return { cold: median(cold), warm: median(warm) };
}

try {
  const truth = generate(root, sizes);
  fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(root, 'node_modules'), 'dir');
  git('init', '-q', '-b', 'main');
  if (nx('sync').code !== 0) throw new Error('nx sync failed');
  git('add', '-A');
  git('commit', '-q', '-m', 'base');
  const projectCount = sizes.specs + sizes.consumers;
  console.log(`monorepo: ${sizes.specs} specs × ${sizes.consumers} consumers × ${sizes.endpoints} endpoints (${projectCount} projects) in ${root}`);

  // P2 first, on a clean state.
  const withPlugin = timeShowProjects(true);
  const withoutPlugin = timeShowProjects(false);
  console.log('\nP2 graph overhead: nx show projects, median of', runs, 'runs');
  console.log(`  cold: ${withPlugin.cold.toFixed(0)} ms with plugin vs ${withoutPlugin.cold.toFixed(0)} ms without → ${(withPlugin.cold / withoutPlugin.cold).toFixed(2)}×`);
  console.log(`  warm: ${withPlugin.warm.toFixed(0)} ms with plugin vs ${withoutPlugin.warm.toFixed(0)} ms without → ${(withPlugin.warm / withoutPlugin.warm).toFixed(2)}×`);

  // Warm the task cache on the base.
  const warmRun = nx('run-many', '-t', 'contract-check', '--outputStyle=static', '--parallel=2');
  console.log(`\nwarm-up: run-many contract-check over ${projectCount} projects: ${(warmRun.ms / 1000).toFixed(1)} s, exit ${warmRun.code}`);
  nx('run-many', '-t', 'noop', '--outputStyle=static', '--parallel=2');

  console.log('\nP1 precision (selected / executed / true contract-check tasks)');
  const cases = [
    { title: 'one endpoint', edit: { spec: 'svc0-api', endpoint: 3 } },
    { title: 'one endpoint, dotted path, JSON spec', edit: { spec: 'svc1-api', endpoint: 1 } },
    { title: 'shared schema, multi-file spec', edit: { spec: 'svc2-api', shared: true } },
  ];
  let lastSelection = [];
  for (const { title, edit } of cases) {
    git('checkout', '-q', '-f', 'main');
    git('checkout', '-q', '-B', 'change');
    const expected = applyChange(root, truth, edit);
    nx('sync');
    git('add', '-A');
    git('commit', '-q', '-m', title);
    const result = nx('affected', '-t', 'contract-check', '--base=main', '--outputStyle=static', '--parallel=2');
    const chosen = selected(result.output);
    const ran = executed(result.output, 'contract-check');
    const exact = JSON.stringify(chosen) === JSON.stringify(expected);
    console.log(`  ${title.padEnd(38)} ${String(chosen.length).padStart(4)} / ${String(ran.length).padStart(4)} / ${String(expected.length).padStart(4)}  ${exact ? 'exact' : 'MISMATCH'}  (${(result.ms / 1000).toFixed(1)} s)`);
    lastSelection = chosen;
  }

  console.log('\nP5 fully cached run vs a cached no-op target on the same projects (median of', runs, 'runs)');
  nx('run-many', '-t', 'contract-check', '--outputStyle=static', '--parallel=2');
  nx('run-many', '-t', 'noop', '--outputStyle=static', '--parallel=2');
  const timeTarget = (target, projects) => median(Array.from({ length: runs }, () => nx('run-many', '-t', target, ...(projects ? ['-p', projects.join(',')] : []), '--outputStyle=static').ms));
  const allCheck = timeTarget('contract-check');
  const allNoop = timeTarget('noop');
  console.log(`  all ${projectCount} projects: ${allCheck.toFixed(0)} ms vs ${allNoop.toFixed(0)} ms → ${(allCheck / allNoop).toFixed(2)}×`);
  const affectedCheck = median(Array.from({ length: runs }, () => nx('affected', '-t', 'contract-check', '--base=main', '--outputStyle=static').ms));
  const sameNoop = timeTarget('noop', lastSelection);
  console.log(`  affected (${lastSelection.length} projects): ${affectedCheck.toFixed(0)} ms vs noop on the same projects ${sameNoop.toFixed(0)} ms → ${(affectedCheck / sameNoop).toFixed(2)}×`);
} finally {
  if (args.includes('--keep')) console.log(`\nkept ${root}`);
  else fs.rmSync(root, { recursive: true, force: true });
}
