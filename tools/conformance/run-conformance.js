#!/usr/bin/env node
/**
 * Conformance run over the oasdiff spec pairs in ../shared/conformance/oasdiff (test data we may
 * read but not copy). Prints recall on `breaking` pairs (spec-validity and deprecation-policy
 * pairs counted separately) and the false-fail rate on `non-breaking` pairs.
 *
 * A pair counts as caught when `diffSpecs` reports at least one error or warning (what a spec with
 * `consumers: external` would show); on `non-breaking(ERR-only)` pairs (oasdiff itself reports
 * warnings there) only errors count as false fails.
 *
 * Usage: node tools/conformance/run-conformance.js [--data <dir>] [--verbose] [--enforce] [--no-second-opinion]
 *   --enforce: exit 1 when recall < 90% or false fails > 5%.
 *   --no-second-opinion: our rules only, without openapi-diff's look at changed bodies (on by
 *   default, as in `contract-check`).
 * Needs the built core (`npm run build`).
 */
const fs = require('node:fs');
const path = require('node:path');

const repoRoot = path.resolve(__dirname, '../..');
const args = process.argv.slice(2);
const dataArg = args.indexOf('--data');
const dataRoot = dataArg !== -1 ? path.resolve(args[dataArg + 1]) : path.resolve(repoRoot, '../shared/conformance/oasdiff');
const verbose = args.includes('--verbose');
const enforce = args.includes('--enforce');
const withSecondOpinion = !args.includes('--no-second-opinion');
const RECALL_BAR = 0.9;
const FALSE_FAIL_BAR = 0.05;

function main() {
  const manifest = path.join(dataRoot, 'manifest.tsv');
  if (!fs.existsSync(manifest)) {
    console.log(`conformance: skipped — ${manifest} not found (the oasdiff pairs live outside the repo, in ../shared/conformance/oasdiff).`);
    return 0;
  }
  const core = loadCore();
  if (!core) {
    console.log('conformance: skipped — packages/core/dist is missing; run `npm run build` first.');
    return enforce ? 1 : 0;
  }
  const rows = fs
    .readFileSync(manifest, 'utf8')
    .split('\n')
    .slice(1)
    .filter((line) => line.trim() !== '')
    .map((line) => {
      const [base, revision, ids, verdict] = line.split('\t');
      return { base, revision, ids: ids === '-' ? [] : ids.split(','), verdict: verdict.trim() };
    });
  const read = (file) => {
    const absolute = path.join(dataRoot, file);
    return fs.existsSync(absolute) ? fs.readFileSync(absolute, 'utf8') : undefined;
  };
  const tally = { breaking: [0, 0], policy: [0, 0], clean: [0, 0] };
  const misses = [];
  const falseFails = [];
  const started = process.hrtime.bigint();
  for (const row of rows) {
    const base = core.indexSpec(row.base, read);
    const head = core.indexSpec(row.revision, read);
    const diff = core.diffSpecs(base, head, withSecondOpinion ? { secondOpinion: {} } : {});
    const errorsOnly = row.verdict === 'non-breaking(ERR-only)';
    const flagged = diff.changes.filter((change) => change.severity === 'error' || (!errorsOnly && change.severity === 'warning'));
    const found = [...new Set(flagged.map((change) => change.ruleId))].sort();
    if (row.verdict === 'breaking') {
      const group = row.ids.length > 0 && row.ids.every(isPolicyId) ? 'policy' : 'breaking';
      tally[group][1]++;
      if (found.length > 0) tally[group][0]++;
      else misses.push(row);
      if (verbose) console.log(`${found.length > 0 ? 'caught' : 'MISSED'}  ${row.base} → ${row.revision}  expected ${row.ids.join(',') || '-'}  got ${found.join(',') || '-'}`);
    } else {
      tally.clean[1]++;
      if (found.length > 0) {
        tally.clean[0]++;
        falseFails.push({ ...row, found });
      }
      if (verbose) console.log(`${found.length > 0 ? 'FALSE' : 'clean'}   ${row.base} → ${row.revision}  got ${found.join(',') || '-'}`);
    }
  }
  const ms = Number(process.hrtime.bigint() - started) / 1e6;
  const pct = ([hit, total]) => (total === 0 ? 'n/a' : `${((100 * hit) / total).toFixed(1)}% (${hit}/${total})`);
  const all = [tally.breaking[0] + tally.policy[0], tally.breaking[1] + tally.policy[1]];
  console.log(`conformance (oasdiff pairs, ${rows.length} rows, ${ms.toFixed(0)} ms, ${withSecondOpinion ? 'with' : 'without'} openapi-diff's second opinion):`);
  console.log(`  recall, breaking pairs:                  ${pct(tally.breaking)}`);
  console.log(`  recall, spec-validity/deprecation pairs: ${pct(tally.policy)}`);
  console.log(`  recall, all breaking pairs:              ${pct(all)}`);
  console.log(`  false fails, non-breaking pairs:         ${pct(tally.clean)}`);
  for (const row of misses) console.log(`  missed: ${row.base} → ${row.revision} (${row.ids.join(',') || '-'})`);
  for (const row of falseFails) console.log(`  false fail: ${row.base} → ${row.revision} (${row.found.join(',')})`);
  const recall = all[1] === 0 ? 1 : all[0] / all[1];
  const falseRate = tally.clean[1] === 0 ? 0 : tally.clean[0] / tally.clean[1];
  const ok = recall >= RECALL_BAR && falseRate <= FALSE_FAIL_BAR;
  console.log(`  bar (recall ≥ ${RECALL_BAR * 100}%, false fails ≤ ${FALSE_FAIL_BAR * 100}%): ${ok ? 'met' : 'MISSED'}`);
  return ok || !enforce ? 0 : 1;
}

function isPolicyId(id) {
  return /sunset|stability|deprecat/.test(id);
}

function loadCore() {
  try {
    return require(path.join(repoRoot, 'packages/core/dist/index.js'));
  } catch (error) {
    if (error && error.code === 'MODULE_NOT_FOUND') return undefined;
    throw error;
  }
}

process.exitCode = main();
