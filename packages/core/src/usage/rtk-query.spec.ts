import { extractUsage } from './extract-usage';
import { lines, usesByCall } from './usage.spec-support';

const API = lines(
  "import { createApi, fetchBaseQuery } from '@reduxjs/toolkit/query/react';",
  'export const api = createApi({',
  "  reducerPath: 'api',",
  "  baseQuery: fetchBaseQuery({ baseUrl: '/api' }),",
  '  endpoints: (builder) => ({',
  '    getUser: builder.query<User, string>({ query: (id) => `users/${id}` }),',
  "    listPosts: builder.query<Post[], void>({ query: () => '/posts' }),",
  '    search: builder.query<Post[], string>({',
  '      query(term) {',
  "        return { url: 'posts/search', params: { q: term } };",
  '      },',
  '    }),',
  "    createPost: builder.mutation<Post, Post>({ query: (post) => ({ url: 'posts', method: 'POST', body: { title: post.title, body: post.body } }) }),",
  '  }),',
  '});',
  'export const { useGetUserQuery, useListPostsQuery, useSearchQuery, useCreatePostMutation } = api;',
);

describe('Redux Toolkit Query', () => {
  it("makes each endpoint's query a request under fetchBaseQuery's baseUrl; a hook's data is the body, read in another module", () => {
    const component = lines(
      "import { api, useGetUserQuery, useListPostsQuery, useSearchQuery } from './api';",
      'export function User({ id }: { id: string }) {',
      '  const { data: user, error } = useGetUserQuery(id);',
      '  const { data: posts } = useListPostsQuery();',
      "  const found = api.endpoints.search.useQuery('rtk');",
      '  return <div>{user?.name} {posts?.map((p) => p.title)} {found.data?.length} {(error as any)?.data?.message}</div>;',
      '}',
    );
    expect(usesByCall(extractUsage([{ path: 'app/api.ts', text: API }, { path: 'app/User.tsx', text: component }]))).toEqual({
      'GET /api/users/{} (rtk-query) at app/User.tsx:3:33': ['error message app/User.tsx:6:101', 'read name app/User.tsx:6:22'],
      'GET /api/posts (rtk-query) at app/api.ts:7:53': ['read [].title app/User.tsx:6:49'],
      'GET /api/posts/search (rtk-query) at app/api.ts:9:7': ['query q'],
      'POST /api/posts (rtk-query) at app/api.ts:13:55': ['sent body', 'sent title'],
    });
  });

  it('follows endpoints injected into an api made elsewhere (base unknown), and ignores a createApi that is not RTK\'s', () => {
    const injected = lines(
      "import { baseApi } from './base';",
      'const userApi = baseApi.injectEndpoints({',
      '  endpoints: (build) => ({ me: build.query<User, void>({ query: () => ({ url: `users/me` }) }) }),',
      '});',
      'export const { useMeQuery } = userApi;',
    );
    const other = lines(
      "import { createApi } from './my-api';",
      "export const api = createApi({ endpoints: (builder) => ({ x: builder.query({ query: () => '/x' }) }) });",
    );
    const page = lines("import { useMeQuery } from './user-api';", 'export const Me = () => <p>{useMeQuery().data?.email}</p>;');
    expect(usesByCall(extractUsage([{ path: 'app/user-api.ts', text: injected }, { path: 'app/other.ts', text: other }, { path: 'app/Me.tsx', text: page }]))).toEqual({
      'GET {}/users/me (rtk-query) at app/user-api.ts:3:65': ['read email app/Me.tsx:2:48'],
    });
  });
});
