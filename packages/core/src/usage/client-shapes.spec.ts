import { extractUsage } from './extract-usage';
import { lines, usesByCall } from './usage.spec-support';

describe('clients handed through functions', () => {
  it('takes a function that returns the client it is given (setUpInterceptors(instance)) for that client, exported and called elsewhere', () => {
    const client = lines(
      "import axios, { AxiosInstance } from 'axios';",
      "const instance = axios.create({ baseURL: '/api' });",
      'const setUpInterceptors = (api: AxiosInstance) => {',
      '  api.interceptors.request.use((config) => config);',
      '  return api;',
      '};',
      'export const http = setUpInterceptors(instance);',
    );
    const articles = lines("import { http } from './client';", 'export const list = async () => (await http.get(`/articles?limit=10`)).data.articles;');
    expect(usesByCall(extractUsage([{ path: 'app/client.ts', text: client }, { path: 'app/articles.ts', text: articles }]))).toEqual({
      'GET /api/articles (axios) at app/articles.ts:2:45': ['query limit', 'read articles app/articles.ts:2:77'],
    });
  });

  it('does not take a function that returns something else, or one of two parameters, for the client', () => {
    const client = lines(
      "import axios from 'axios';",
      'const wrap = (api: unknown, other: unknown) => (Math.random() > 0.5 ? api : other);',
      "export const http = wrap(axios.create({ baseURL: '/api' }), {});",
    );
    const use = lines("import { http } from './client';", "export const x = () => (http as any).get('/articles');");
    expect(extractUsage([{ path: 'app/client.ts', text: client }, { path: 'app/use.ts', text: use }]).calls).toEqual([]);
  });

  it("follows a service returned by a function with a declared return type (useArticleService(): ArticleService), in another module", () => {
    const service = lines(
      "import axios from 'axios';",
      'export class ArticleService {',
      '  get(slug: string) { return axios.get(`/api/articles/${slug}`); }',
      '}',
    );
    const hooks = lines(
      "import { useContext } from 'react';",
      "import { ArticleService } from './article-service';",
      "import { ServicesContext } from './context';",
      'export function useArticleService(): ArticleService {',
      '  return useContext(ServicesContext).articles;',
      '}',
    );
    const view = lines(
      "import { useArticleService } from './hooks';",
      'export async function title(slug: string) {',
      '  const service = useArticleService();',
      '  const res = await service.get(slug);',
      '  return res.data.article.title;',
      '}',
    );
    const usage = extractUsage([
      { path: 'app/article-service.ts', text: service },
      { path: 'app/hooks.ts', text: hooks },
      { path: 'app/view.ts', text: view },
    ]);
    expect(usesByCall(usage)).toEqual({ 'GET /api/articles/{} (axios) at app/view.ts:4:29': ['read article.title app/view.ts:5:27'] });
  });
});

describe('a wrapper called without the argument of a path segment', () => {
  it('does not make the request whose path needs it (handle("submit") of a handler whose delete branch calls /comments/${id})', () => {
    const code = lines(
      "import axios from 'axios';",
      'export async function handle(type: string, slug: string, id?: number) {',
      "  if (type === 'submit') await axios.post(`/api/articles/${slug}/comments`, { body: 'x' });",
      "  if (type === 'delete') await axios.delete(`/api/articles/${slug}/comments/${id}`);",
      '}',
      "export const submit = (slug: string) => handle('submit', slug);",
      "export const remove = (slug: string, id: number) => handle('delete', slug, id);",
    );
    const calls = Object.keys(usesByCall(extractUsage([{ path: 'app/comments.ts', text: code }])));
    // No `DELETE /api/articles/{}/comments/` for submit; its own POST is there.
    expect(calls.filter((call) => call.startsWith('DELETE'))).toEqual(['DELETE /api/articles/{}/comments/{} (axios) at app/comments.ts:7:53']);
    expect(calls).toContain('POST /api/articles/{}/comments (axios) at app/comments.ts:6:41');
  });

  it('still makes the request when the left-out parameter has a default (get(resource, slug = "") called as get("tags"))', () => {
    const code = lines(
      "import axios from 'axios';",
      "export const get = (resource: string, slug = '') => axios.get(`/api/${resource}/${slug}`);",
      "export const tags = () => get('tags');",
    );
    expect(Object.keys(usesByCall(extractUsage([{ path: 'app/api.ts', text: code }])))).toEqual(['GET /api/tags/ (axios) at app/api.ts:3:27']);
  });
});

describe('a client of a package contract-graph does not know', () => {
  it('explains a call through a module that re-exports a package client by naming the package', () => {
    const index = lines("import { apiService } from 'ts-api-toolkit';", "apiService.changeBaseUrl('https://api.example.com/api');", 'export { apiService };');
    const articles = lines("import { apiService } from './index';", "export const list = () => apiService.get('/articles');");
    const usage = extractUsage([{ path: 'app/index.ts', text: index }, { path: 'app/articles.ts', text: articles }]);
    expect(usage.calls).toEqual([]);
    expect(usage.unresolved.map((entry) => entry.message)).toEqual([
      "apiService.get(...) comes from the package 'ts-api-toolkit' (through './index'), whose client contract-graph does not know, so its calls are not checked",
    ]);
  });
});
