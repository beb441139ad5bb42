#!/usr/bin/env node
/**
 * Whole-spec diff of two real versions of GitHub's REST description (npm `@octokit/openapi`,
 * fetched here with `npm pack`, not a dependency): time as a ratio to the parse floor (JSON.parse
 * of both files) and peak RSS. Prints figures; asserts nothing. Needs `npm run build` first.
 *
 *   node tools/bench/diff-octokit.js [--base 18.0.0] [--head 23.0.2] [--dir <cache dir>] [--rounds 3]
 */
const { execFileSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const core = require('../../packages/core/dist');

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(`--${name}`) ? args[args.indexOf(`--${name}`) + 1] : fallback);
const versions = [option('base', '18.0.0'), option('head', '23.0.2')];
const dir = path.resolve(option('dir', path.join(os.tmpdir(), 'contract-graph-octokit')));
fs.mkdirSync(dir, { recursive: true });

/** Downloads and unpacks one version once; returns the path of its api.github.com.json. */
function fetchSpec(version) {
  const target = path.join(dir, version, 'package/generated/api.github.com.json');
  if (!fs.existsSync(target)) {
    const tarball = execFileSync('npm', ['pack', `@octokit/openapi@${version}`, '--silent'], { cwd: dir, encoding: 'utf8' }).trim().split('\n').pop();
    fs.mkdirSync(path.join(dir, version), { recursive: true });
    execFileSync('tar', ['-xzf', tarball, '-C', path.join(dir, version)], { cwd: dir });
    fs.rmSync(path.join(dir, tarball));
  }
  return target;
}

const files = versions.map(fetchSpec);
const texts = files.map((file) => fs.readFileSync(file, 'utf8'));
const time = (fn) => {
  const started = process.hrtime.bigint();
  const value = fn();
  return { value, ms: Number(process.hrtime.bigint() - started) / 1e6 };
};

// Each round parses, loads and diffs afresh; the fastest of each phase is what the code costs (other
// processes on the machine only ever add time). The first round, with a cold JIT, is printed too.
const rounds = Math.max(1, Number(option('rounds', '3')));
const reads = versions.map((version, index) => (file) => (file === 'api.github.com.json' ? texts[index] : undefined));
const measured = [];
let peak = 0;
for (let round = 0; round < rounds; round++) {
  const floor = time(() => texts.forEach((text) => JSON.parse(text)));
  const load = time(() => reads.map((read) => core.indexSpec('api.github.com.json', read)));
  const diff = time(() => core.diffSpecs(load.value[0], load.value[1]));
  // Only the first round's results are kept: later rounds must not hold two sets of specs at once.
  measured.push({ floor: floor.ms, load: load.ms, diff: diff.ms, ...(round === 0 ? { indexed: load.value, result: diff.value } : {}) });
  // The kernel's high-water mark (the work is synchronous, so a timer sampling RSS would never run
  // while it happens), taken after one round; on Linux and macOS `maxRSS` is in kilobytes.
  if (round === 0) peak = process.resourceUsage().maxRSS * 1024;
}

// Locations are found when first read (only reported findings need them), so the diff above does not
// pay for them: printed apart, for the first round's results, so that deferred work stays visible.
const locateAll = time(() => {
  for (const change of measured[0].result.changes) void [change.specLocation, change.baseLocation];
  for (const indexed of measured[0].indexed) for (const operation of indexed.operations) void operation.location;
});

const fastest = (phase) => Math.min(...measured.map((round) => round[phase]));
const best = { floor: fastest('floor'), load: fastest('load'), diff: fastest('diff') };
const cold = measured[0];
const [base, head] = cold.indexed;
const result = cold.result;
const ms = (value) => `${value.toFixed(0)} ms`;
console.log(`@octokit/openapi ${versions[0]} → ${versions[1]} (${(texts[0].length / 1e6).toFixed(1)} MB, ${(texts[1].length / 1e6).toFixed(1)} MB; ${base.operations.length} → ${head.operations.length} operations), fastest of ${rounds} rounds (first round)`);
console.log(`  parse floor (JSON.parse of both): ${ms(best.floor)} (${ms(cold.floor)})`);
console.log(`  load + index both:                ${ms(best.load)} (${ms(cold.load)})`);
console.log(`  diff:                             ${ms(best.diff)} (${ms(cold.diff)}); ${result.changedOperations.length} changed, ${result.addedOperations.length} added, ${result.removedOperations.length} removed operations; ${result.changes.length} changes; ${result.problems.length} problems`);
console.log(`  locating every change and operation afterwards (not in the total): ${ms(locateAll.ms)}`);
console.log(`  total / floor:                    ${((best.load + best.diff) / best.floor).toFixed(1)}× (${((cold.load + cold.diff) / cold.floor).toFixed(1)}×; bar ≤ 3×)`);
console.log(`  peak RSS:                         ${(peak / 1024 / 1024).toFixed(0)} MB (bar ≤ 1024 MB)`);
