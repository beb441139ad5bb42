import { extractUsage } from './extract-usage';
import { lines, readsByCall } from './usage.spec-support';

const scan = (text: string) => readsByCall(extractUsage([{ path: 'app/component.ts', text }]), { withFile: false });

describe('Angular signals', () => {
  it('follows toSignal(): the signal read in code and in the template (`user()?.email`, `@if (user(); as u)`)', () => {
    const component = lines(
      "import { Component, inject } from '@angular/core';",
      "import { HttpClient } from '@angular/common/http';",
      "import { toSignal } from '@angular/core/rxjs-interop';",
      '@Component({',
      "  selector: 'app-user',",
      '  template: `@if (user(); as u) { <h1>{{ u.name }}</h1> } <p>{{ user()?.email }}</p>`,',
      '})',
      'export class UserComponent {',
      '  private http = inject(HttpClient);',
      "  user = toSignal(this.http.get<any>('/api/users/me'));",
      '  label() { return this.user()?.id; }',
      '}',
    );
    expect(scan(component)).toEqual({ 'GET /api/users/me': ['email 6:73', 'id 11:33', 'name 6:44'] });
  });

  it('follows signal() filled by .set() and computed() signals derived from it, with @for over a signal', () => {
    const component = lines(
      "import { Component, inject, signal, computed } from '@angular/core';",
      "import { HttpClient } from '@angular/common/http';",
      '@Component({',
      "  selector: 'app-articles',",
      '  template: `@for (article of articles(); track article.slug) { <h2>{{ article.title }}</h2> }',
      '    <span>{{ first()?.author?.username }}</span> <p>{{ count() }}</p> <button (click)="load()">reload</button>`,',
      '})',
      'export class ArticlesComponent {',
      '  private http = inject(HttpClient);',
      '  articles = signal<any[]>([]);',
      '  first = computed(() => this.articles()[0]);',
      '  count = computed(() => this.articles().length);',
      "  load() { this.http.get<any>('/api/articles').subscribe((res) => this.articles.set(res.articles)); }",
      '}',
    );
    expect(scan(component)).toEqual({
      'GET /api/articles': ['articles 13:89', 'articles[].author.username 6:31', 'articles[].slug 5:57', 'articles[].title 5:80'],
    });
  });

  it('follows a signal held in a local constant', () => {
    const code = lines(
      "import { inject, signal } from '@angular/core';",
      "import { HttpClient } from '@angular/common/http';",
      'export function loadProfile() {',
      '  const http = inject(HttpClient);',
      '  const profile = signal<any>(null);',
      "  http.get<any>('/api/profile').subscribe((p) => profile.set(p));",
      '  return () => profile()?.bio;',
      '}',
    );
    expect(scan(code)).toEqual({ 'GET /api/profile': ['bio 7:27'] });
  });

  it('reads nothing through a member that is not a signal when called, nor through a signal that is not called', () => {
    const component = lines(
      "import { Component, inject, signal } from '@angular/core';",
      "import { HttpClient } from '@angular/common/http';",
      '@Component({',
      "  selector: 'app-x',",
      // `user.name` on the signal itself is the function's own `name`, not the response's.
      '  template: `<p>{{ user.name }}</p> <p>{{ article().title }}</p>`,',
      '})',
      'export class XComponent {',
      '  private http = inject(HttpClient);',
      '  user = signal<any>(null);',
      '  article: any;',
      "  load() { this.http.get<any>('/api/users/me').subscribe((u) => this.user.set(u)); this.http.get<any>('/api/articles/1').subscribe((a) => (this.article = a)); }",
      '}',
    );
    expect(scan(component)).toEqual({ 'GET /api/users/me': [], 'GET /api/articles/1': [] });
  });

  it("does not take Vue's computed() or another package's signal() for Angular's", () => {
    const code = lines(
      "import { computed, ref } from 'vue';",
      "import axios from 'axios';",
      'const article = ref<any>(null);',
      "axios.get('/api/articles/1').then((res) => { article.value = res.data; });",
      'const title = computed(() => article.value?.title);',
      'export const shown = () => title.value;',
    );
    expect(scan(code)).toEqual({ 'GET /api/articles/1': ['title 5:45'] });
  });

  it('finds httpResource() calls (URL or request object) and reads value() and error() in code and templates', () => {
    const component = lines(
      "import { Component, input } from '@angular/core';",
      "import { httpResource } from '@angular/common/http';",
      '@Component({',
      "  selector: 'app-user',",
      '  template: `@if (user.hasValue()) { <h1>{{ user.value().name }}</h1> } <p>{{ user.error()?.error?.message }}</p>`,',
      '})',
      'export class UserComponent {',
      '  id = input.required<string>();',
      '  user = httpResource<any>(() => `/api/users/${this.id()}`);',
      "  created = httpResource<any>(() => ({ url: '/api/articles', method: 'POST', body: { title: 'x' }, params: { draft: true } }));",
      '  email() { return this.user.value()?.email; }',
      '  slug() { return this.created.value()?.article?.slug; }',
      '}',
    );
    const usage = extractUsage([{ path: 'app/component.ts', text: component }]);
    expect(readsByCall(usage, { withFile: false })).toEqual({ 'GET /api/users/{}': ['email 11:39', 'name 5:58'], 'POST /api/articles': ['article.slug 12:50'] });
    const byUrl = Object.fromEntries(usage.calls.map((call) => [call.urlTemplate, call]));
    expect(byUrl['/api/users/{}'].client).toBe('angular-resource');
    expect(byUrl['/api/users/{}'].errorResponseFields?.map((field) => field.path)).toEqual(['message']);
    expect(byUrl['/api/articles'].requestFields.map((field) => field.path)).toEqual(['title']);
    expect(byUrl['/api/articles'].queryFields?.map((field) => field.path)).toEqual(['draft']);
  });

  it('reads what rxResource() streams and resource() loads, through value()', () => {
    const component = lines(
      "import { Component, inject, input, resource } from '@angular/core';",
      "import { HttpClient } from '@angular/common/http';",
      "import { rxResource } from '@angular/core/rxjs-interop';",
      '@Component({',
      "  selector: 'app-feed',",
      '  template: `<p>{{ feed.value()?.articles?.[0]?.title }}</p> <p>{{ tags.value()?.tags }}</p>`,',
      '})',
      'export class FeedComponent {',
      '  private http = inject(HttpClient);',
      '  id = input.required<string>();',
      '  feed = rxResource({ params: () => this.id(), stream: ({ params }) => this.http.get<any>(`/api/feed/${params}`) });',
      "  tags = resource({ loader: async () => { const res = await fetch('/api/tags'); return res.json(); } });",
      '  count() { return this.feed.value()?.articlesCount; }',
      '}',
    );
    expect(scan(component)).toEqual({ 'GET /api/feed/{}': ['articlesCount 13:39', 'articles[].title 6:49'], 'GET /api/tags': ['tags 6:82'] });
  });

  it('reads what firstValueFrom() and lastValueFrom() of an HttpClient call resolve to (imported from rxjs)', () => {
    const service = lines(
      "import { Injectable, inject } from '@angular/core';",
      "import { HttpClient } from '@angular/common/http';",
      "import { firstValueFrom, lastValueFrom } from 'rxjs';",
      '@Injectable()',
      'export class Api {',
      '  private http = inject(HttpClient);',
      "  async me() { const u = await firstValueFrom(this.http.get<any>('/api/me')); return u.name; }",
      "  async tags() { return (await lastValueFrom(this.http.get<any>('/api/tags'))).tags; }",
      '}',
    );
    expect(scan(service)).toEqual({ 'GET /api/me': ['name 7:88'], 'GET /api/tags': ['tags 8:80'] });
  });
});
