import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { listSourceFiles } from './source-files';
import { createMemoryUsageCache } from './usage-cache';

describe('listSourceFiles', () => {
  let root: string;
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-list-'));
  });
  afterEach(() => fs.rmSync(root, { recursive: true, force: true }));

  it('lists in path order, also where a folder sorts differently with its slash (`a-b/` before `a/`, `a.ts` before `a/`)', () => {
    const files = ['a.ts', 'a/x.ts', 'a-b/y.ts', 'a0.ts', 'a/b/c.ts', 'a/b.ts', 'a/b-c/d.ts', 'a/b0.ts', 'A/z.ts', 'a b/q.ts', 'a.b/r.ts', 'é.ts', 'z.ts'];
    for (const file of files) {
      fs.mkdirSync(path.dirname(path.join(root, 'app', file)), { recursive: true });
      fs.writeFileSync(path.join(root, 'app', file), '');
    }
    const expected = files.map((file) => `app/${file}`).sort();
    expect(listSourceFiles(root, 'app')).toEqual(expected);
    const cache = createMemoryUsageCache();
    expect(listSourceFiles(root, 'app', cache)).toEqual(expected);
    expect(listSourceFiles(root, 'app', cache)).toEqual(expected);
  });
});
