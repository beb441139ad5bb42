#!/usr/bin/env node
/** Writes docs/options.md (after `npm run build`, which provides the CLI usage text). */
const fs = require('node:fs');
const path = require('node:path');
const { renderOptionsReference, REPO_ROOT } = require('./options-reference');

const { CLI_USAGE } = require(path.join(REPO_ROOT, 'packages/core/dist/cli/main.js'));
const file = path.join(REPO_ROOT, 'docs/options.md');
fs.writeFileSync(file, renderOptionsReference({ cliUsage: CLI_USAGE }));
console.log(`wrote ${path.relative(REPO_ROOT, file)}`);
