import * as path from 'node:path';
import type { CallSite, FieldUse } from '../model';
import { scanProjectUsage } from '../workspace/scan-consumer';
import { createMemoryUsageCache } from '../workspace/usage-cache';

/**
 * Realistic mini-apps, one per style (packages/core/fixtures/usage/<style>), each scanned as a
 * project with its expected usage asserted exactly: every call with its location (the caller's,
 * when the URL is decided there), the fields it reads, sends and queries, the error-body fields,
 * and what `--explain` lists.
 */
const FIXTURES = path.join(__dirname, '../../fixtures/usage');

const at = (field: FieldUse): string => `${field.path} @${field.location.file.split('/').pop()}:${field.location.line}:${field.location.column}`;

function summarize(call: CallSite) {
  const { method, urlTemplate, client, location } = call;
  return {
    call: `${method} ${urlTemplate} ${client} @${location.file}:${location.line}:${location.column}`,
    ...(call.responseFields.length > 0 ? { reads: call.responseFields.map(at) } : {}),
    ...(call.requestFields.length > 0 ? { sends: call.requestFields.map(at) } : {}),
    ...(call.queryFields?.length ? { query: call.queryFields.map(at) } : {}),
    ...(call.errorResponseFields?.length ? { errors: call.errorResponseFields.map(at) } : {}),
  };
}

function scan(app: string) {
  const usage = scanProjectUsage(FIXTURES, app, undefined, { explain: true });
  return {
    calls: usage.calls.map(summarize),
    explain: (usage.explain ?? []).map((entry) => `${entry.reason} @${entry.location.file}:${entry.location.line}:${entry.location.column}`),
    problems: usage.problems,
  };
}

const expected: Record<string, ReturnType<typeof scan>> = {
  // Angular: an ApiService over HttpClient (URL from an environment file), a UserService over it (two levels), a component using inject(HttpClient), subscribe({ next, error }), pipe(map(...)), params; a templateUrl template reading an observable through `| async; as` and @for
  'angular': {
    calls: [
      {
        call: 'GET /api/teams angular @angular/src/app/users/teams-list.component.ts:8:22',
        reads: ['[].id @teams-list.component.html:3:37', '[].title @teams-list.component.html:4:25', '[].members @teams-list.component.html:4:40'],
        query: ['page @teams-list.component.ts:8:107'],
      },
      {
        call: 'GET /api/users/42 angular @angular/src/app/users/user-profile.component.ts:15:16',
        reads: ['name @user-profile.component.ts:16:44', 'email @user-profile.component.ts:16:58'],
        errors: ['message @user-profile.component.ts:17:47'],
      },
      {
        call: 'GET /api/teams angular @angular/src/app/users/user-profile.component.ts:20:8',
        reads: ['[].title @user-profile.component.ts:21:68'],
        query: ['page @user-profile.component.ts:20:64'],
      },
      {
        call: 'GET /api/users/{} angular @angular/src/app/users/user.service.ts:15:21',
        reads: ['profile.displayName @user.service.ts:15:79'],
      },
      { call: 'PUT /api/users/{} angular @angular/src/app/users/user.service.ts:19:21', sends: ['name @user.service.ts:19:49'] },
    ],
    explain: [
      'wrapper-not-called @angular/src/app/core/api.service.ts:19:22',
      'wrapper-not-called @angular/src/app/core/api.service.ts:23:22',
    ],
    problems: [],
  },
  // React + redux-style agent: superagent behind `requests` and `Articles`/`Comments` objects (two levels, default export), useState setters, .then(responseBody)
  'react-redux': {
    calls: [
      { call: 'GET /api/user superagent @react-redux/src/agent.js:24:27' },
      { call: 'GET /api/articles superagent @react-redux/src/agent.js:31:27' },
      { call: 'GET /api/articles superagent @react-redux/src/agent.js:32:40', query: ['author @agent.js:32:40'] },
      { call: 'DELETE /api/articles/{} superagent @react-redux/src/agent.js:33:27' },
      { call: 'PUT /api/articles/{} superagent @react-redux/src/agent.js:35:33', sends: ['article @agent.js:35:68'] },
      {
        call: 'GET /api/articles/{} superagent @react-redux/src/components/Article.jsx:7:20',
        reads: ['article @Article.jsx:7:61', 'article.title @Article.jsx:12:20', 'article.author.username @Article.jsx:13:26'],
      },
      {
        call: 'GET /api/articles/{}/comments superagent @react-redux/src/components/Article.jsx:21:20',
        reads: ['comments @Article.jsx:21:45', 'comments[].id @Article.jsx:23:52', 'comments[].body @Article.jsx:23:65'],
      },
      { call: 'POST /api/users/login superagent @react-redux/src/components/Login.jsx:6:80', sends: ['user @agent.js:25:63'] },
    ],
    explain: [],
    problems: [],
  },
  // Vue + axios service wrapper: axios.create with an imported base URL (`@/` alias), ApiService.get(resource, slug) → `resource/slug`, ArticlesService over it, try/catch error bodies, ref().value, Vuex commit(TYPE, data) read by its mutation, a <script setup lang="ts"> component whose template reads a ref (calls in markup are not calls), an Options API component (data() assigned in created(), a v-for item, a slot prop shadowing a member, a prop), a component reading a composable's returned ref (template unwrapped, code through .value)
  'vue': {
    calls: [
      { call: 'PUT /api/articles/{} axios @vue/src/common/api.service.js:43:23', sends: ['article @api.service.js:43:50'] },
      {
        call: 'GET /api/articles/{}/comments axios @vue/src/components/CommentList.vue:23:44',
        reads: [
          'comments[].id @CommentList.vue:4:60',
          'comments[].author.image @CommentList.vue:5:33',
          'comments[].body @CommentList.vue:6:18',
          'comments[].id @CommentList.vue:7:38',
          'comments @CommentList.vue:24:26',
          'page @CommentList.vue:25:22',
          'comments[].id @CommentList.vue:29:65',
        ],
      },
      {
        call: 'GET /api/profiles/jake axios @vue/src/components/ProfileCard.vue:10:35',
        reads: ['profile.username @ProfileCard.vue:2:51', 'profile @ProfileCard.vue:11:22', 'profile.bio @ProfileCard.vue:12:34'],
      },
      {
        call: 'GET /api/articles/feed axios @vue/src/composables/useFeed.js:7:44',
        reads: [
          'articles[].slug @FeedList.vue:2:54',
          'articles[].title @FeedList.vue:2:71',
          'articles @FeedList.vue:9:9',
          'articles[].favorited @FeedList.vue:11:33',
          'articles @useFeed.js:8:27',
          'articles[].title @useFeed.js:10:64',
        ],
        query: ['limit @useFeed.js:7:60', 'offset @useFeed.js:7:71'],
      },
      {
        call: 'GET /api/articles/{} axios @vue/src/store/article.module.js:11:44',
        reads: ['article @article.module.js:12:39', 'article.title @article.module.js:13:25'],
      },
      {
        call: 'GET /api/articles/{}/comments axios @vue/src/store/article.module.js:17:46',
        reads: ['comments[].body @article.module.js:18:85'],
        errors: ['errors @article.module.js:20:54'],
      },
      {
        call: 'POST /api/articles axios @vue/src/store/article.module.js:24:28',
        reads: ['article.slug @article.module.js:24:113'],
        sends: ['article @api.service.js:40:42'],
      },
      { call: 'GET /api/profiles/{} axios @vue/src/store/profile.module.js:8:23', reads: ['profile @profile.module.js:8:93', 'profile.username @profile.module.js:18:36'] },
      { call: 'POST /api/profiles/{}/follow axios @vue/src/store/profile.module.js:11:23', reads: ['profile @profile.module.js:11:114', 'profile.following @profile.module.js:20:25'] },
    ],
    explain: ['wrapper-not-called @vue/src/common/api.service.js:26:17'],
    problems: [],
  },
  // SvelteKit server fetch wrapper: send({ method, path }) behind get/del/post in `$lib/api.js`, Promise.all destructuring, JSON.parse(await res.text()); a component whose markup reads a $state variable ({#each} destructured, {#await … then}), a +page.svelte reading the `data` its sibling load returns and passing a part of it to a child component's prop
  'sveltekit': {
    calls: [
      {
        call: 'GET /api/articles/{} fetch @sveltekit/src/routes/article/[slug]/+page.server.js:5:9',
        reads: ['article @+page.server.js:4:12', 'article.title @+page.svelte:9:19'],
      },
      {
        call: 'GET /api/articles/{}/comments fetch @sveltekit/src/routes/article/[slug]/+page.server.js:6:9',
        reads: [
          'comments @+page.server.js:4:25',
          'comments @+page.svelte:10:13',
          'comments[].id @+page.svelte:10:42',
          'comments[].body @+page.svelte:11:15',
          'comments[].author.username @+page.svelte:11:40',
          'comments[].author @+page.svelte:12:27',
          'comments[].author.image @Author.svelte:6:18',
          'comments[].author.username @Author.svelte:6:37',
        ],
      },
      { call: 'DELETE /api/articles/{} fetch @sveltekit/src/routes/article/[slug]/+page.server.js:13:15' },
      { call: 'GET /api/tags fetch @sveltekit/src/routes/article/[slug]/Related.svelte:6:20', reads: ['tags @Related.svelte:18:15'] },
      {
        call: 'GET /api/articles fetch @sveltekit/src/routes/article/[slug]/Related.svelte:9:27',
        reads: ['articles @Related.svelte:9:52', 'articles[].slug @Related.svelte:14:40', 'articles[].slug @Related.svelte:15:22', 'articles[].title @Related.svelte:15:30'],
        query: ['limit @Related.svelte:9:27'],
      },
      {
        call: 'GET /api/user fetch @sveltekit/src/routes/profile/+page.server.js:4:26',
        reads: [
          'user @+page.server.js:7:11',
          'user.username @+page.server.js:8:27',
          'user.bio @+page.server.js:8:47',
          'user.username @+page.server.js:8:89',
        ],
      },
      {
        call: 'GET /api/profiles/{} fetch @sveltekit/src/routes/profile/+page.server.js:8:69',
        reads: ['profile.following @+page.server.js:13:26'],
      },
    ],
    explain: ['wrapper-not-called @sveltekit/src/lib/api.js:35:10'],
    problems: [],
  },
  // Node service: got (extend prefixUrl, searchParams, .json(), error body), undici request + body.json(), ky json body, openapi-fetch { data, error }
  'node-service': {
    calls: [
      {
        call: 'GET /api/products/{} openapi-fetch @node-service/src/clients/catalog.ts:7:40',
        reads: ['name @catalog.ts:9:15'],
        query: ['locale @catalog.ts:7:101'],
        errors: ['message @catalog.ts:8:36'],
      },
      {
        call: 'GET /api/v1/customers/{}/invoices got @node-service/src/report.ts:6:24',
        reads: ['[].total @billing.ts:9:44'],
        query: ['status @billing.ts:7:64', 'limit @billing.ts:7:72'],
      },
      { call: 'GET {}/items/SKU-1/stock undici @node-service/src/report.ts:7:23', reads: ['available @inventory.ts:10:16'] },
      {
        call: 'POST /reservations ky @node-service/src/report.ts:9:9',
        reads: ['expiresAt @inventory.ts:15:22'],
        sends: ['sku @inventory.ts:14:89', 'quantity @inventory.ts:14:94'],
      },
      {
        call: 'POST /api/v1/invoices/inv-9/refunds got @node-service/src/report.ts:10:9',
        sends: ['amount @billing.ts:15:15', 'reason @billing.ts:15:23'],
        errors: ['code @billing.ts:20:41'],
      },
    ],
    explain: [],
    problems: [],
  },
};

describe('usage fixtures', () => {
  it.each(Object.keys(expected))('%s', (app) => {
    expect(scan(app)).toEqual(expected[app]);
  });

  it('gives the same result from a warm cache, and reuses every file summary', () => {
    const cache = createMemoryUsageCache();
    const cold = scanProjectUsage(FIXTURES, 'vue', cache);
    let misses = 0;
    const counting = { get: (key: string) => cache.get(key), set: (key: string, value: Parameters<typeof cache.set>[1]) => (misses++, cache.set(key, value)) };
    expect(scanProjectUsage(FIXTURES, 'vue', counting)).toEqual(cold);
    expect(misses).toBe(0);
  });
});
