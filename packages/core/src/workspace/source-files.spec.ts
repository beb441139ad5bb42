import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { scanProjectUsage } from './scan-consumer';
import { listSourceFiles, walkSourceFiles } from './source-files';
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

  it('leaves out what .gitignore and .nxignore hide, at the workspace root or deeper, as Nx does (a deeper `!pattern` re-includes)', () => {
    const write = (file: string, text = '') => {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), text);
    };
    write('.gitignore', 'generated/\n*.local.ts\n');
    write('.nxignore', 'apps/web/src/scratch.ts\n');
    write('apps/web/.gitignore', '!keep.local.ts\nsnapshots\n');
    for (const file of ['src/app.ts', 'src/generated/client.ts', 'src/dev.local.ts', 'src/keep.local.ts', 'src/scratch.ts', 'src/snapshots/a.ts']) write(`apps/web/${file}`);
    const listed = ['apps/web/src/app.ts', 'apps/web/src/keep.local.ts'];
    const ignored = ['apps/web/src/dev.local.ts', 'apps/web/src/generated/', 'apps/web/src/scratch.ts', 'apps/web/src/snapshots/'];
    expect(walkSourceFiles(root, 'apps/web')).toMatchObject({ ignored });
    expect(listSourceFiles(root, 'apps/web')).toEqual(listed);
    // With a cache too, and after the root .gitignore changes (the folder listings themselves are unchanged).
    const cache = createMemoryUsageCache();
    expect(listSourceFiles(root, 'apps/web', cache)).toEqual(listed);
    write('.gitignore', '*.local.ts\n');
    expect(listSourceFiles(root, 'apps/web', cache)).toEqual(['apps/web/src/app.ts', 'apps/web/src/generated/client.ts', 'apps/web/src/keep.local.ts']);
  });

  it('does not read calls from an ignored generated client, and says which files it left out', () => {
    const write = (file: string, text: string) => {
      fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
      fs.writeFileSync(path.join(root, file), text);
    };
    write('.gitignore', 'app/src/generated/\n');
    write('app/src/generated/users.ts', "export const getUser = (id: string) => fetch(`/api/users/${id}`).then((response) => response.json());\n");
    write('app/src/profile.ts', "import { getUser } from './generated/users';\nexport async function show() { return fetch('/api/plans').then((response) => response.json()); }\n");
    const usage = scanProjectUsage(root, 'app');
    expect(usage.calls.map((call) => `${call.method} ${call.urlTemplate} ${call.location.file}`)).toEqual(['GET /api/plans app/src/profile.ts']);
    expect(usage.ignored).toEqual(['app/src/generated/']);
  });

  it('does not trip over a folder outside the workspace while ignore files are around (no ignore file applies there)', () => {
    fs.mkdirSync(path.join(root, 'ws'), { recursive: true });
    fs.writeFileSync(path.join(root, 'ws/.gitignore'), 'generated/\n');
    fs.mkdirSync(path.join(root, 'outside/src'), { recursive: true });
    fs.writeFileSync(path.join(root, 'outside/src/a.ts'), '');
    expect(listSourceFiles(path.join(root, 'ws'), '../outside')).toEqual(['../outside/src/a.ts']);
  });
});
