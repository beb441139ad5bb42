import { extractUsage } from './extract-usage';
import { lines, readsByCall } from './usage.spec-support';

const HOOKS = lines(
  "import { useEffect, useState } from 'react';",
  "import { useQuery } from '@tanstack/react-query';",
  "import axios from 'axios';",
  "import { ref } from 'vue';",
  'export function useUser(id: string) {',
  '  const [user, setUser] = useState<any>(null);',
  '  const [loading, setLoading] = useState(true);',
  '  useEffect(() => { axios.get(`/api/users/${id}`).then((res) => { setUser(res.data); setLoading(false); }); }, [id]);',
  '  return { user, loading };',
  '}',
  "export const usePosts = () => useQuery({ queryKey: ['posts'], queryFn: () => axios.get('/api/posts').then((r) => r.data) });",
  'export function useArticle(slug: string) {',
  '  const article = ref<any>(null);',
  '  const load = async () => { article.value = (await axios.get(`/api/articles/${slug}`)).data.article; };',
  '  return { article, load, tags: axios.get(`/api/tags`).then((r) => r.data.tags) };',
  '}',
);

describe('values returned by custom hooks and composables, read in another module', () => {
  it('reads the members of a returned object (useState values, Vue refs through .value, promises), and the data of a returned query', () => {
    const page = lines(
      "import { useUser, usePosts, useArticle } from './hooks';",
      'export function Page({ id }: { id: string }) {',
      '  const { user } = useUser(id);',
      '  const { data: posts } = usePosts();',
      "  const composable = useArticle('x');",
      '  composable.tags.then((tags) => tags[0].name);',
      '  return <div>{user?.name} {posts?.map((p: any) => p.title)} {composable.article.value?.title}</div>;',
      '}',
    );
    expect(readsByCall(extractUsage([{ path: 'app/hooks.ts', text: HOOKS }, { path: 'app/Page.tsx', text: page }]))).toEqual({
      'GET /api/users/{}': ['name app/Page.tsx:7:22'],
      'GET /api/posts': ['[].title app/Page.tsx:7:54'],
      'GET /api/articles/{}': ['article app/hooks.ts:14:94', 'article.title app/Page.tsx:7:89'],
      'GET /api/tags': ['tags app/Page.tsx:6:14', 'tags app/hooks.ts:15:75', 'tags[].name app/Page.tsx:6:42'],
    });
  });

  it('does not read a member the hook does not return, nor one that holds no response', () => {
    const page = lines(
      "import { useUser } from './hooks';",
      'export function Badge({ id }: { id: string }) {',
      '  const hook = useUser(id);',
      '  return <i>{hook.loading.valueOf()} {(hook as any).profile?.bio}</i>;',
      '}',
    );
    expect(readsByCall(extractUsage([{ path: 'app/hooks.ts', text: HOOKS }, { path: 'app/Badge.tsx', text: page }]))['GET /api/users/{}']).toEqual([]);
  });

  it('reads Pinia stores: what an options store\'s actions store in this, what a setup store returns (its refs unwrapped)', () => {
    const stores = lines(
      "import { defineStore } from 'pinia';",
      "import { ref, computed } from 'vue';",
      "import axios from 'axios';",
      "export const useUserStore = defineStore('user', {",
      '  state: () => ({ user: null as any, posts: [] as any[] }),',
      '  actions: {',
      '    async load(id: string) {',
      '      const { data } = await axios.get(`/api/users/${id}`);',
      '      this.user = data;',
      '    },',
      "    async loadPosts() { this.posts = (await axios.get('/api/posts')).data.items; },",
      '  },',
      '});',
      "export const useCartStore = defineStore('cart', () => {",
      '  const cart = ref<any>(null);',
      "  async function fetchCart() { cart.value = (await axios.get('/api/cart')).data; }",
      '  return { cart, fetchCart };',
      '});',
    );
    const component = lines(
      "import { useUserStore, useCartStore } from '../stores/user';",
      'export function setup() {',
      '  const store = useUserStore();',
      '  const cartStore = useCartStore();',
      '  return { name: () => store.user?.email, first: () => store.posts[0]?.title, items: () => cartStore.cart?.items };',
      '}',
    );
    expect(readsByCall(extractUsage([{ path: 'src/stores/user.ts', text: stores }, { path: 'src/components/Profile.ts', text: component }]))).toEqual({
      'GET /api/users/{}': ['email src/components/Profile.ts:5:36'],
      'GET /api/posts': ['items src/stores/user.ts:11:75', 'items[].title src/components/Profile.ts:5:72'],
      'GET /api/cart': ['items src/components/Profile.ts:5:108'],
    });
  });

  it("does not take another library's defineStore for Pinia's", () => {
    const stores = lines(
      "import { defineStore } from './my-store';",
      "import axios from 'axios';",
      "export const useCartStore = defineStore('cart', () => {",
      '  let cart: any = null;',
      "  axios.get('/api/cart').then((r) => { cart = r.data; });",
      '  return { cart };',
      '});',
    );
    const component = lines("import { useCartStore } from './stores';", 'export const items = () => useCartStore().cart?.items;');
    expect(readsByCall(extractUsage([{ path: 'src/stores.ts', text: stores }, { path: 'src/c.ts', text: component }]))).toEqual({ 'GET /api/cart': [] });
  });
});
