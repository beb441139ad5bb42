import { extractUsage } from './extract-usage';
import { lines, usesByCall } from './usage-test-kit';

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
});
