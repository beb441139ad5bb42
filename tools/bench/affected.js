#!/usr/bin/env node
/**
 * Endpoint-precise affected at scale, on a generated monorepo (default 20 specs × 200 consumers ×
 * 30 endpoints). Prints figures; asserts nothing. Needs `npm run build` first.
 *
 *   node tools/bench/affected.js [--specs 20] [--consumers 200] [--endpoints 30] [--runs 3] [--keep] [--p2-only]
 *
 * P1  precision: one endpoint changed, then one shared schema: selected / executed / true tasks.
 * P2  graph overhead: `nx show projects` with vs without the plugin, cold and warm.
 * P5  a fully cached `contract-check` run vs a fully cached no-op target on the same projects (all
 *     projects; the affected ones through `nx affected` against `nx affected -t noop` narrowed to the
 *     same projects, and against `run-many -p`).
 * Times are medians of wall time and, on Linux, of CPU time (less swayed by other jobs).
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

/**
 * CPU time (user + system, ms) of the children this process has waited for, from /proc (Linux;
 * undefined elsewhere). On a shared machine wall time swings with other jobs; CPU time much less.
 */
function childrenCpuMs() {
  try {
    const fields = fs.readFileSync('/proc/self/stat', 'utf8').replace(/^.*\) /, '').split(' ');
    // Fields 16 and 17 of stat (cutime, cstime) in clock ticks; 100 per second on Linux.
    return (Number(fields[13]) + Number(fields[14])) * 10;
  } catch {
    return undefined;
  }
}

function run(command, commandArgs, extraEnv = {}) {
  const started = process.hrtime.bigint();
  const cpuBefore = childrenCpuMs();
  const result = spawnSync(command, commandArgs, { cwd: root, env: { ...env, ...extraEnv }, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024 });
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const cpuAfter = childrenCpuMs();
  return { ms, cpuMs: cpuBefore === undefined ? undefined : cpuAfter - cpuBefore, code: result.status, output: `${result.stdout}\n${result.stderr}` };
}
const nx = (...nxArgs) => run(process.execPath, [nxBin, ...nxArgs]);
/** With the Nx daemon (the default on developer machines; CI runs without it). */
const nxWithDaemon = (...nxArgs) => run(process.execPath, [nxBin, ...nxArgs], { NX_DAEMON: 'true' });
const git = (...gitArgs) => {
  const result = run('git', gitArgs);
  if (result.code !== 0) throw new Error(`git ${gitArgs.join(' ')}: ${result.output}`);
  return result.output.trim();
};
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
/** Median wall and CPU time of runs. */
const medians = (results) => ({ ms: median(results.map((r) => r.ms)), cpuMs: results.some((r) => r.cpuMs === undefined) ? undefined : median(results.map((r) => r.cpuMs)) });
/** `a` vs `b`, as wall time and CPU time, each with its ratio. */
function versus(a, b) {
  const wall = `${a.ms.toFixed(0)} ms vs ${b.ms.toFixed(0)} ms → ${(a.ms / b.ms).toFixed(2)}×`;
  return a.cpuMs === undefined ? wall : `${wall}  (CPU ${a.cpuMs.toFixed(0)} vs ${b.cpuMs.toFixed(0)} ms → ${(a.cpuMs / b.cpuMs).toFixed(2)}×)`;
}
const clearNxState = () => fs.rmSync(path.join(root, '.nx'), { recursive: true, force: true });

function selected(output) {
  const match = /Running target \S+ for \d+ projects?:\n\n((?:- .+\n)+)/.exec(output);
  return match ? match[1].trim().split('\n').map((line) => line.slice(2).trim()).sort() : [];
}
function executed(output, target) {
  return [...output.matchAll(new RegExp(`> nx run (\\S+):${target}(.*)`, 'g'))].filter((m) => !/cache\]/.test(m[2])).map((m) => m[1]);
}

/** `nx show projects` with and without the plugin, cold (no .nx) and warm; the variants alternate run by run, so load swings hit both. */
function timeShowProjects() {
  const nxJsonFile = path.join(root, 'nx.json');
  const original = fs.readFileSync(nxJsonFile, 'utf8');
  const withoutPlugin = `${JSON.stringify({ ...JSON.parse(original), plugins: [] }, null, 2)}\n`;
  const times = { with: { cold: [], warm: [], daemon: [] }, without: { cold: [], warm: [], daemon: [] } };
  try {
    for (let i = 0; i < runs; i++) {
      for (const variant of ['with', 'without']) {
        fs.writeFileSync(nxJsonFile, variant === 'with' ? original : withoutPlugin);
        clearNxState();
        times[variant].cold.push(nx('show', 'projects'));
        times[variant].warm.push(nx('show', 'projects'));
      }
    }
    // The daemon apart, after: a daemon shutting down would otherwise load the runs above. The order
    // of the two variants alternates: the one after a daemon stop can find the machine still busy.
    for (let i = 0; i < runs; i++) {
      for (const variant of i % 2 === 0 ? ['with', 'without'] : ['without', 'with']) {
        fs.writeFileSync(nxJsonFile, variant === 'with' ? original : withoutPlugin);
        // Warm with the daemon: the first call starts it and builds the graph, the second still
        // finds it settling (measured: ~1.5× the later ones), the third is timed (wall time only:
        // the daemon is not a child of the timed process).
        nxWithDaemon('show', 'projects');
        nxWithDaemon('show', 'projects');
        times[variant].daemon.push(nxWithDaemon('show', 'projects'));
        nxWithDaemon('daemon', '--stop');
      }
    }
  } finally {
    fs.writeFileSync(nxJsonFile, original);
  }
  const pair = (phase) => [medians(times.with[phase]), medians(times.without[phase])];
  return { cold: pair('cold'), warm: pair('warm'), daemon: pair('daemon') };
}

/** Median times of two commands, run alternately. */
function timePair(first, second) {
  const results = [[], []];
  for (let i = 0; i < runs; i++) [first, second].forEach((command, index) => results[index].push(command()));
  return results.map(medians);
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
  const showProjects = timeShowProjects();
  console.log('\nP2 graph overhead: nx show projects with vs without the plugin, median of', runs, 'runs');
  console.log(`  cold: ${versus(...showProjects.cold)}`);
  console.log(`  warm: ${versus(...showProjects.warm)}`);
  const [withDaemon, withoutDaemon] = showProjects.daemon;
  console.log(`  warm, with the Nx daemon (wall): ${withDaemon.ms.toFixed(0)} ms vs ${withoutDaemon.ms.toFixed(0)} ms → ${(withDaemon.ms / withoutDaemon.ms).toFixed(2)}×`);

  // `--p2-only`: the graph overhead alone (several minutes less), e.g. with more runs for a small ratio.
  // (A CommonJS module body is a function: this return still runs the `finally` that removes the repo.)
  if (args.includes('--p2-only')) return;

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

  const allProjects = nx('show', 'projects').output.split('\n').map((line) => line.trim()).filter((line) => /^[\w@./-]+$/.test(line)).sort();
  console.log('\nP5 fully cached run vs a cached no-op target on the same projects (median of', runs, 'runs)');
  nx('run-many', '-t', 'contract-check', '--outputStyle=static', '--parallel=2');
  nx('run-many', '-t', 'noop', '--outputStyle=static', '--parallel=2');
  const runMany = (target, projects) => () => nx('run-many', '-t', target, ...(projects ? ['-p', projects.join(',')] : []), '--outputStyle=static');
  console.log(`  all ${projectCount} projects: ${versus(...timePair(runMany('contract-check'), runMany('noop')))}`);
  const affected = () => nx('affected', '-t', 'contract-check', '--base=main', '--outputStyle=static');
  // The control the bar names: the same command on a no-op target, narrowed to the same projects
  // (`nx affected -t noop` alone would select more: the no-op target's default inputs differ).
  const others = allProjects.filter((project) => !lastSelection.includes(project));
  const affectedNoop = () => nx('affected', '-t', 'noop', '--base=main', `--exclude=${others.join(',')}`, '--outputStyle=static');
  console.log(`  nx affected (${lastSelection.length} projects) vs nx affected -t noop on the same projects: ${versus(...timePair(affected, affectedNoop))}`);
  console.log(`  nx affected (${lastSelection.length} projects) vs run-many noop on them (charges affected's own base/head diff to the plugin): ${versus(...timePair(affected, runMany('noop', lastSelection)))}`);
  // The same tasks through run-many: what is left once `affected`'s own base/head diff is taken out.
  console.log(`  run-many on the same ${lastSelection.length} projects: ${versus(...timePair(runMany('contract-check', lastSelection), runMany('noop', lastSelection)))}`);
} finally {
  if (args.includes('--keep')) console.log(`\nkept ${root}`);
  else fs.rmSync(root, { recursive: true, force: true });
}
