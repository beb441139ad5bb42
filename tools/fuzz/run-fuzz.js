#!/usr/bin/env node
/**
 * Seeded fuzzing of the engine over the compiled core (`npx tsc -b packages/core` first).
 *
 *   node tools/fuzz/run-fuzz.js [--seed 1] [--cases 2000] [--seconds 120] [--budget-ms 3000] [--out tools/fuzz/failures]
 *
 * Mutates the example specs (examples/story) and consumer files (examples/story apps,
 * packages/core/fixtures/usage) at the byte, token and structure level, and runs each mutant through
 * the loader (loadSpec + listOperations + fingerprints), the diff (base → mutant and back), the
 * usage extractor, the whole check (runContractCheck on a temp workspace) and both report formats.
 * A thrown exception, or a case slower than the budget, is a failure: its inputs are written to
 * `<out>/<seed>-<case>/` with `error.txt`, ready to become a corpus case. Same seed, same cases.
 */
'use strict';
const fs = require('node:fs');
const os = require('node:os');
const path = require('node:path');
const { parseArgs } = require('node:util');
const YAML = require('yaml');

const repoRoot = path.resolve(__dirname, '../..');
const core = require(path.join(repoRoot, 'packages/core/dist'));

const { values } = parseArgs({
  options: {
    seed: { type: 'string', default: '1' },
    cases: { type: 'string', default: '2000' },
    seconds: { type: 'string', default: '120' },
    'budget-ms': { type: 'string', default: '3000' },
    out: { type: 'string', default: path.join(repoRoot, 'tools/fuzz/failures') },
  },
});
const seed = Number(values.seed);
const maxCases = Number(values.cases);
const deadline = Date.now() + Number(values.seconds) * 1000;
const budgetMs = Number(values['budget-ms']);

/** mulberry32: small, fast, and the same sequence on every machine. */
function prng(state) {
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
const random = prng(seed);
const pick = (list) => list[Math.floor(random() * list.length)];
const int = (max) => Math.floor(random() * max);

function filesUnder(dir, test) {
  const found = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) found.push(...filesUnder(full, test));
    else if (test(entry.name)) found.push(full);
  }
  return found.sort();
}

const specSeeds = [path.join(repoRoot, 'examples/story/workspace/apis/users/openapi.yaml'), path.join(repoRoot, 'examples/story/change/apis/users/openapi.yaml')].map((file) => fs.readFileSync(file, 'utf8'));
specSeeds.push(...specSeeds.map((text) => JSON.stringify(YAML.parse(text), null, 2)));
const consumerSeeds = [...filesUnder(path.join(repoRoot, 'examples/story/workspace/apps'), (name) => /\.[jt]sx?$/.test(name)), ...filesUnder(path.join(repoRoot, 'packages/core/fixtures/usage'), (name) => /\.[jt]sx?$/.test(name))].map((file) => ({
  ext: path.extname(file),
  text: fs.readFileSync(file, 'utf8'),
}));
const baseSpecText = specSeeds[0];

const INTERESTING_CHARS = ['{', '}', '[', ']', ':', '-', '"', "'", '&a ', '*a', '!', '%', '#', '\n', ' ', '\t', '\u0000', '\\', '`', '${', '(', ')', '/', '~', '\ufeff', '\u2028', '𝕏'];
const INTERESTING_TOKENS = ['$ref', '1e400', '-0', '99999999999999999999999', 'null', '~', 'true', "'#/components/schemas/User'", "'#/'", "'#'", "'../../../x.yaml'", "'/etc/passwd'", "'http://example.com/x'", '*a', '&a', '|', '>', '? ', '<<: *a', 'NaN', '.inf', '0x1F', "'%zz'", 'constructor', '__proto__', 'toString', 'oneOf', 'allOf', 'anyOf', 'properties', 'items', 'additionalProperties'];
const INTERESTING_REFS = ['#', '#/', '#/paths', '#/components', '#/components/schemas/User', '#/components/schemas/Missing', '#/info/title', './other.yaml#/X', '../../../../etc/passwd', '/etc/passwd', 'https://example.com/x.yaml', 'C:\\x.yaml', '%zz', '#/paths/~1users~1{id}/get', '#/components/schemas/User/properties'];

/** Byte level: flip, insert, delete, duplicate, truncate. */
function mutateBytes(text) {
  const at = int(text.length + 1);
  switch (int(5)) {
    case 0:
      return text.slice(0, at) + String.fromCharCode(int(0x250)) + text.slice(at + 1);
    case 1:
      return text.slice(0, at) + pick(INTERESTING_CHARS) + text.slice(at);
    case 2:
      return text.slice(0, at) + text.slice(at + int(40));
    case 3: {
      const length = int(200);
      return text.slice(0, at) + text.slice(at, at + length).repeat(1 + int(4)) + text.slice(at);
    }
    default:
      return text.slice(0, at);
  }
}

/** Token level: replace a word or punctuation run with something a parser or the engine may mishandle. */
function mutateTokens(text) {
  const tokens = text.split(/(\s+|[{}[\](),:;])/);
  const index = int(tokens.length);
  tokens[index] = pick(INTERESTING_TOKENS);
  return tokens.join('');
}

/** Structure level (specs): a random node becomes a ref, a deep nest, another type, or goes away. */
function mutateStructure(text, asJson) {
  let value;
  try {
    value = YAML.parse(text, { maxAliasCount: 100, logLevel: 'error' });
  } catch {
    return mutateTokens(text);
  }
  if (typeof value !== 'object' || value === null) return mutateTokens(text);
  const nodes = [];
  const walk = (node, depth) => {
    if (typeof node !== 'object' || node === null || depth > 40 || nodes.length > 5000) return;
    nodes.push(node);
    for (const key of Object.keys(node)) walk(node[key], depth + 1);
  };
  walk(value, 0);
  const node = pick(nodes);
  const keys = Object.keys(node);
  const key = keys.length > 0 ? pick(keys) : 'x';
  switch (int(7)) {
    case 0:
      node[key] = { $ref: pick(INTERESTING_REFS) };
      break;
    case 1: {
      let nested = node[key];
      // Each level holds the one below once: a shared child twice would double the text per level.
      for (let level = int(300); level > 0; level--) nested = pick([{ type: 'object', properties: { a: nested } }, { oneOf: [nested, { type: 'string' }] }, { allOf: [nested] }, { items: nested }, [nested]]);
      node[key] = nested;
      break;
    }
    case 2:
      node[key] = pick([null, 0, -1, 1e308, '', 'x', true, [], {}, [null], { '': null }]);
      break;
    case 3:
      delete node[key];
      break;
    case 4:
      node[pick(['paths', 'components', 'openapi', 'swagger', 'servers', '$ref', 'oneOf', 'allOf', 'anyOf', 'required', 'enum', 'nullable', 'discriminator', 'x-sunset', 'deprecated'])] = node[key];
      break;
    case 5:
      node[`${key}${pick(['.', '/', '~', '~1', '%2F', 'ü', '{id}', ' '])}${int(9)}`] = node[key];
      break;
    default:
      node[key] = { oneOf: Array.from({ length: 1 + int(6) }, () => ({ $ref: `#${pick(['/components/schemas/User', '/components/schemas', ''])}` })) };
  }
  try {
    return asJson ? JSON.stringify(value, null, int(2) * 2) : YAML.stringify(value, { aliasDuplicateObjects: random() < 0.5 });
  } catch {
    return mutateTokens(text);
  }
}

function mutate(text, structured, asJson) {
  let result = text;
  for (let count = 1 + int(3); count > 0; count--) {
    const kind = int(structured ? 3 : 2);
    result = kind === 0 ? mutateBytes(result) : kind === 1 ? mutateTokens(result) : mutateStructure(result, asJson);
  }
  return result;
}

const workspace = fs.mkdtempSync(path.join(os.tmpdir(), 'contract-graph-fuzz-'));
const write = (file, text) => {
  fs.mkdirSync(path.dirname(path.join(workspace, file)), { recursive: true });
  fs.writeFileSync(path.join(workspace, file), text);
};

/** One case through every entry point; throws what the engine throws. */
function runCase(specText, specFile, consumerFile, consumerText) {
  const only = (files) => (file) => files[file];
  const spec = core.loadSpec(specFile, only({ [specFile]: specText }));
  const operations = core.listOperations(spec);
  for (const operation of operations) core.fingerprintOperation(spec, operation);
  const mutant = { spec, operations };
  const base = core.indexSpec('apis/users/openapi.yaml', only({ 'apis/users/openapi.yaml': baseSpecText }));
  core.diffSpecs(base, mutant);
  core.diffSpecs(mutant, base);
  core.changedOperations(base, mutant);
  if (spec.root) core.buildFingerprintFile(specFile, mutant);
  core.extractUsage([{ path: consumerFile, text: consumerText }]);
  fs.rmSync(path.join(workspace, 'apis'), { recursive: true, force: true });
  fs.rmSync(path.join(workspace, 'apps'), { recursive: true, force: true });
  write(specFile, specText);
  write(consumerFile, consumerText);
  for (const options of [
    { project: { name: 'users-api', root: path.posix.dirname(specFile) }, ownedSpecs: [{ name: 'users-api', file: specFile, consumers: [{ name: 'web', root: 'apps/web' }] }], consumedSpecs: [] },
    { project: { name: 'web', root: 'apps/web' }, ownedSpecs: [], consumedSpecs: [{ name: 'users-api', file: specFile }] },
  ]) {
    const report = core.runContractCheck({ workspaceRoot: workspace, ...options });
    core.formatJson(report);
    core.formatStylish(report, { color: false });
  }
}

function saveCase(dir, specFile, specText, consumerFile, consumerText, note) {
  fs.rmSync(dir, { recursive: true, force: true });
  for (const [file, text] of [[specFile, specText], [consumerFile, consumerText]]) {
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.writeFileSync(path.join(dir, file), text);
  }
  fs.writeFileSync(path.join(dir, 'error.txt'), note);
}

let tried = 0;
const failures = [];
const started = Date.now();
while (tried < maxCases && Date.now() < deadline) {
  tried++;
  const onSpec = random() < 0.6;
  const specSeed = pick(specSeeds);
  const asJson = specSeed.trimStart().startsWith('{');
  const consumer = pick(consumerSeeds);
  const specText = onSpec ? mutate(specSeed, true, asJson) : specSeed;
  const consumerText = onSpec ? consumer.text : mutate(consumer.text, false, false);
  const specFile = `apis/users/openapi.${asJson ? 'json' : 'yaml'}`;
  const consumerFile = `apps/web/src/client${consumer.ext}`;
  // Written before the run, so that a case that hangs (and is killed) is not lost.
  const pending = path.join(values.out, 'pending');
  saveCase(pending, specFile, specText, consumerFile, consumerText, `seed ${seed} case ${tried}: still running (a hang if the fuzzer was killed here)\n`);
  const caseStarted = Date.now();
  let error;
  try {
    runCase(specText, specFile, consumerFile, consumerText);
  } catch (thrown) {
    error = thrown;
  }
  const ms = Date.now() - caseStarted;
  if (error || ms > budgetMs) {
    const what = error ? `${error.stack ?? error}` : `took ${ms} ms (budget ${budgetMs} ms)`;
    saveCase(path.join(values.out, `${seed}-${tried}`), specFile, specText, consumerFile, consumerText, `seed ${seed} case ${tried} (${onSpec ? 'spec' : 'consumer'} mutant)\n${what}\n`);
    failures.push({ case: tried, what: what.split('\n')[0] });
    process.stdout.write(`failure ${seed}-${tried}: ${what.split('\n')[0]}\n`);
  }
  fs.rmSync(pending, { recursive: true, force: true });
  if (tried % 250 === 0) process.stdout.write(`… ${tried} cases, ${failures.length} failure(s)\n`);
}
fs.rmSync(workspace, { recursive: true, force: true });
process.stdout.write(`seed ${seed}: cases tried ${tried}, failures ${failures.length}, ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
process.exitCode = failures.length > 0 ? 1 : 0;
