import { extractUsage } from './extract-usage';
import { lines, usesByCall } from './usage-test-kit';

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
});
