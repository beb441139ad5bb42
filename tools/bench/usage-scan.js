#!/usr/bin/env node
/**
 * Usage-scan benchmark. Lays out the usage fixtures (packages/core/fixtures/usage) copied until
 * there are ~N source files (default 2000) in one temp project, then prints:
 *  - files/s of a cold full scan (`scanProjectUsage`, empty cache: list, stat, read, hash, parse, summarise, link);
 *  - the floor: reading the same files and `ts.createSourceFile` on each (no parent pointers);
 *  - the ratio cold / floor (bar: <= 1.5);
 *  - a rescan after changing one file, with the warm cache, as a ratio to the cold scan (bar: <= 5%),
 *    three per run, each after editing another file;
 *  - for reference, the time to stat every folder and file (the part of a rescan no cache can skip),
 *    and where a cold scan's time goes: listing the folders (with an empty cache), analysing the
 *    files (parse + summarise, texts already read) and linking them (all at once, no cache).
 * Medians of several runs, each timing starting from a collected heap. Requires the built core:
 * `npm run build` first.
 *
 *   node tools/bench/usage-scan.js [--files 2000] [--runs 5]
 */
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { parseArgs } = require('node:util');
const v8 = require('node:v8');
const vm = require('node:vm');
const ts = require('typescript');
const core = require('../../packages/core/dist/index.js');

const { values } = parseArgs({ options: { files: { type: 'string', default: '2000' }, runs: { type: 'string', default: '5' } } });
const wanted = Number(values.files);
const runs = Number(values.runs);

const fixtures = path.join(__dirname, '../../packages/core/fixtures/usage');
const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-usage-bench-'));
const project = 'app';

function listFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? listFiles(full) : [full];
  });
}

// Copy each fixture app into app/copy-<n>/<style>/ until there are enough files; relative
// imports stay valid inside each copy, and alias imports (`@/`, `$lib`) resolve to the project root.
const apps = fs.readdirSync(fixtures).map((style) => ({ style, files: listFiles(path.join(fixtures, style)) }));
const perRound = apps.reduce((total, app) => total + app.files.length, 0);
let copies = 0;
while (copies * perRound < wanted) {
  for (const app of apps) {
    for (const file of app.files) {
      const target = path.join(root, project, `copy-${copies}`, app.style, path.relative(path.join(fixtures, app.style), file));
      fs.mkdirSync(path.dirname(target), { recursive: true });
      fs.copyFileSync(file, target);
    }
  }
  copies++;
}
const files = core.listSourceFiles(root, project);
// A rescan trusts a file's stat record only once the file is a few seconds old (a change in the same
// timestamp tick could go unseen otherwise); a real checkout is older than that, so wait it out.
Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 3500);

// Each measurement starts from a collected heap, so garbage left by the previous one is not billed to it.
v8.setFlagsFromString('--expose-gc');
const collectGarbage = vm.runInNewContext('gc');

function time(fn) {
  collectGarbage();
  const start = process.hrtime.bigint();
  const result = fn();
  return { ms: Number(process.hrtime.bigint() - start) / 1e6, result };
}

function median(list) {
  const sorted = [...list].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

// What no rescan can avoid: one stat per folder and per file, to see whether anything changed.
const folders = [...new Set(files.flatMap((file) => file.split('/').slice(0, -1).map((_, index, parts) => parts.slice(0, index + 1).join('/'))))];
function statFloor() {
  for (const entry of [...folders, ...files]) fs.statSync(path.join(root, entry));
}

function floor() {
  for (const file of files) {
    const text = fs.readFileSync(path.join(root, file), 'utf8');
    ts.createSourceFile(file, text, ts.ScriptTarget.Latest);
  }
}

// The parts of a cold scan, timed alone (not part of any bar).
const texts = files.map((file) => fs.readFileSync(path.join(root, file), 'utf8'));
let analyses = [];
const listFolders = () => core.listSourceFiles(root, project, core.createMemoryUsageCache());
const analyzeAll = () => (analyses = files.map((file, index) => core.analyzeFile(file, texts[index])));
const linkAll = () => core.linkProject(analyses, { projectRoot: project });

// Warm up the JIT on both paths.
floor();
core.scanProjectUsage(root, project, core.createMemoryUsageCache());
analyzeAll();
linkAll();
analyses = [];

const floorTimes = [];
const coldTimes = [];
const rescanTimes = [];
const statTimes = [];
const partTimes = { list: [], analyze: [], link: [] };
let calls = 0;
for (let run = 0; run < runs; run++) {
  floorTimes.push(time(floor).ms);
  statTimes.push(time(statFloor).ms);
  const cache = core.createMemoryUsageCache();
  const cold = time(() => core.scanProjectUsage(root, project, cache));
  coldTimes.push(cold.ms);
  calls = cold.result.calls.length;
  // Three rescans per run, each after editing another file (the edit appends a comment: the file
  // is re-read, re-parsed and its link group relinked).
  for (let edit = 0; edit < 3; edit++) {
    const changed = path.join(root, files[(run * 3 + edit) * 101 % files.length]);
    fs.appendFileSync(changed, `\n// edit ${run}.${edit}\n`);
    rescanTimes.push(time(() => core.scanProjectUsage(root, project, cache)).ms);
  }
  // After the timed scans, and nothing kept: the analyses must not weigh on the next run's heap.
  partTimes.list.push(time(listFolders).ms);
  partTimes.analyze.push(time(analyzeAll).ms);
  partTimes.link.push(time(linkAll).ms);
  analyses = [];
}

const floorMs = median(floorTimes);
const coldMs = median(coldTimes);
const rescanMs = median(rescanTimes);
const statMs = median(statTimes);
const rate = (ms) => Math.round(files.length / (ms / 1000));
const verdict = (value, bar) => (value <= bar ? 'meets the bar' : 'over the bar');
const coldRatio = coldMs / floorMs;
const rescanShare = rescanMs / coldMs;
console.log(`usage scan benchmark: ${files.length} files in ${folders.length} folders (${copies} copies of the ${apps.length} fixture apps), ${calls} calls found; medians of ${runs} runs`);
console.log(`  floor (read + ts.createSourceFile):  ${floorMs.toFixed(0)} ms  ${rate(floorMs)} files/s`);
console.log(`  cold full scan (empty cache):        ${coldMs.toFixed(0)} ms  ${rate(coldMs)} files/s  = ${coldRatio.toFixed(2)}x the floor (bar <= 1.5x: ${verdict(coldRatio, 1.5)})`);
console.log(`  rescan, one file changed:            ${rescanMs.toFixed(0)} ms  = ${(rescanShare * 100).toFixed(1)}% of the cold scan (bar <= 5%: ${verdict(rescanShare, 0.05)})`);
console.log(`  (stat of every folder and file:      ${statMs.toFixed(0)} ms, what no rescan can skip)`);
const part = (name) => `${median(partTimes[name]).toFixed(0)} ms`;
console.log(`  (cold scan's parts, each alone: list folders ${part('list')}, parse + summarise ${part('analyze')}, link ${part('link')})`);
fs.rmSync(root, { recursive: true, force: true });
