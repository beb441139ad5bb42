import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { CallSite, FieldUse } from '../model';
import { scanProjectUsage } from '../workspace/scan-consumer';
import { extractUsage } from './extract-usage';
import { readUsageManifest } from './manifest';

const lines = (...text: string[]): string => text.join('\n');
const at = (field: FieldUse): string => `${field.path} @${field.location.file}:${field.location.line}:${field.location.column}`;
const callText = (call: CallSite): string => `${call.method} ${call.urlTemplate} ${call.client} @${call.location.file}:${call.location.line}:${call.location.column}`;

describe('extractUsage across modules', () => {
  it('a component whose request takes a prop is called where it is rendered, also through {...props} forwarded by another', () => {
    const usage = extractUsage([
      {
        path: 'web/src/User.tsx',
        text: lines(
          "import { useEffect, useState } from 'react';",
          'function UserCard({ id }: { id: string }) {',
          '  const [user, setUser] = useState<any>(null);',
          '  useEffect(() => { fetch(`/api/users/${id}`).then((r) => r.json()).then(setUser); }, [id]);',
          '  return <b>{user?.name}</b>;',
          '}',
          'const Forward = (props: { id: string }) => <UserCard {...props} />;',
          'export const Page = () => <div><UserCard id="me" /><Forward id="7" /></div>;',
        ),
      },
    ]);
    expect(usage.calls.map((call) => callText(call))).toEqual(['GET /api/users/me fetch @web/src/User.tsx:8:33', 'GET /api/users/7 fetch @web/src/User.tsx:8:53']);
    expect(usage.unresolved).toEqual([]);
  });

  it('reads a child component makes of its props are reads of what the parent passes in JSX, in the same file and across modules', () => {
    const usage = extractUsage([
      {
        path: 'web/src/Card.tsx',
        text: lines(
          'export function Card({ user }: { user: any }) {',
          '  return <span>{user.email}</span>;',
          '}',
          'export default function Avatar(props: { user: any; size: number }) {',
          '  return <img src={props.user.avatarUrl} width={props.size} />;',
          '}',
        ),
      },
      {
        path: 'web/src/Profile.tsx',
        text: lines(
          "import { useEffect, useState } from 'react';",
          "import axios from 'axios';",
          "import Avatar, { Card } from './Card';",
          'function Row({ team }: { team: any }) {',
          '  return <li>{team.title}</li>;',
          '}',
          'export function Profile({ id }: { id: string }) {',
          '  const [user, setUser] = useState<any>(null);',
          '  useEffect(() => {',
          '    axios.get(`/api/users/${id}`).then((r) => setUser(r.data));',
          '  }, [id]);',
          '  if (!user) return null;',
          '  return (',
          '    <div title={user.name}>',
          '      <Card user={user} />',
          '      <Avatar user={user} size={2} />',
          '      <ul>{user.teams.map((team: any) => <Row key={team.id} team={team} />)}</ul>',
          '    </div>',
          '  );',
          '}',
        ),
      },
    ]);
    expect(usage.problems).toEqual([]);
    expect(usage.calls.map((call) => ({ call: callText(call), reads: call.responseFields.map(at) }))).toEqual([
      {
        call: 'GET /api/users/{} axios @web/src/Profile.tsx:10:11',
        reads: [
          'email @web/src/Card.tsx:2:22',
          'avatarUrl @web/src/Card.tsx:5:31',
          // Row destructures the team it is given: an element of `teams`, read whole.
          'teams @web/src/Profile.tsx:4:16',
          'teams[].title @web/src/Profile.tsx:5:20',
          'name @web/src/Profile.tsx:14:22',
          'teams[].id @web/src/Profile.tsx:17:57',
        ],
      },
    ]);
  });

  it('follows a URL-building wrapper two levels deep through imports; the call is at the outermost caller', () => {
    const usage = extractUsage([
      { path: 'web/src/config.ts', text: "export const API_ROOT = 'https://example.com/api';" },
      {
        path: 'web/src/http.ts',
        text: lines(
          "import axios from 'axios';",
          "import { API_ROOT } from './config';",
          'export const request = (path: string, params?: object) => axios.get(API_ROOT + path, { params }).then((res) => res.data);',
        ),
      },
      {
        path: 'web/src/users/api.ts',
        text: lines("import { request } from '../http';", 'export const getUser = (id: string) => request(`/users/${id}`);'),
      },
      {
        path: 'web/src/users/page.tsx',
        text: lines(
          "import { getUser } from './api';",
          "import * as http from '../http.js';",
          'export async function Page({ id }: { id: string }) {',
          '  const user = await getUser(id);',
          "  const teams = await http.request('/teams', { page: 2 });",
          '  return <p>{user.name}{teams[0].title}</p>;',
          '}',
        ),
      },
    ]);
    expect(usage.problems).toEqual([]);
    expect(usage.calls.map((call) => ({ call: callText(call), reads: call.responseFields.map(at), query: (call.queryFields ?? []).map(at) }))).toEqual([
      { call: 'GET /api/users/{} axios @web/src/users/page.tsx:4:22', reads: ['name @web/src/users/page.tsx:6:19'], query: [] },
      { call: 'GET /api/teams axios @web/src/users/page.tsx:5:28', reads: ['[].title @web/src/users/page.tsx:6:34'], query: ['page @web/src/users/page.tsx:5:48'] },
    ]);
    expect(usage.unresolved).toEqual([]);
  });

  it('follows an exported axios instance, index files and re-exports; a body passed to a local function is read there', () => {
    const usage = extractUsage([
      { path: 'app/api/client.js', text: "import axios from 'axios';\nexport default axios.create({ baseURL: '/api/v2' });" },
      { path: 'app/api/index.js', text: "export { default as client } from './client';" },
      {
        path: 'app/view.js',
        text: lines(
          "import { client } from './api';",
          'function show(order) { return order.total + order.lines.map((line) => line.sku).join(); }',
          "export const load = async () => show((await client.get('orders/7')).data);",
        ),
      },
    ]);
    expect(usage.calls.map((call) => [callText(call), ...call.responseFields.map(at)])).toEqual([
      ['GET /api/v2/orders/7 axios @app/view.js:3:52', 'total @app/view.js:2:37', 'lines[].sku @app/view.js:2:76'],
    ]);
  });

  it('explains what it could not resolve: unknown URLs, wrappers nobody calls, imports outside the project', () => {
    const usage = extractUsage([
      {
        path: 'web/a.ts',
        text: lines(
          "import { call } from '@shared/http';",
          'export const get = (url: string) => fetch(url);',
          "export const load = (target: string) => fetch(new URL(target).href);",
          "call('/api/users');",
        ),
      },
    ]);
    expect(usage.calls).toEqual([]);
    expect(usage.unresolved.map((entry) => `${entry.reason} @${entry.location.line}:${entry.location.column}`)).toEqual([
      'wrapper-not-called @2:37',
      'url-unknown @3:41',
    ]);
  });

  it('puts what an Angular interceptor prepends (req.clone({ url: `...${req.url}` })) in front of every Angular call, not of other clients', () => {
    const usage = extractUsage([
      {
        path: 'web/src/app/api.interceptor.ts',
        text: lines(
          "import { HttpInterceptorFn } from '@angular/common/http';",
          'export const apiInterceptor: HttpInterceptorFn = (req, next) => next(req.clone({ url: `https://api.example.com/api${req.url}` }));',
        ),
      },
      {
        path: 'web/src/app/token.interceptor.ts',
        text: lines(
          "import { HttpInterceptor, HttpRequest, HttpHandler } from '@angular/common/http';",
          'export class TokenInterceptor implements HttpInterceptor {',
          "  intercept(req: HttpRequest<unknown>, next: HttpHandler) { return next.handle(req.clone({ setHeaders: { Authorization: 'x' } })); }",
          '}',
        ),
      },
      {
        path: 'web/src/app/users.service.ts',
        text: lines(
          "import { HttpClient } from '@angular/common/http';",
          'export class UsersService {',
          '  constructor(private http: HttpClient) {}',
          '  get(id: string) { return this.http.get(`/users/${id}`); }',
          "  health() { return fetch('/health'); }",
          '}',
        ),
      },
    ]);
    expect(usage.calls.map(callText)).toEqual(['GET /api/users/{} angular @web/src/app/users.service.ts:4:38', 'GET /health fetch @web/src/app/users.service.ts:5:21']);
  });

  it('makes an interceptor prefix it cannot read, or two different ones, an unknown prefix; a clone keeping another URL adds none', () => {
    const interceptor = (name: string, url: string) => ({
      path: `web/src/app/${name}.ts`,
      text: lines("import { HttpInterceptorFn } from '@angular/common/http';", `export const ${name}: HttpInterceptorFn = (req, next) => next(req.clone({ url: ${url} }));`),
    });
    const service = {
      path: 'web/src/app/tags.service.ts',
      text: lines("import { inject } from '@angular/core';", "import { HttpClient } from '@angular/common/http';", "export class TagsService { http = inject(HttpClient); all() { return this.http.get('/tags'); } }"),
    };
    const urls = (...files: Array<{ path: string; text: string }>) => extractUsage([...files, service]).calls.map((call) => call.urlTemplate);
    expect(urls(interceptor('env', '`${environment.apiUrl}${req.url}`'))).toEqual(['{}/tags']);
    expect(urls(interceptor('a', "'/a' + req.url"), interceptor('b', "'/b' + req.url"))).toEqual(['{}/tags']);
    expect(urls(interceptor('same', "'/api' + req.url"), interceptor('again', '`/api${req.url}`'))).toEqual(['/api/tags']);
    expect(urls(interceptor('redirect', "'/maintenance'"), interceptor('suffix', 'req.url + "?v=2"'))).toEqual(['/tags']);
  });

  it('Redux: payload fields read by reducers under the action type, for dispatches in mapDispatchToProps and direct ones', () => {
    const usage = extractUsage([
      { path: 'web/src/types.js', text: "export const PAGE_LOADED = 'PAGE_LOADED';\nexport const LIKED = 'LIKED';\nexport const UNLIKED = 'UNLIKED';\nexport const LOGIN = 'LOGIN';" },
      {
        path: 'web/src/api.js',
        text: lines(
          'const body = (res) => res.json();',
          'export const api = {',
          '  post: (slug) => fetch(`/api/posts/${slug}`).then(body),',
          '  comments: (slug) => fetch(`/api/posts/${slug}/comments`).then(body),',
          "  like: (slug) => fetch(`/api/posts/${slug}/like`, { method: 'POST' }).then(body),",
          "  unlike: (slug) => fetch(`/api/posts/${slug}/like`, { method: 'DELETE' }).then(body),",
          "  login: () => fetch('/api/login', { method: 'POST' }).then(body),",
          '};',
        ),
      },
      {
        path: 'web/src/Post.js',
        text: lines(
          "import { api } from './api';",
          "import { PAGE_LOADED, LIKED, UNLIKED, LOGIN } from './types';",
          'const mapDispatchToProps = (dispatch) => ({',
          '  onLoad: (payload) => dispatch({ type: PAGE_LOADED, payload }),',
          '  onLike: (slug) => dispatch({ type: LIKED, payload: api.like(slug) }),',
          '});',
          'class Post {',
          '  load(slug) { this.props.onLoad(Promise.all([api.post(slug), api.comments(slug)])); }',
          '  like(slug) { this.props.onLike(slug); }',
          '}',
          'export const unlike = (store, slug) => store.dispatch({ type: UNLIKED, payload: api.unlike(slug) });',
          "export const login = (store) => store.dispatch({ type: 'LOGIN', payload: api.login() });",
        ),
      },
      {
        path: 'web/src/reducer.js',
        text: lines(
          "import { PAGE_LOADED, LIKED, UNLIKED, LOGIN } from './types';",
          'export default (state = {}, action) => {',
          '  if (action.type === LOGIN) return { ...state, token: action.payload.user.token };',
          '  switch (action.type) {',
          '    case PAGE_LOADED:',
          '      return { ...state, post: action.payload[0].post, comments: action.payload[1].comments };',
          '    case LIKED:',
          '    case UNLIKED:',
          '      return { ...state, posts: state.posts.map((p) => (p.slug === action.payload.post.slug ? { ...p, likes: action.payload.post.likes } : p)) };',
          '    default:',
          '      return { ...state, errors: action.error ? action.payload.errors : null, other: action.payload.unrelated };',
          '  }',
          '};',
        ),
      },
    ]);
    expect(usage.calls.map((call) => [callText(call), ...call.responseFields.map(at)])).toEqual([
      ['GET /api/posts/{} fetch @web/src/Post.js:8:51', 'post @web/src/reducer.js:6:50'],
      ['GET /api/posts/{}/comments fetch @web/src/Post.js:8:67', 'comments @web/src/reducer.js:6:84'],
      ['POST /api/posts/{}/like fetch @web/src/Post.js:9:27', 'post.slug @web/src/reducer.js:9:88', 'post.likes @web/src/reducer.js:9:130'],
      ['DELETE /api/posts/{}/like fetch @web/src/Post.js:11:85', 'post.slug @web/src/reducer.js:9:88', 'post.likes @web/src/reducer.js:9:130'],
      ['POST /api/login fetch @web/src/api.js:7:16', 'user.token @web/src/reducer.js:3:76'],
    ]);
  });

  it('applies prefix rewrites, and skips a file that does not parse without losing the others', () => {
    const usage = extractUsage(
      [
        { path: 'web/ok.ts', text: "fetch('/backend/users/1');" },
        { path: 'web/bad.ts', text: 'export const = 1;' },
      ],
      { rewrites: [{ from: '/backend', to: '/api' }] },
    );
    expect(usage.calls.map(callText)).toEqual(['GET /api/users/1 fetch @web/ok.ts:1:1']);
    expect(usage.problems.map((problem) => `${problem.code} ${problem.location.file}`)).toEqual(['consumer-parse-error web/bad.ts']);
  });
});

describe('readUsageManifest', () => {
  it('turns declared operations into located call sites, with prefixes', () => {
    const manifest = readUsageManifest(
      'apps/go/contract-graph.usage.json',
      lines(
        '{',
        '  "prefixes": [{ "from": "/backend", "to": "/api" }],',
        '  "calls": [',
        '    { "operation": "GET /api/users/{id}", "fields": ["name", "address.city"], "query": ["expand"] }',
        '  ]',
        '}',
      ),
    );
    expect(manifest.problems).toEqual([]);
    expect(manifest.prefixes).toEqual([{ from: '/backend', to: '/api' }]);
    expect(manifest.calls.map((call) => [callText(call), call.declared, ...call.responseFields.map(at), ...(call.queryFields ?? []).map(at)])).toEqual([
      [
        'GET /api/users/{} declared @apps/go/contract-graph.usage.json:4:5',
        true,
        'name @apps/go/contract-graph.usage.json:4:54',
        'address.city @apps/go/contract-graph.usage.json:4:62',
        'expand @apps/go/contract-graph.usage.json:4:89',
      ],
    ]);
  });

  it('reports every invalid entry with its line and keeps the valid ones', () => {
    const manifest = readUsageManifest(
      'svc/contract-graph.usage.yaml',
      lines('calls:', '  - operation: GET /api/plans', '  - operation: fetch plans', '  - operation: POST /api/plans', '    fields: name', 'extra: 1'),
    );
    expect(manifest.calls.map((call) => `${call.method} ${call.urlTemplate}`)).toEqual(['GET /api/plans', 'POST /api/plans']);
    expect(manifest.problems.map((problem) => `${problem.code} ${problem.location.line}:${problem.location.column} ${problem.message}`)).toEqual([
      'usage-manifest-invalid 6:1 svc/contract-graph.usage.yaml: unknown key "extra"',
      'usage-manifest-invalid 3:5 svc/contract-graph.usage.yaml: calls[1].operation must read "METHOD /path", e.g. "GET /api/users/{id}"',
      'usage-manifest-invalid 5:5 svc/contract-graph.usage.yaml: calls[2].fields must be a list of field paths such as "address.city" or "items[].title"',
    ]);
  });

  it('makes a project with only a manifest a consumer, and its prefixes apply to the project code', () => {
    const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-manifest-'));
    try {
      fs.mkdirSync(path.join(root, 'apps/go'), { recursive: true });
      fs.mkdirSync(path.join(root, 'apps/web/src'), { recursive: true });
      fs.writeFileSync(path.join(root, 'apps/go/contract-graph.usage.json'), '{ "calls": [{ "operation": "DELETE /api/users/{id}" }] }');
      fs.writeFileSync(path.join(root, 'apps/web/contract-graph.usage.yaml'), 'prefixes:\n  - from: ""\n    to: /api\n');
      fs.writeFileSync(path.join(root, 'apps/web/src/a.ts'), "fetch('/users/me');");
      expect(scanProjectUsage(root, 'apps/go').calls.map(callText)).toEqual(['DELETE /api/users/{} declared @apps/go/contract-graph.usage.json:1:13']);
      expect(scanProjectUsage(root, 'apps/web').calls.map(callText)).toEqual(['GET /api/users/me fetch @apps/web/src/a.ts:1:1']);
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
