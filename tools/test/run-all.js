#!/usr/bin/env node
/**
 * Runs every jest project (unit, then e2e against the real nx binary) in one jest run and ends
 * with a plain `N passed, N failed` line that any CI log reader understands.
 * Extra arguments go to jest (e.g. `npm test -- --selectProjects unit`).
 */
const { spawnSync } = require('node:child_process');
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');

const resultsFile = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'contract-graph-jest-')), 'results.json');
const jest = require.resolve('jest/bin/jest');
const run = spawnSync(process.execPath, [jest, '--json', `--outputFile=${resultsFile}`, ...process.argv.slice(2)], {
  stdio: 'inherit',
  cwd: path.resolve(__dirname, '../..'),
});
let summary = 'tests: 0 passed, 1 failed (jest wrote no results)';
try {
  const results = JSON.parse(fs.readFileSync(resultsFile, 'utf8'));
  summary = `tests: ${results.numPassedTests} passed, ${results.numFailedTests + results.numRuntimeErrorTestSuites} failed`;
} catch {
  // keep the pessimistic summary
}
fs.rmSync(path.dirname(resultsFile), { recursive: true, force: true });
console.log(`\n${summary}`);
process.exitCode = run.status ?? 1;
