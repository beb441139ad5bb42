import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CachedSpecSummary, FileUsage } from '@contract-graph/core';
import { dataDirectoryOf } from './nx-internals';
import { openPluginCache } from './plugin-cache-file';

const usage = (line: number): FileUsage => ({ calls: [], problems: [{ code: 'usage-parse-error', message: 'x', location: { file: 'a.ts', line, column: 1 } }] });
const spec: CachedSpecSummary = { documents: { 'apis/users/openapi.yaml': 'abc' }, valid: true, operations: [] };

describe('plugin cache file', () => {
  let root: string;
  const stored = (part: 'usage' | 'specs') => {
    const file = path.join(dataDirectoryOf(root), `contract-graph-${part}.json`);
    return fs.existsSync(file) ? JSON.parse(fs.readFileSync(file, 'utf8')).entries : undefined;
  };

  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'contract-graph-cache-'));
    const cache = openPluginCache(root);
    cache.usage.set('a', usage(1));
    cache.usage.set('b', usage(2));
    cache.specs.set('apis/users/openapi.yaml', spec);
    cache.save();
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('keeps entries between runs, and a pruning save drops the entries a run did not use', () => {
    const cache = openPluginCache(root);
    expect(cache.usage.get('a')).toEqual(usage(1));
    expect(cache.specs.get('apis/users/openapi.yaml')).toEqual(spec);
    cache.save();
    expect(stored('usage')).toEqual({ a: usage(1) });
    expect(Object.keys(stored('specs'))).toEqual(['apis/users/openapi.yaml']);
  });

  it('leaves a part this run never read nor wrote as it was, even when pruning', () => {
    const cache = openPluginCache(root);
    cache.specs.get('apis/users/openapi.yaml');
    cache.save();
    expect(Object.keys(stored('usage')).sort()).toEqual(['a', 'b']);
  });

  it('adds to the stored entries without dropping any when not pruning (a task sees one project)', () => {
    const cache = openPluginCache(root);
    cache.usage.set('c', usage(3));
    cache.save({ prune: false });
    expect(Object.keys(stored('usage')).sort()).toEqual(['a', 'b', 'c']);
  });

  it('ignores a corrupt or older file, and writes nothing for a workspace root that does not exist', () => {
    fs.writeFileSync(path.join(dataDirectoryOf(root), 'contract-graph-usage.json'), '{"version":1,');
    expect(openPluginCache(root).usage.get('a')).toBeUndefined();
    // A whole file from an older version (other entry shapes) is not read either.
    fs.writeFileSync(path.join(dataDirectoryOf(root), 'contract-graph-usage.json'), JSON.stringify({ version: 2, entries: { a: usage(1) } }));
    expect(openPluginCache(root).usage.get('a')).toBeUndefined();
    // Nor one written by another version of the engine: its spec summaries hold fingerprint texts
    // that engine rendered, and the graph decides from them whether a spec needs `nx sync`.
    const current = JSON.parse(fs.readFileSync(path.join(dataDirectoryOf(root), 'contract-graph-specs.json'), 'utf8')).version;
    fs.writeFileSync(path.join(dataDirectoryOf(root), 'contract-graph-usage.json'), JSON.stringify({ version: current.replace(/\/.*/, '/0.0.0-older'), entries: { a: usage(1) } }));
    expect(openPluginCache(root).usage.get('a')).toBeUndefined();
    const missing = path.join(root, 'not-there');
    const cache = openPluginCache(missing);
    cache.usage.set('x', usage(1));
    cache.save();
    expect(fs.existsSync(missing)).toBe(false);
  });
});
