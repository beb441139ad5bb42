import type { ConsumerUsage } from '../model';
import { extractUsage } from './extract-usage';

const lines = (...text: string[]): string => text.join('\n');

/** Each call as `METHOD url (client)` with its reads, error reads, body and query fields, sorted. */
function callsOf(usage: ConsumerUsage): Record<string, string[]> {
  const result: Record<string, string[]> = {};
  for (const call of usage.calls) {
    const key = `${call.method} ${call.urlTemplate} (${call.client})`;
    const fields = [
      ...call.responseFields.map((field) => `read ${field.path} ${field.location.line}:${field.location.column}`),
      ...(call.errorResponseFields ?? []).map((field) => `error ${field.path} ${field.location.line}:${field.location.column}`),
      ...call.requestFields.map((field) => `sent ${field.path}`),
      ...(call.queryFields ?? []).map((field) => `query ${field.path}`),
    ];
    result[key] = [...(result[key] ?? []), ...fields].sort();
  }
  return result;
}

describe('ofetch and Nuxt', () => {
  it('follows ofetch instances (baseURL), method, body, query and the error body in FetchError.data', () => {
    const api = lines(
      "import { ofetch } from 'ofetch';",
      "const api = ofetch.create({ baseURL: '/api' });",
      "export const getTags = async () => (await api('/tags', { query: { limit: 10 } })).tags;",
      'export async function saveUser(user: { name: string }) {',
      '  try {',
      "    return await api('/users', { method: 'POST', body: { name: user.name } });",
      '  } catch (e: any) {',
      '    throw new Error(e.data.message);',
      '  }',
      '}',
    );
    expect(callsOf(extractUsage([{ path: 'app/api.ts', text: api }]))).toEqual({
      'GET /api/tags (ofetch)': ['query limit', 'read tags 3:83'],
      'POST /api/users (ofetch)': ['error message 8:28', 'sent name'],
    });
  });

  it("reads Nuxt's auto-imported useFetch (data and error refs), useAsyncData(() => $fetch(...)) and $fetch in a page", () => {
    const page = lines(
      '<script setup lang="ts">',
      'const route = useRoute();',
      'const { data: article, error } = await useFetch(`/api/articles/${route.params.slug}`, { query: { full: 1 } });',
      "const { data: comments } = await useAsyncData('comments', () => $fetch(`/api/articles/${route.params.slug}/comments`));",
      'const title = () => article.value?.title;',
      'const first = () => comments.value?.[0]?.body;',
      'const failed = () => error.value?.data?.reason;',
      "const stats = await $fetch('/api/stats', { method: 'POST', body: { page: 'article' } });",
      'console.log(stats.visits);',
      '</script>',
      '<template><h1>{{ title() }}</h1></template>',
    );
    expect(callsOf(extractUsage([{ path: 'pages/article.vue', text: page }]))).toEqual({
      'GET /api/articles/{} (nuxt-fetch)': ['error reason 7:41', 'query full', 'read title 5:36'],
      'GET /api/articles/{}/comments (ofetch)': ['read [].body 6:42'],
      'POST /api/stats (ofetch)': ['read visits 9:19', 'sent page'],
    });
  });

  it('does not take a local useFetch or $fetch for Nuxt\'s', () => {
    const code = lines(
      'function useFetch(url: string) { return { data: { value: { url } } }; }',
      'const $fetch = (url: string) => Promise.resolve(url);',
      "export const a = () => useFetch('/api/a').data.value.name;",
      "export const b = () => $fetch('/api/b');",
    );
    expect(extractUsage([{ path: 'app/local.ts', text: code }]).calls).toEqual([]);
  });
});
