import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CallSite } from '../model';
import { scanProjectUsage } from './scan-consumer';
import { createMemoryUsageCache, type FileUsage, type UsageCache } from './usage-cache';

const callText = (call: CallSite) => `${call.method} ${call.urlTemplate} @${call.location.file}:${call.location.line}:${call.location.column}`;

const kindOf = (entry: FileUsage) =>
  entry.folder ? 'folder record' : entry.groups ? 'link groups' : 'summary' in entry || entry.problems.length > 0 ? 'file content' : 'linked group';

/** A cache that records what kind of entries a scan had to write (what it could not reuse). */
function recording(cache: UsageCache): UsageCache & { writes: string[] } {
  const writes: string[] = [];
  return { writes, get: (key) => cache.get(key), set: (key: string, value: FileUsage) => (writes.push(kindOf(value)), cache.set(key, value)) };
}

describe('scanProjectUsage of the workspace root', () => {
  it('scans `.` and `./` alike, with a baseUrl tsconfig and a story importing its folder as `./` (a crash in the ignore rules)', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-root-'));
    try {
      fs.mkdirSync(path.join(root, 'src/button'), { recursive: true });
      fs.writeFileSync(path.join(root, 'package.json'), '{ "name": "app" }');
      fs.writeFileSync(path.join(root, 'tsconfig.json'), '{ "compilerOptions": { "baseUrl": "./", "paths": { "@/*": ["src/*"] } } }');
      fs.writeFileSync(path.join(root, '.eslintrc.js'), 'module.exports = {};');
      fs.writeFileSync(path.join(root, '.gitignore'), 'dist/\n');
      fs.writeFileSync(path.join(root, 'src/button/index.ts'), "export const Button = () => fetch('/api/buttons');");
      fs.writeFileSync(path.join(root, 'src/button/button.stories.ts'), "import { Button } from './';\nexport default { component: Button };");
      for (const folder of ['.', './', '']) {
        expect(scanProjectUsage(root, folder).calls.map(callText)).toEqual(['GET /api/buttons @src/button/index.ts:1:29']);
      }
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});

describe('scanProjectUsage with a cache', () => {
  let root: string;
  const write = (file: string, text: string) => {
    fs.mkdirSync(path.dirname(path.join(root, file)), { recursive: true });
    fs.writeFileSync(path.join(root, file), text);
  };
  beforeEach(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-rescan-'));
    write('app/src/api.ts', "import axios from 'axios';\nexport const get = (path: string) => axios.get(`/api/${path}`);\n");
    write('app/src/users.ts', "import { get } from './api';\nexport const user = get('users/1');\n");
    write('app/src/other/plans.ts', "fetch('/api/plans');\n");
    // Stat records are only trusted for entries changed a few seconds before the scan.
    jest.useFakeTimers({ now: Date.now() + 60_000, doNotFake: ['nextTick', 'setImmediate'] });
  });
  afterEach(() => {
    jest.useRealTimers();
    fs.rmSync(root, { recursive: true, force: true });
  });

  it('rescans to exactly what a cold scan finds after edits, an added and a removed file, redoing only what changed', () => {
    const cache = createMemoryUsageCache();
    expect(scanProjectUsage(root, 'app', cache).calls.map(callText)).toEqual(['GET /api/plans @app/src/other/plans.ts:1:1', 'GET /api/users/1 @app/src/users.ts:2:21']);

    const unchanged = recording(cache);
    scanProjectUsage(root, 'app', unchanged);
    expect(unchanged.writes).toEqual([]);

    write('app/src/api.ts', "import axios from 'axios';\nexport const get = (path: string) => axios.get(`/v2/${path}`);\n");
    jest.setSystemTime(Date.now() + 60_000);
    const edited = recording(cache);
    const rescan = scanProjectUsage(root, 'app', edited, { explain: true });
    expect(rescan).toEqual(scanProjectUsage(root, 'app', undefined, { explain: true }));
    expect(rescan.calls.map(callText)).toEqual(['GET /api/plans @app/src/other/plans.ts:1:1', 'GET /v2/users/1 @app/src/users.ts:2:21']);
    // The edited file's content, its folder's record (which holds its stat record), and the one link
    // group it is in: plans.ts is not relinked, the grouping is reused (the imports did not change),
    // no directory is read again.
    expect(edited.writes.sort()).toEqual(['file content', 'folder record', 'linked group']);

    write('app/src/other/orders.ts', "import { get } from '../api';\nget('orders');\n");
    fs.rmSync(path.join(root, 'app/src/users.ts'));
    jest.setSystemTime(Date.now() + 60_000);
    const moved = scanProjectUsage(root, 'app', cache, { explain: true });
    expect(moved).toEqual(scanProjectUsage(root, 'app', undefined, { explain: true }));
    expect(moved.calls.map(callText)).toEqual(['GET /v2/orders @app/src/other/orders.ts:2:1', 'GET /api/plans @app/src/other/plans.ts:1:1']);
  });

  it('merges the relinked groups\' calls into the kept sorted list: a rescan after edits in two groups lists what a cold scan does, in order', () => {
    write('app/src/z/late.ts', "fetch('/api/late');\n");
    // Unchanged, in a group of its own, between the edited groups' files: its call is kept, the others merged around it.
    write('app/src/other/queue.ts', "fetch('/api/queue');\n");
    const cache = createMemoryUsageCache();
    jest.setSystemTime(Date.now() + 60_000);
    scanProjectUsage(root, 'app', cache, { explain: true });
    // Calls added before and after the other groups' calls, and an unresolved call site.
    write('app/src/other/plans.ts', "fetch('/api/plans');\nfetch('/api/plans/archive');\nfetch(window.location.href);\n");
    write('app/src/users.ts', "import { get } from './api';\nexport const user = get('users/1');\nexport const all = get('users');\n");
    write('app/src/z/late.ts', '// no calls left\n');
    jest.setSystemTime(Date.now() + 60_000);
    const rescan = scanProjectUsage(root, 'app', cache, { explain: true });
    expect(rescan).toEqual(scanProjectUsage(root, 'app', undefined, { explain: true }));
    expect(rescan.calls.map(callText)).toEqual([
      'GET /api/plans @app/src/other/plans.ts:1:1',
      'GET /api/plans/archive @app/src/other/plans.ts:2:1',
      'GET /api/queue @app/src/other/queue.ts:1:1',
      'GET /api/users/1 @app/src/users.ts:2:21',
      'GET /api/users @app/src/users.ts:3:20',
    ]);
    expect(rescan.explain?.map((site) => `${site.reason} @${site.location.file}:${site.location.line}`)).toEqual(['url-unknown @app/src/other/plans.ts:3']);
  });

  it('applies an Angular interceptor to calls in files it is not linked with, and a rescan after editing it uses the new prefix', () => {
    const cache = createMemoryUsageCache();
    const interceptor = (base: string) => `import { HttpInterceptorFn } from '@angular/common/http';\nexport const api: HttpInterceptorFn = (req, next) => next(req.clone({ url: '${base}' + req.url }));\n`;
    write('web/src/api.interceptor.ts', interceptor('https://api.example.com/api'));
    write('web/src/tags.service.ts', "import { HttpClient } from '@angular/common/http';\nexport class Tags { constructor(private http: HttpClient) {} all() { return this.http.get('/tags'); } }\n");
    expect(scanProjectUsage(root, 'web', cache).calls.map(callText)).toEqual(['GET /api/tags @web/src/tags.service.ts:2:87']);

    write('web/src/api.interceptor.ts', interceptor('https://api.example.com/v2'));
    jest.setSystemTime(Date.now() + 60_000);
    expect(scanProjectUsage(root, 'web', cache).calls.map(callText)).toEqual(['GET /v2/tags @web/src/tags.service.ts:2:87']);
  });

  it("rescans a component when only its templateUrl file changes: the template's reads are part of its cached analysis", () => {
    const cache = createMemoryUsageCache();
    const readsOf = (usage: ReturnType<typeof scanProjectUsage>) =>
      usage.calls.flatMap((call) => call.responseFields.map((field) => `${field.path} @${field.location.file}:${field.location.line}:${field.location.column}`));
    write(
      'web/src/tags.component.ts',
      [
        "import { Component, inject } from '@angular/core';",
        "import { HttpClient } from '@angular/common/http';",
        "@Component({ selector: 'app-tags', templateUrl: './tags.component.html' })",
        'export class TagsComponent {',
        '  private http = inject(HttpClient);',
        "  popular$ = this.http.get<any>('/api/tags');",
        '}',
      ].join('\n'),
    );
    write('web/src/tags.component.html', '@if (popular$ | async; as page) { {{ page.total }} }\n');
    expect(readsOf(scanProjectUsage(root, 'web', cache))).toEqual(['total @web/src/tags.component.html:1:43']);

    write('web/src/tags.component.html', '@if (popular$ | async; as page) {\n  {{ page.count }}\n}\n');
    jest.setSystemTime(Date.now() + 60_000);
    const rescan = scanProjectUsage(root, 'web', cache);
    expect(readsOf(rescan)).toEqual(['count @web/src/tags.component.html:2:11']);
    expect(rescan).toEqual(scanProjectUsage(root, 'web'));

    // The component's stat record holds its template's stat: unchanged, neither is read again; a changed template still is.
    jest.setSystemTime(Date.now() + 60_000);
    const read = jest.spyOn(jest.requireActual<typeof fs>('node:fs'), 'readFileSync');
    try {
      expect(scanProjectUsage(root, 'web', cache)).toEqual(rescan);
      expect(read.mock.calls.map(([file]) => path.relative(root, String(file))).filter((file) => file.startsWith('web/src'))).toEqual([]);
      write('web/src/tags.component.html', '@if (popular$ | async; as page) {\n  {{ page.pages }}\n}\n');
      jest.setSystemTime(Date.now() + 60_000);
      expect(readsOf(scanProjectUsage(root, 'web', cache))).toEqual(['pages @web/src/tags.component.html:2:11']);
    } finally {
      read.mockRestore();
    }
  });

  it('reads only the added file when a file is added beside others: their stat records outlive the folder listing', () => {
    const cache = createMemoryUsageCache();
    scanProjectUsage(root, 'app', cache);
    write('app/src/other/orders.ts', "fetch('/api/orders');\n");
    jest.setSystemTime(Date.now() + 60_000);
    // The module object itself: the namespace import above has read-only bindings.
    const read = jest.spyOn(jest.requireActual<typeof fs>('node:fs'), 'readFileSync');
    try {
      const rescan = scanProjectUsage(root, 'app', cache);
      const sources = read.mock.calls.map(([file]) => path.relative(root, String(file))).filter((file) => file.endsWith('.ts'));
      expect(sources).toEqual([path.join('app/src/other/orders.ts')]);
      expect(rescan).toEqual(scanProjectUsage(root, 'app'));
    } finally {
      read.mockRestore();
    }
  });

  it('reads no folder again when nothing changed, not even the root of a nested project it skips', () => {
    write('app/tools/project.json', '{}');
    write('app/tools/src/seed.ts', "fetch('/api/seed');\n");
    const cache = createMemoryUsageCache();
    jest.setSystemTime(Date.now() + 60_000);
    const cold = scanProjectUsage(root, 'app', cache);
    expect(cold.calls.map(callText)).not.toContain('GET /api/seed @app/tools/src/seed.ts:1:1');
    const listed = jest.spyOn(jest.requireActual<typeof fs>('node:fs'), 'readdirSync');
    try {
      expect(scanProjectUsage(root, 'app', cache)).toEqual(cold);
      expect(listed).not.toHaveBeenCalled();
    } finally {
      listed.mockRestore();
    }
  });

  it('sees a rewrite that keeps the size and restores the modification time (as checkouts and archive tools can)', () => {
    const cache = createMemoryUsageCache();
    const file = path.join(root, 'app/src/other/plans.ts');
    const { mtime } = fs.statSync(file);
    expect(scanProjectUsage(root, 'app', cache).calls.map(callText)).toContain('GET /api/plans @app/src/other/plans.ts:1:1');
    fs.writeFileSync(file, "fetch('/api/plaid');\n");
    fs.utimesSync(file, mtime, mtime);
    jest.setSystemTime(Date.now() + 60_000);
    expect(scanProjectUsage(root, 'app', cache).calls.map(callText)).toContain('GET /api/plaid @app/src/other/plans.ts:1:1');
  });

  it('keeps no stat record of a file or directory changed within the last seconds, so such a file is read again', () => {
    jest.useRealTimers();
    const recorder = recording(createMemoryUsageCache());
    scanProjectUsage(root, 'app', recorder);
    expect(recorder.writes.sort()).toEqual(['file content', 'file content', 'file content', 'link groups', 'linked group', 'linked group']);
  });
});
