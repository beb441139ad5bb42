import { extractUsage } from './extract-usage';
import { lines, readsByCall } from './usage.spec-support';

const HEADER = [
  "import { Component, inject } from '@angular/core';",
  "import { HttpClient } from '@angular/common/http';",
  "import { AsyncPipe, DatePipe } from '@angular/common';",
];

describe('Angular component templates', () => {
  it('reads an inline template: interpolations, bindings, pipes, safe navigation, at their place in the .ts file', () => {
    const component = lines(
      ...HEADER,
      '@Component({',
      "  selector: 'app-article',",
      '  template: `<h1>{{ article.title }}</h1>',
      '    <img [src]="article.author?.image" />',
      '    <p>{{ article.createdAt | date }} {{ article.body.length }}</p>`,',
      '})',
      'export class ArticleComponent {',
      '  private http = inject(HttpClient);',
      '  article!: { title: string };',
      '  load(slug: string) {',
      '    this.http.get<any>(`/api/articles/${slug}`).subscribe((data) => (this.article = data.article));',
      '  }',
      '}',
    );
    expect(readsByCall(extractUsage([{ path: 'app/article.component.ts', text: component }]))).toEqual({
      'GET /api/articles/{}': [
        'article app/article.component.ts:14:90',
        'article.author.image app/article.component.ts:7:33',
        'article.body app/article.component.ts:8:50',
        'article.createdAt app/article.component.ts:8:19',
        'article.title app/article.component.ts:6:29',
      ],
    });
  });

  it('reads a templateUrl file beside the component, with ngFor, @for and their loop variables', () => {
    const component = lines(
      ...HEADER,
      "@Component({ selector: 'app-list', templateUrl: './list.component.html' })",
      'export class ListComponent {',
      '  private http = inject(HttpClient);',
      '  articles: any[] = [];',
      '  ngOnInit() {',
      "    this.http.get<any>('/api/articles').subscribe((res) => { this.articles = res.articles; });",
      '  }',
      '}',
    );
    const template = lines(
      '<div *ngFor="let a of articles; trackBy: bySlug">{{ a.slug }}</div>',
      '@for (item of articles; track item.slug) {',
      '  <a [routerLink]="[\'/article\', item.slug]">{{ item.author.username }}</a>',
      '  @for (tag of item.tagList; track tag) { <li>{{ tag }}</li> }',
      '} @empty { none }',
    );
    const usage = extractUsage([
      { path: 'src/app/list.component.ts', text: component },
      { path: 'src/app/list.component.html', text: template },
    ]);
    expect(readsByCall(usage)).toEqual({
      'GET /api/articles': [
        'articles src/app/list.component.ts:9:82',
        'articles[].author.username src/app/list.component.html:3:60',
        'articles[].slug src/app/list.component.html:1:55',
        'articles[].slug src/app/list.component.html:2:36',
        'articles[].slug src/app/list.component.html:3:38',
        'articles[].tagList src/app/list.component.html:4:21',
      ],
    });
  });

  it('follows an observable through the async pipe and its `as` alias (*ngIf and @if)', () => {
    const component = lines(
      ...HEADER,
      '@Component({',
      '  template: `<div *ngIf="profile$ | async as profile">{{ profile.bio }}</div>',
      '    @if (user$ | async; as user) { <b>{{ user.name }}</b> } @else if (user$ | date; as other) { {{ other.x }} }`,',
      '})',
      'export class ProfileComponent {',
      '  private http = inject(HttpClient);',
      "  profile$ = this.http.get<any>('/api/profile');",
      "  user$ = this.http.get<any>('/api/user');",
      '}',
    );
    expect(readsByCall(extractUsage([{ path: 'profile.component.ts', text: component }]))).toEqual({
      'GET /api/profile': ['bio profile.component.ts:5:66'],
      'GET /api/user': ['name profile.component.ts:6:47'],
    });
  });

  it('reads through an async pipe in parentheses: `(x$ | async) as y`, `(x$ | async)?.name`, `@let`; another pipe there makes something else', () => {
    const component = lines(
      ...HEADER,
      '@Component({',
      '  template: `<p *ngIf="(team$ | async) as team">{{ team.name }} {{ (team$ | async)?.size }} {{ (team$ | keys)?.length }}</p>',
      '    @let lead = (team$ | async)?.lead; @let keys = team$ | keys; {{ lead.email }} {{ keys.first }}`,',
      '})',
      'export class TeamComponent {',
      "  team$ = inject(HttpClient).get<any>('/api/team');",
      '}',
    );
    expect(readsByCall(extractUsage([{ path: 'team.component.ts', text: component }]))).toEqual({
      'GET /api/team': ['lead team.component.ts:6:34', 'lead.email team.component.ts:6:74', 'name team.component.ts:5:57', 'size team.component.ts:5:85'],
    });
  });

  it('does not attribute reads of a member assigned from two responses, nor of an alias that shadows a member', () => {
    const component = lines(
      ...HEADER,
      '@Component({',
      '  template: `{{ item.name }} {{ current.id }} @for (current of list; track $index) { {{ current.id }} }`,',
      '})',
      'export class ItemComponent {',
      '  private http = inject(HttpClient);',
      '  item: any;',
      '  current: any;',
      '  list: any[] = [];',
      '  byId(id: string) {',
      '    this.http.get<any>(`/api/items/${id}`).subscribe((found) => (this.item = found));',
      '  }',
      '  latest() {',
      "    this.http.get<any>('/api/items/latest').subscribe((found) => (this.item = found));",
      "    this.http.get<any>('/api/current').subscribe((found) => (this.current = found));",
      '  }',
      '}',
    );
    expect(readsByCall(extractUsage([{ path: 'item.component.ts', text: component }]))).toEqual({
      'GET /api/current': [],
      'GET /api/items/{}': [],
      'GET /api/items/latest': [],
    });
  });

  it('does not take #ref, ref- and <ng-template let-x> variables for the members they shadow', () => {
    const component = lines(
      ...HEADER,
      '@Component({',
      "  selector: 'app-user',",
      '  template: `<input #user /><button (click)="search(user.value)">Go</button>',
      '    <ng-template #row let-article><td>{{ article.headline }}</td></ng-template>`,',
      '})',
      'export class UserComponent {',
      '  private http = inject(HttpClient);',
      '  user: any;',
      '  article: any;',
      "  ngOnInit() { this.http.get<any>('/api/users/me').subscribe((u) => (this.user = u)); this.http.get<any>('/api/articles/1').subscribe((a) => (this.article = a)); }",
      '  search(text: string) {}',
      '}',
    );
    const reads = readsByCall(extractUsage([{ path: 'app/user.component.ts', text: component }]));
    expect(JSON.stringify(reads)).not.toContain('value');
    expect(JSON.stringify(reads)).not.toContain('headline');
  });

  it('reads object literals of [ngClass], event handler statements; not commented-out markup', () => {
    const component = lines(
      ...HEADER,
      '@Component({',
      '  template: `<a [ngClass]="{ active: tag.featured }" (click)="open(tag.slug); seen = tag.views">x</a>',
      '    <!-- {{ tag.legacy }} -->`,',
      '})',
      'export class TagComponent {',
      '  private http = inject(HttpClient);',
      "  tag = this.http.get<any>('/api/tag');",
      '  seen = 0;',
      '  open(slug: string) {}',
      '}',
    );
    expect(readsByCall(extractUsage([{ path: 'tag.component.ts', text: component }]))).toEqual({
      'GET /api/tag': ['featured tag.component.ts:5:42', 'slug tag.component.ts:5:72', 'views tag.component.ts:5:90'],
    });
  });

  it('skips a binding that does not parse and still reads the others; a missing templateUrl file reads nothing', () => {
    const component = lines(
      ...HEADER,
      '@Component({ template: `{{ article.( }} {{ article.title }}` })',
      'export class A {',
      '  private http = inject(HttpClient);',
      '  article: any;',
      "  ngOnInit() { this.http.get<any>('/api/a').subscribe((a) => (this.article = a)); }",
      '}',
      "@Component({ templateUrl: './missing.html' })",
      'export class B {',
      '  private http = inject(HttpClient);',
      '  article: any;',
      "  ngOnInit() { this.http.get<any>('/api/b').subscribe((b) => (this.article = b)); }",
      '}',
    );
    const usage = extractUsage([{ path: 'two.component.ts', text: component }]);
    expect(readsByCall(usage)).toEqual({ 'GET /api/a': ['title two.component.ts:4:52'], 'GET /api/b': [] });
    expect(usage.problems).toEqual([]);
  });
});
