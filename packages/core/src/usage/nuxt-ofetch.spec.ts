import { extractUsage } from './extract-usage';
import { lines, usesByCall } from './usage.spec-support';

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
    expect(usesByCall(extractUsage([{ path: 'app/api.ts', text: api }]))).toEqual({
      'GET /api/tags (ofetch) at app/api.ts:3:43': ['query limit', 'read tags app/api.ts:3:83'],
      'POST /api/users (ofetch) at app/api.ts:6:18': ['error message app/api.ts:8:28', 'sent name'],
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
    expect(usesByCall(extractUsage([{ path: 'pages/article.vue', text: page }]))).toEqual({
      'GET /api/articles/{} (nuxt-fetch) at pages/article.vue:3:40': ['error reason pages/article.vue:7:41', 'query full', 'read title pages/article.vue:5:36'],
      'GET /api/articles/{}/comments (ofetch) at pages/article.vue:4:65': ['read [].body pages/article.vue:6:42'],
      'POST /api/stats (ofetch) at pages/article.vue:8:21': ['read visits pages/article.vue:9:19', 'sent page'],
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
