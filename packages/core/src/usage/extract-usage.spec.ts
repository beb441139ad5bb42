import type { ConsumerUsage, FieldUse } from '../model';
import { extractUsage, extractUsageFromSource } from './extract-usage';

/** Source text from lines, so a case's line numbers are its array indexes + 1. */
const lines = (...text: string[]): string => text.join('\n');

const at = (field: FieldUse): string => `${field.path} @${field.location.line}:${field.location.column}`;

/** A call as one line (`GET /api/x fetch @1:1`), with its reads and sends as `path @line:col`. */
function summarize(usage: ConsumerUsage) {
  return usage.calls.map((call) => ({
    call: `${call.method} ${call.urlTemplate} ${call.client} @${call.location.line}:${call.location.column}`,
    reads: call.responseFields.map(at),
    sends: call.requestFields.map(at),
  }));
}

interface Case {
  name: string;
  file?: string;
  source: string;
  expected: ReturnType<typeof summarize>;
}

const fetchCases: Case[] = [
  {
    name: 'fetch with a template URL, awaited json() and property reads; res.ok is not a field',
    source: lines(
      'async function show(id: string) {',
      '  const res = await fetch(`/api/users/${id}`);',
      '  if (!res.ok) throw new Error(String(res.status));',
      '  const user = await res.json();',
      '  return `${user.email} ${user.address.city}`;',
      '}',
    ),
    expected: [{ call: 'GET /api/users/{} fetch @2:21', reads: ['email @5:18', 'address.city @5:40'], sends: [] }],
  },
  {
    name: 'fetch(...).then(r => r.json()).then(u => u.name)',
    source: lines("fetch('/api/me').then((r) => r.json()).then((u) => console.log(u.name));"),
    expected: [{ call: 'GET /api/me fetch @1:1', reads: ['name @1:66'], sends: [] }],
  },
  {
    name: 'destructuring the awaited body: nested patterns and renames record the property names',
    source: lines(
      'export async function load() {',
      "  const res = await fetch('/api/me');",
      '  const { email, address: { city }, name: fullName } = await res.json();',
      '  return [email, city, fullName];',
      '}',
    ),
    expected: [{ call: 'GET /api/me fetch @2:21', reads: ['email @3:11', 'address.city @3:29', 'name @3:37'], sends: [] }],
  },
  {
    name: 'a function whose URL takes a parameter is a wrapper: the call is at its caller, with the argument in the URL',
    source: lines(
      'async function getUser(id: number) {',
      '  const r = await fetch(`/api/users/${id}`);',
      '  return r.json();',
      '}',
      'export const getTeam = async () => (await fetch("/api/team")).json();',
      'export async function render() {',
      '  const user = await getUser(1);',
      '  const team = await getTeam();',
      '  return user.email + team.title;',
      '}',
    ),
    expected: [
      { call: 'GET /api/team fetch @5:43', reads: ['title @9:28'], sends: [] },
      { call: 'GET /api/users/1 fetch @7:22', reads: ['email @9:15'], sends: [] },
    ],
  },
  {
    name: 'POST through fetch: method from the init object, request fields from JSON.stringify({...})',
    source: lines(
      'export function save(name: string) {',
      "  return window.fetch('/api/users', { method: 'post', body: JSON.stringify({ name, role: 'admin' }) });",
      '}',
    ),
    expected: [{ call: 'POST /api/users fetch @2:17', reads: [], sends: ['name @2:78', 'role @2:84'] }],
  },
  {
    name: 'URL concatenated from const strings',
    source: lines("const API = '/api';", "const USERS = API + '/users';", "const load = (id: string) => fetch(USERS + '/' + id);"),
    expected: [{ call: 'GET /api/users/{} fetch @3:30', reads: [], sends: [] }],
  },
  {
    name: 'full URL: origin, query string and fragment are removed',
    source: lines("const search = (q: string) => fetch('https://api.example.com/api/search?q=' + q + '#top');"),
    expected: [{ call: 'GET /api/search fetch @1:31', reads: [], sends: [] }],
  },
  {
    name: 'a base URL from the environment is kept as a leading {}',
    source: lines('const API_BASE = process.env.API_BASE;', 'const load = (id: string) => fetch(`${API_BASE}/users/${id}`);'),
    expected: [{ call: 'GET {}/users/{} fetch @2:30', reads: [], sends: [] }],
  },
  {
    name: 'arrays: callbacks and indexes read elements; iterating or .length alone reads the array field',
    source: lines(
      'export async function list() {',
      "  const users = await fetch('/api/users').then((r) => r.json());",
      '  users.map((u) => u.name);',
      '  const first = users[0].email;',
      "  const page = await (await fetch('/api/page')).json();",
      '  page.items.forEach(({ title }) => title);',
      '  return page.tags.length + page.total;',
      '}',
    ),
    expected: [
      { call: 'GET /api/users fetch @2:23', reads: ['[].name @3:22', '[].email @4:26'], sends: [] },
      { call: 'GET /api/page fetch @5:29', reads: ['items[].title @6:25', 'tags @7:15', 'total @7:34'], sends: [] },
    ],
  },
  {
    name: "optional chaining and string element access are reads; a method call on a field reads the field",
    source: lines(
      'async function show() {',
      "  const user = await fetch('/api/me').then((r) => r.json());",
      "  return user?.profile?.bio ?? user?.['nickname'] ?? user.name.toUpperCase();",
      '}',
    ),
    expected: [{ call: 'GET /api/me fetch @2:22', reads: ['profile.bio @3:25', 'nickname @3:39', 'name @3:59'], sends: [] }],
  },
  {
    name: 'a .tsx component reading the body inside JSX',
    file: 'web/src/UserCard.tsx',
    source: lines(
      'export async function UserCard({ id }: { id: string }) {',
      '  const user = await fetch(`/api/users/${id}`).then((r) => r.json());',
      '  return <p className="email">{user.email}</p>;',
      '}',
    ),
    expected: [{ call: 'GET /api/users/{} fetch @2:22', reads: ['email @3:37'], sends: [] }],
  },
  {
    name: 'a URL the code does not show (a bare parameter) is no call',
    source: lines('export const get = (url: string) => fetch(url).then((r) => r.json());'),
    expected: [],
  },
  {
    name: 'JSDoc, even malformed, is no parse error and hides no call (it is not parsed at all)',
    file: 'web/src/users.js',
    source: lines(
      '/** @param {{ id: string } id */',
      'export async function load(id) {',
      '  const user = await fetch(`/api/users/${id}`).then(/** @type {any} */ ((r) => r.json()));',
      '  return user.name;',
      '}',
    ),
    expected: [{ call: 'GET /api/users/{} fetch @3:22', reads: ['name @4:15'], sends: [] }],
  },
  {
    name: 'a key with a dot is one property: it is quoted in the path, not split into two levels',
    source: lines(
      'export async function page(url: string) {',
      "  const res = await fetch('/api/people', { method: 'POST', body: JSON.stringify({ 'filter.name': 'a' }) });",
      '  const body = await res.json();',
      "  return [body['@odata.nextLink'], body.value[0]['@odata.type'], body.meta.total];",
      '}',
    ),
    expected: [
      {
        call: 'POST /api/people fetch @2:21',
        reads: ['["@odata.nextLink"] @4:16', 'value[]["@odata.type"] @4:50', 'meta.total @4:76'],
        sends: ['["filter.name"] @2:83'],
      },
    ],
  },
  {
    name: 'a wrapper that spreads its init parameter into the options: each caller’s method, body and no method (GET)',
    source: lines(
      'async function request(path: string, init?: RequestInit) {',
      "  const res = await fetch(`/api${path}`, { credentials: 'include', ...init });",
      '  return res.json();',
      '}',
      'export const http = {',
      '  get: (path: string) => request(path),',
      "  post: (path: string, body: unknown) => request(path, { method: 'POST', body: JSON.stringify(body) }),",
      "  del: (path: string) => request(path, { method: 'DELETE' }),",
      '};',
      "export const load = () => http.get('/users').then((u) => u.total);",
      "export const save = () => http.post('/users', { name: 'a' }).then((u) => u.id);",
      "export const drop = () => http.del('/users/1');",
    ),
    expected: [
      { call: 'GET /api/users fetch @10:32', reads: ['total @10:60'], sends: [] },
      { call: 'POST /api/users fetch @11:32', reads: ['id @11:76'], sends: ['name @11:49'] },
      { call: 'DELETE /api/users/1 fetch @12:32', reads: [], sends: [] },
    ],
  },
  {
    name: 'options spread from a const object literal are its properties; a property after the spread wins',
    source: lines(
      "const defaults = { method: 'PUT', credentials: 'include' };",
      "export const a = () => fetch('/api/a', { ...defaults });",
      "export const b = () => fetch('/api/b', { ...defaults, method: 'PATCH' });",
    ),
    expected: [
      { call: 'PUT /api/a fetch @2:24', reads: [], sends: [] },
      { call: 'PATCH /api/b fetch @3:24', reads: [], sends: [] },
    ],
  },
];

const axiosCases: Case[] = [
  {
    name: 'an instance created from a spread the analyzer cannot read has an unknown base URL, not none',
    source: lines(
      "import axios from 'axios';",
      "import { config } from './config';",
      'const api = axios.create({ ...config, timeout: 5000 });',
      "export const list = () => api.get('/users');",
    ),
    expected: [{ call: 'GET {}/users axios @4:31', reads: [], sends: [] }],
  },
  {
    name: 'an instance assigned once in the constructor, and one only typed AxiosInstance (its base URL unknown)',
    source: lines(
      "import axios, { AxiosInstance } from 'axios';",
      'export class UsersApi {',
      '  private client: AxiosInstance;',
      '  constructor() {',
      "    this.client = axios.create({ baseURL: '/api' });",
      '  }',
      '  user = (id: string) => this.client.get(`/users/${id}`).then((res) => res.data.email);',
      '}',
      'export class TeamsApi {',
      '  constructor(private readonly http: AxiosInstance) {}',
      "  remove = (id: string) => this.http.delete(`/teams/${id}`);",
      '}',
    ),
    expected: [
      { call: 'GET /api/users/{} axios @7:38', reads: ['email @7:81'], sends: [] },
      { call: 'DELETE {}/teams/{} axios @11:38', reads: [], sends: [] },
    ],
  },
  {
    name: 'an instance field assigned in two places is not guessed from either',
    source: lines(
      "import axios from 'axios';",
      'export class Api {',
      '  private client;',
      "  constructor() { this.client = axios.create({ baseURL: '/v1' }); }",
      "  reset() { this.client = axios.create({ baseURL: '/v2' }); }",
      "  list = () => this.client.get('/items');",
      '}',
    ),
    expected: [],
  },
  {
    name: 'axios.create instance: baseURL prefixed, res.data and { data } give the body',
    source: lines(
      "import axios from 'axios';",
      "export const api = axios.create({ baseURL: '/api/' });",
      'export async function profile() {',
      "  const res = await api.get('/me');",
      '  const { data } = await api.get(`teams/${res.data.teamId}`);',
      '  return res.data.name + data.members[0].email + res.status;',
      '}',
    ),
    expected: [
      { call: 'GET /api/me axios @4:25', reads: ['teamId @5:52', 'name @6:19'], sends: [] },
      { call: 'GET /api/teams/{} axios @5:30', reads: ['members[].email @6:42'], sends: [] },
    ],
  },
  {
    name: 'axios under another import name, post data, renamed { data: team }, and .then(res => res.data)',
    source: lines(
      "import http from 'axios';",
      'export async function create(title: string) {',
      "  const { data: team } = await http.post('/api/teams', { title, private: true });",
      "  const members = await http.get(`/api/teams/${team.id}/members`).then((res) => res.data);",
      '  return members.map((m) => m.login);',
      '}',
    ),
    expected: [
      { call: 'POST /api/teams axios @3:37', reads: ['id @4:53'], sends: ['title @3:58', 'private @3:65'] },
      { call: 'GET /api/teams/{}/members axios @4:30', reads: ['[].login @5:31'], sends: [] },
    ],
  },
  {
    name: 'axios(config) and axios(url): method, url and data from the config',
    source: lines(
      "import axios from 'axios';",
      "axios({ url: '/api/jobs', method: 'put', data: { name: 'x' } }).then(({ data }) => data.state);",
      "axios('/api/health');",
      "axios.request({ url: '/api/jobs/1', method: 'DELETE' });",
    ),
    expected: [
      { call: 'PUT /api/jobs axios @2:1', reads: ['state @2:89'], sends: ['name @2:50'] },
      { call: 'GET /api/health axios @3:1', reads: [], sends: [] },
      { call: 'DELETE /api/jobs/1 axios @4:7', reads: [], sends: [] },
    ],
  },
  {
    name: 'instance methods returning bodies, called through this and an object',
    source: lines(
      "import axios from 'axios';",
      'class UserService {',
      "  private http = axios.create({ baseURL: 'https://api.example.com/v2' });",
      "  async me() { return (await this.http.get('/me')).data; }",
      '  async greet() { return (await this.me()).displayName; }',
      '}',
      'const repo = {',
      "  list: () => axios.get('/api/things').then((res) => res.data),",
      '};',
      'repo.list().then((things) => things[0].label);',
    ),
    expected: [
      { call: 'GET /v2/me axios @4:40', reads: ['displayName @5:44'], sends: [] },
      { call: 'GET /api/things axios @8:21', reads: ['[].label @10:40'], sends: [] },
    ],
  },
  {
    name: 'an absolute URL ignores the instance baseURL, as axios does; an env baseURL is an unknown prefix',
    source: lines(
      "import axios from 'axios';",
      "const api = axios.create({ baseURL: '/api' });",
      'const gateway = axios.create({ baseURL: process.env.GATEWAY_URL });',
      "api.get('https://status.example.com/health');",
      "gateway.get('/users');",
    ),
    expected: [
      { call: 'GET /health axios @4:5', reads: [], sends: [] },
      { call: 'GET {}/users axios @5:9', reads: [], sends: [] },
    ],
  },
];

/** Clients reached through a package that wraps or installs them. */
const wrappedClientCases: Case[] = [
  {
    name: 'superagent-promise: the client it wraps, with .then(responseBody); an unknown wrapper package is not a client',
    file: 'web/src/agent.js',
    source: lines(
      "import superagentPromise from 'superagent-promise';",
      "import _superagent from 'superagent';",
      "import wrap from 'retry-wrapper';",
      'const superagent = superagentPromise(_superagent, global.Promise);',
      'const retried = wrap(_superagent);',
      'const responseBody = (res) => res.body;',
      "export const getTag = () => superagent.get('/api/tags/new').then(responseBody);",
      "retried.get('/api/tags/old');",
      'getTag().then((tag) => tag.label);',
    ),
    expected: [{ call: 'GET /api/tags/new superagent @7:40', reads: ['label @9:28'], sends: [] }],
  },
  {
    name: 'Vue.axios (vue-axios): axios; a path without a leading / resolves against a base set at run time',
    file: 'web/src/api.js',
    source: lines(
      "import Vue from 'vue';",
      "import axios from 'axios';",
      "import VueAxios from 'vue-axios';",
      'Vue.use(VueAxios, axios);',
      'Vue.axios.defaults.baseURL = window.API_URL;',
      'export const getArticle = (slug) => Vue.axios.get(`articles/${slug}`).then(({ data }) => data.article.title);',
      "Vue.set({}, 'get', 1);",
    ),
    expected: [{ call: 'GET {}/articles/{} axios @6:47', reads: ['article.title @6:103'], sends: [] }],
  },
];

const conditionalUrlCases: Case[] = [
  {
    name: "cond ? '/feed' : '': a call per literal branch; a test of a parameter is decided by each caller's argument, through wrappers",
    source: lines(
      "import axios from 'axios';",
      "export const list = (type: string) => axios.get('/api/articles' + (type === 'feed' ? '/feed' : ''));",
      "export const byKind = (kind: string) => list(kind);",
      "export const mine = (feed: boolean) => axios.get(`/api/articles${feed ? '/feed' : ''}`);",
      "list('feed');",
      "list('all');",
      'list(window.kind);',
      "byKind('all');",
      "axios.get(window.flag ? '/api/tags' : `/api/tags/${window.tag}`);",
    ),
    expected: [
      { call: 'GET /api/articles axios @4:46', reads: [], sends: [] },
      { call: 'GET /api/articles/feed axios @4:46', reads: [], sends: [] },
      { call: 'GET /api/articles/feed axios @5:1', reads: [], sends: [] },
      { call: 'GET /api/articles axios @6:1', reads: [], sends: [] },
      { call: 'GET /api/articles axios @7:1', reads: [], sends: [] },
      { call: 'GET /api/articles/feed axios @7:1', reads: [], sends: [] },
      { call: 'GET /api/articles axios @8:1', reads: [], sends: [] },
      { call: 'GET /api/tags axios @9:7', reads: [], sends: [] },
    ],
  },
];

const conditionalCalleeCases: Case[] = [
  {
    name: '(cond ? f : g)(x), also through a const: a call of each function, with the same arguments and reads',
    source: lines(
      "import axios from 'axios';",
      'const api = {',
      '  like: (slug: string) => axios.post(`/api/posts/${slug}/like`),',
      '  unlike: (slug: string) => axios.delete(`/api/posts/${slug}/like`),',
      '};',
      'export async function toggle(liked: boolean, slug: string) {',
      '  const request = liked ? api.unlike : api.like;',
      '  const { data } = await request(slug);',
      "  return (liked ? api.like : window.alert)('x') && data.post.likes;",
      '}',
    ),
    expected: [
      { call: 'DELETE /api/posts/{}/like axios @8:26', reads: ['post.likes @9:62'], sends: [] },
      { call: 'POST /api/posts/{}/like axios @8:26', reads: ['post.likes @9:62'], sends: [] },
    ],
  },
  {
    name: 'a value that is one of several calls made right there (branches of ?:, assignments in if/else): each call gets the reads',
    source: lines(
      "import axios from 'axios';",
      'export async function load(feed: boolean, slug: string) {',
      '  let request = null;',
      "  if (feed) request = axios.get('/api/feed').then((res) => res.data);",
      "  else request = axios.get('/api/all').then((res) => res.data);",
      '  const page = await request;',
      "  const saved = await (slug ? axios.put(`/api/posts/${slug}`) : axios.post('/api/posts'));",
      '  const first = axios.get(`/api/posts/${slug}`);',
      "  const either = await (slug ? first : axios.get('/api/posts/latest'));",
      '  return page.total + saved.data.id + either.data.title + (await first).data.body;',
      '}',
    ),
    expected: [
      { call: 'GET /api/feed axios @4:29', reads: ['total @10:15'], sends: [] },
      { call: 'GET /api/all axios @5:24', reads: ['total @10:15'], sends: [] },
      { call: 'PUT /api/posts/{} axios @7:37', reads: ['id @10:34'], sends: [] },
      { call: 'POST /api/posts axios @7:71', reads: ['id @10:34'], sends: [] },
      // `first` is read elsewhere too: the branches are not twins, only the first is known.
      { call: 'GET /api/posts/{} axios @8:23', reads: ['title @10:51', 'body @10:78'], sends: [] },
      { call: 'GET /api/posts/latest axios @9:46', reads: [], sends: [] },
    ],
  },
];

const queryOptionsCases: Case[] = [
  {
    name: 'TanStack Query options: a request where the options are used, none where only their queryKey is read',
    file: 'web/src/profile.api.ts',
    source: lines(
      "import axios from 'axios';",
      "import { queryOptions, useSuspenseQuery, useQueryClient } from '@tanstack/react-query';",
      'export const profileQueryOptions = (name: string) =>',
      '  queryOptions({ queryKey: ["profile", name], queryFn: async () => (await axios.get(`/api/profiles/${name}`)).data.profile });',
      'export function useProfile(name: string) {',
      '  const client = useQueryClient();',
      '  client.invalidateQueries({ queryKey: profileQueryOptions(name).queryKey });',
      '  client.cancelQueries({ queryKey: profileQueryOptions(name)!.queryKey });',
      '  return useSuspenseQuery(profileQueryOptions(name));',
      '}',
    ),
    expected: [{ call: 'GET /api/profiles/{} axios @9:27', reads: ['profile @4:116'], sends: [] }],
  },
];

const angularObserverCases: Case[] = [
  {
    name: "observe: 'response': the body is the response's body, its headers and status are not fields; events and text have no JSON body",
    file: 'web/src/app/users.service.ts',
    source: lines(
      "import { HttpClient } from '@angular/common/http';",
      "import { map } from 'rxjs';",
      'export class UsersService {',
      '  constructor(private http: HttpClient) {}',
      '  page(n: number) {',
      "    return this.http.get<any>('/api/users', { observe: 'response', params: { page: n } }).pipe(",
      "      map((resp) => ({ total: resp.headers.get('X-Total'), items: resp.body.items, status: resp.status })),",
      '    );',
      '  }',
      "  avatar = (id: string) => this.http.get(`/api/users/${id}`, { responseType: 'text' }).pipe(map((text) => text.trim));",
      "  upload = (form: unknown) => this.http.post<any>('/api/files', form, { observe: 'events' }).subscribe((event) => event.type);",
      "  fetch = (options?: { observe?: 'body' | 'response' }) => this.http.get<any>('/api/me', options);",
      "  me = () => this.fetch().subscribe((me) => me.name);",
      "  meResponse = () => this.fetch({ observe: 'response' }).subscribe((r) => r.body.name + r.status);",
      '}',
    ),
    expected: [
      { call: 'GET /api/users angular @6:22', reads: ['items @7:77'], sends: [] },
      { call: 'GET /api/users/{} angular @10:38', reads: [], sends: [] },
      { call: 'POST /api/files angular @11:41', reads: [], sends: [] },
      { call: 'GET /api/me angular @13:19', reads: ['name @13:48'], sends: [] },
      { call: 'GET /api/me angular @14:27', reads: ['name @14:82'], sends: [] },
    ],
  },
  {
    name: 'pipe(tap({ next, error })): next receives the body (also when passed on to a method), error the error',
    file: 'web/src/app/user.service.ts',
    source: lines(
      "import { HttpClient } from '@angular/common/http';",
      "import { tap } from 'rxjs';",
      'export class UserService {',
      '  constructor(private http: HttpClient) {}',
      '  current() {',
      "    return this.http.get('/api/user').pipe(tap({ next: ({ user }) => this.save(user), error: (e) => console.log(e.error.message) }));",
      '  }',
      '  save(user) { localStorage.setItem(user.token, user.username); }',
      '}',
    ),
    expected: [{ call: 'GET /api/user angular @6:22', reads: ['user @6:59', 'user.token @8:42', 'user.username @8:54'], sends: [] }],
  },
  {
    name: 'operators that pass values through: takeUntilDestroyed, takeWhile, skip, throttleTime',
    file: 'web/src/app/list.component.ts',
    source: lines(
      "import { inject, DestroyRef } from '@angular/core';",
      "import { takeUntilDestroyed } from '@angular/core/rxjs-interop';",
      "import { HttpClient } from '@angular/common/http';",
      "import { skip, takeWhile, throttleTime } from 'rxjs';",
      'export class ListComponent {',
      '  http = inject(HttpClient);',
      '  ref = inject(DestroyRef);',
      '  load() {',
      "    this.http.get('/api/articles').pipe(takeUntilDestroyed(this.ref), takeWhile(Boolean), skip(0), throttleTime(9)).subscribe((data) => data.articlesCount);",
      '  }',
      '}',
    ),
    expected: [{ call: 'GET /api/articles angular @9:15', reads: ['articlesCount @9:142'], sends: [] }],
  },
  {
    name: 'combineLatest / forkJoin of requests, through pass-through operators: each destructured element is its own body',
    file: 'web/src/app/article.component.ts',
    source: lines(
      "import { HttpClient } from '@angular/common/http';",
      "import { combineLatest, forkJoin, take } from 'rxjs';",
      'export class ArticleComponent {',
      '  constructor(private http: HttpClient) {}',
      '  load(slug: string) {',
      "    combineLatest([this.http.get(`/api/articles/${slug}`), this.http.get('/api/tags')]).pipe(take(1)).subscribe(([article, tags]) => article.title + tags.count);",
      "    forkJoin([this.http.get('/api/user')]).subscribe(([{ user }]) => user.email);",
      '  }',
      '}',
    ),
    expected: [
      { call: 'GET /api/articles/{} angular @6:30', reads: ['title @6:142'], sends: [] },
      { call: 'GET /api/tags angular @6:70', reads: ['count @6:155'], sends: [] },
      { call: 'GET /api/user angular @7:25', reads: ['user @7:58', 'user.email @7:75'], sends: [] },
    ],
  },
];

describe('extractUsageFromSource', () => {


  it.each([
    ...wrappedClientCases.map((entry) => ({ ...entry, group: 'wrapped clients' })),
    ...angularObserverCases.map((entry) => ({ ...entry, group: 'Angular' })),
    ...conditionalUrlCases.map((entry) => ({ ...entry, group: 'URL alternatives' })),
    ...queryOptionsCases.map((entry) => ({ ...entry, group: 'TanStack Query' })),
    ...conditionalCalleeCases.map((entry) => ({ ...entry, group: 'conditional callee' })),
  ])('$group: $name', ({ file, source, expected }) => {
    const usage = extractUsageFromSource(file ?? 'web/src/api.ts', source);
    expect(usage.problems).toEqual([]);
    expect(summarize(usage)).toEqual(expected);
  });

  it.each(fetchCases)('fetch: $name', ({ file, source, expected }) => {
    const usage = extractUsageFromSource(file ?? 'web/src/api.ts', source);
    expect(usage.problems).toEqual([]);
    expect(summarize(usage)).toEqual(expected);
  });

  it.each(axiosCases)('axios: $name', ({ file, source, expected }) => {
    const usage = extractUsageFromSource(file ?? 'web/src/api.ts', source);
    expect(usage.problems).toEqual([]);
    expect(summarize(usage)).toEqual(expected);
  });

  it('uses the workspace-relative path verbatim in every location', () => {
    const usage = extractUsageFromSource('apps/web/src/me.js', "fetch('/api/me').then((r) => r.json()).then((u) => u.name);");
    expect(usage.calls[0].location).toEqual({ file: 'apps/web/src/me.js', line: 1, column: 1 });
    expect(usage.calls[0].responseFields[0].location.file).toBe('apps/web/src/me.js');
  });

  it('reports a file that does not parse, at the first syntax error, and finds no calls in it', () => {
    const source = lines("fetch('/api/a');", 'function broken( {', '  return 1;', '}');
    expect(extractUsageFromSource('web/src/broken.ts', source)).toEqual({
      calls: [],
      problems: [
        {
          code: 'consumer-parse-error',
          message: "web/src/broken.ts does not parse: ':' expected.",
          location: { file: 'web/src/broken.ts', line: 3, column: 10 },
          hint: 'Fix the syntax error; contract-graph skipped this file, so calls in it are not checked.',
        },
      ],
    });
  });

  it('reads the <script> blocks of a Svelte or Vue component at their own lines and columns, not the markup', () => {
    const source = lines(
      '<script context="module">',
      "  export const load = () => fetch('/api/tags').then((r) => r.json()).then((body) => body.tags);",
      '</script>',
      '<script>',
      "  const user = fetch('/api/user').then((r) => r.json());",
      '</script>',
      "{#await fetch('/api/markup') then data}<p>{data.name}</p>{/await}",
    );
    const summary = (usage: ConsumerUsage) => usage.calls.map((call) => `${call.method} ${call.urlTemplate} @${call.location.line}:${call.location.column} ${call.responseFields.map(at).join(' ')}`.trim());
    expect(summary(extractUsageFromSource('web/src/routes/Page.svelte', source))).toEqual(['GET /api/tags @2:29 tags @2:90', 'GET /api/user @5:16']);
    // A <script setup lang="ts"> block with type annotations, after the template.
    const typed = lines('<template><p /></template>', '<script setup lang="ts">', "const id: number = 1; fetch(`/api/users/${id}`);", '</script>');
    expect(summary(extractUsageFromSource('web/src/User.vue', typed))).toEqual(['GET /api/users/1 @3:23']);
  });

  it('parses JSX only where the extension allows it', () => {
    const source = "const view = <p>{1}</p>;\nfetch('/api/a');";
    expect(extractUsageFromSource('a.jsx', source).calls).toHaveLength(1);
    expect(extractUsageFromSource('a.ts', source)).toMatchObject({ calls: [], problems: [{ code: 'consumer-parse-error', location: { line: 1, column: 19 } }] });
  });
});

describe('extractUsage', () => {
  it('merges files, ordering calls by file, line and column, and keeps each file’s problems', () => {
    const usage = extractUsage([
      { path: 'web/b.ts', text: "fetch('/api/b2');\nfetch('/api/b1');" },
      { path: 'web/bad.ts', text: 'const = 1;' },
      { path: 'web/a.ts', text: "\n  fetch('/api/a');" },
    ]);
    expect(usage.calls.map((call) => `${call.location.file}:${call.location.line} ${call.urlTemplate}`)).toEqual([
      'web/a.ts:2 /api/a',
      'web/b.ts:1 /api/b2',
      'web/b.ts:2 /api/b1',
    ]);
    expect(usage.problems.map((problem) => `${problem.code} ${problem.location.file}`)).toEqual(['consumer-parse-error web/bad.ts']);
  });
});

describe('options that spread something the analyzer cannot read', () => {
  it('leave the method unknown instead of calling it GET, and say so', () => {
    const usage = extractUsage([
      {
        path: 'web/src/api.ts',
        text: lines(
          "import { defaults } from './defaults';",
          "export const a = () => fetch('/api/a', { ...defaults });",
          "export const b = (init: RequestInit) => fetch('/api/b', { method: 'POST', ...init });",
        ),
      },
    ]);
    expect(usage.calls).toEqual([]);
    expect(usage.unresolved.map((call) => `${call.reason} ${call.call} @${call.location.line}`)).toEqual(['method-unknown {} /api/a @2', 'method-unknown {} /api/b @3']);
  });
});

describe('fetch: the body read after a test of res.ok or res.status', () => {
  const bodies = (source: string) =>
    extractUsageFromSource('web/src/api.ts', source).calls.map((call) => ({ reads: call.responseFields.map(at), errors: (call.errorResponseFields ?? []).map(at) }));

  it('is the error body under if (!res.ok) { ... }, and the success body after it', () => {
    const source = lines(
      'export async function loadUser(id: string) {',
      '  const res = await fetch(`/api/users/${id}`);',
      '  if (!res.ok) {',
      '    const problem = await res.json();',
      '    throw new Error(problem.detail);',
      '  }',
      '  const user = await res.json();',
      '  return user.name;',
      '}',
    );
    expect(bodies(source)).toEqual([{ reads: ['name @8:15'], errors: ['detail @5:29'] }]);
  });

  it('is the error body in the else of if (res.ok), under res.status >= 400, and after if (res.ok) return', () => {
    const source = lines(
      "export const a = () => fetch('/api/a').then(async (res) => {",
      '  if (res.ok) return (await res.json()).id;',
      '  else return (await res.json()).message;',
      '});',
      'export async function b() {',
      "  const res = await fetch('/api/b');",
      '  if (res.status >= 400 && res.status !== 404) throw (await res.json()).code;',
      '  if (res.ok) return (await res.json()).items;',
      '  const failure = await res.json();',
      '  return failure.reason;',
      '}',
    );
    expect(bodies(source)).toEqual([
      { reads: ['id @2:41'], errors: ['message @3:34'] },
      { reads: ['items @8:41'], errors: ['code @7:73', 'reason @10:18'] },
    ]);
  });

  it('stays the success body after if (!res.ok) throw, and where the test does not prove a failure', () => {
    const source = lines(
      'export async function c(cached: boolean) {',
      "  const res = await fetch('/api/c');",
      '  if (!res.ok) throw new Error(String(res.status));',
      '  if (!res.ok || cached) return (await res.json()).a;',
      '  return (await res.json()).b;',
      '}',
    );
    expect(bodies(source)).toEqual([{ reads: ['a @4:52', 'b @5:29'], errors: [] }]);
  });
});
