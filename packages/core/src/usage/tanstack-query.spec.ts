import { extractUsage } from './extract-usage';
import { lines, readsByCall } from './usage.spec-support';

const API = lines(
  "import axios from 'axios';",
  "export const api = axios.create({ baseURL: '/api' });",
  'export async function fetchUser(id: string) {',
  '  const { data } = await api.get(`/users/${id}`);',
  '  return data;',
  '}',
  "export const fetchPosts = () => api.get('/posts').then((r) => r.data);",
);

describe('TanStack Query', () => {
  it("reads a query's data as what its queryFn returns: inline, named, async, v3 positional, suspense; a mutation's data and onSuccess", () => {
    const component = lines(
      "import { useQuery, useMutation, useSuspenseQuery } from '@tanstack/react-query';",
      "import { fetchUser, fetchPosts, api } from './api';",
      'export function User({ id }: { id: string }) {',
      "  const { data: user } = useQuery({ queryKey: ['user', id], queryFn: () => fetchUser(id) });",
      "  const posts = useQuery({ queryKey: ['posts'], queryFn: fetchPosts });",
      "  const save = useMutation({ mutationFn: (name: string) => api.put(`/users/${id}`, { name }), onSuccess: (res) => console.log(res.data.version) });",
      "  const { data: me } = useSuspenseQuery({ queryKey: ['me'], queryFn: async () => (await api.get('/me')).data });",
      "  const legacy = useQuery(['tags'], () => api.get('/tags').then((r) => r.data));",
      '  return (',
      '    <div>',
      '      <h1>{user?.name}</h1> <p>{me.email}</p> <i>{legacy.data?.tags}</i>',
      '      {posts.data?.map((p: any) => <span key={p.id}>{p.title}</span>)}',
      '      <b>{save.data?.data?.updatedAt}</b>',
      '    </div>',
      '  );',
      '}',
    );
    const usage = extractUsage([
      { path: 'app/api.ts', text: API },
      { path: 'app/User.tsx', text: component },
    ]);
    expect(readsByCall(usage)).toEqual({
      'GET /api/users/{}': ['name app/User.tsx:11:18'],
      'GET /api/posts': ['[].id app/User.tsx:12:49', '[].title app/User.tsx:12:56'],
      'PUT /api/users/{}': ['updatedAt app/User.tsx:13:28', 'version app/User.tsx:6:136'],
      'GET /api/me': ['email app/User.tsx:11:36'],
      'GET /api/tags': ['tags app/User.tsx:11:64'],
    });
  });

  it('follows queryOptions() made in another module, and does not count its queryKey as a read', () => {
    const queries = lines(
      "import { queryOptions } from '@tanstack/react-query';",
      "import { api } from './api';",
      'export const articleQuery = (slug: string) =>',
      '  queryOptions({',
      "    queryKey: ['article', slug],",
      '    queryFn: async () => {',
      '      const { data } = await api.get(`/articles/${slug}`);',
      '      return data.article;',
      '    },',
      '  });',
    );
    const page = lines(
      "import { useSuspenseQuery, useQueryClient } from '@tanstack/react-query';",
      "import { articleQuery } from './queries';",
      'export function Article({ slug }: { slug: string }) {',
      '  const client = useQueryClient();',
      '  const { data: article } = useSuspenseQuery(articleQuery(slug));',
      '  const refresh = () => client.invalidateQueries({ queryKey: articleQuery(slug).queryKey });',
      '  return <h1 onClick={refresh}>{article.title}</h1>;',
      '}',
    );
    const usage = extractUsage([
      { path: 'app/api.ts', text: API },
      { path: 'app/queries.ts', text: queries },
      { path: 'app/Article.tsx', text: page },
    ]);
    // fetchUser and fetchPosts of api.ts are not called here: their calls have no reads.
    expect(readsByCall(usage)).toEqual({ 'GET /api/articles/{}': ['article app/queries.ts:8:19', 'article.title app/Article.tsx:7:41'], 'GET /api/posts': [], 'GET /api/users/{}': [] });
  });

  it("reads Vue Query's data through its ref (data.value), and Angular Query's through its signal (query.data())", () => {
    const vue = lines(
      "import { useQuery } from '@tanstack/vue-query';",
      "import axios from 'axios';",
      "const { data } = useQuery({ queryKey: ['me'], queryFn: () => axios.get('/api/me').then((r) => r.data) });",
      'export const name = () => data.value?.name;',
    );
    const angular = lines(
      "import { Component, inject } from '@angular/core';",
      "import { HttpClient } from '@angular/common/http';",
      "import { injectQuery } from '@tanstack/angular-query-experimental';",
      "import { lastValueFrom } from 'rxjs';",
      "@Component({ selector: 'app-todo', template: '' })",
      'export class TodoComponent {',
      '  private http = inject(HttpClient);',
      "  todo = injectQuery(() => ({ queryKey: ['todo'], queryFn: () => lastValueFrom(this.http.get<any>('/api/todos/1')) }));",
      '  title() { return this.todo.data()?.title; }',
      '}',
    );
    expect(readsByCall(extractUsage([{ path: 'app/me.ts', text: vue }]))).toEqual({ 'GET /api/me': ['name app/me.ts:4:39'] });
    expect(readsByCall(extractUsage([{ path: 'app/todo.component.ts', text: angular }]))).toEqual({ 'GET /api/todos/1': ['title app/todo.component.ts:9:38'] });
  });

  it("does not take another library's useQuery for TanStack's", () => {
    const code = lines(
      "import { useQuery } from 'urql';",
      "import axios from 'axios';",
      "const result = useQuery({ query: 'x', queryFn: () => axios.get('/api/me').then((r) => r.data) });",
      'export const name = () => result.data?.name;',
    );
    expect(readsByCall(extractUsage([{ path: 'app/me.ts', text: code }]))).toEqual({ 'GET /api/me': [] });
  });
});
