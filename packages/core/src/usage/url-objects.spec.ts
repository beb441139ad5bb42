import { extractUsage } from './extract-usage';
import { lines, usesByCall } from './usage.spec-support';

describe('URL and Request objects', () => {
  it('reads the URL of new URL(path, base) (also through .href) and the URL and init of fetch(new Request(url, init))', () => {
    const code = lines(
      'const BASE = import.meta.env.VITE_API_URL;',
      'export async function user(id: string) {',
      '  const url = new URL(`/api/users/${id}`, BASE);',
      '  const res = await fetch(url);',
      '  return (await res.json()).name;',
      '}',
      "export const search = (q: string) => fetch(new URL('search', 'https://api.example.com/v2/').href);",
      'export async function create() {',
      "  const res = await fetch(new Request('/api/items', { method: 'POST', body: JSON.stringify({ title: 'x' }) }));",
      '  return (await res.json()).id;',
      '}',
    );
    expect(usesByCall(extractUsage([{ path: 'app/api.ts', text: code }]))).toEqual({
      'GET /api/users/{} (fetch) at app/api.ts:4:21': ['read name app/api.ts:5:29'],
      'GET /v2/search (fetch) at app/api.ts:7:38': [],
      'POST /api/items (fetch) at app/api.ts:9:21': ['read id app/api.ts:10:29', 'sent title'],
    });
  });

  it('reads methods and URLs held in string enums, of the same module or imported', () => {
    const http = lines("export enum Method { Get = 'GET', Post = 'POST' }", "export enum Routes { Articles = '/api/articles' }");
    const service = lines(
      "import axios from 'axios';",
      "import { Method, Routes } from './http';",
      "enum Local { Tags = '/api/tags' }",
      'export const send = (method: Method, url: string, data?: object) => axios({ method, url, data });',
      'export const articles = () => send(Method.Get, Routes.Articles);',
      "export const create = () => send(Method.Post, Routes.Articles, { title: 'x' });",
      'export const tags = () => axios.request({ method: Method.Get, url: Local.Tags });',
    );
    expect(Object.keys(usesByCall(extractUsage([{ path: 'app/http.ts', text: http }, { path: 'app/api.ts', text: service }]))).sort()).toEqual([
      'GET /api/articles (axios) at app/api.ts:5:31',
      'GET /api/tags (axios) at app/api.ts:7:33',
      'POST /api/articles (axios) at app/api.ts:6:29',
    ]);
  });
});
