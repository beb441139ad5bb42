import { lines, readsOfFile as scan, readsOfFiles } from './usage.spec-support';

describe('Svelte component markup', () => {
  it('reads script variables in {expressions}, attribute values, blocks and directives, at their place in the .svelte file', () => {
    const component = lines(
      '<script>',
      "  import { onMount } from 'svelte';",
      '  let article;',
      '  let profile = $state();',
      '  onMount(async () => {',
      "    const res = await fetch('/api/article');",
      '    article = (await res.json()).article;',
      "    profile = await (await fetch('/api/me')).json();",
      '  });',
      '</script>',
      '',
      '<h1 class:done={article.done}>{article.title}</h1>',
      '<a href="/profile/@{article.author.username}" title={profile.name}>{@html article.body}</a>',
      '{#if profile.bio}<p>{profile.bio}</p>{:else if article.draft}draft{/if}',
      '<input bind:value={profile.email} />',
      '<!-- {article.hidden} -->',
      '<style>p { color: red; }</style>',
    );
    expect(scan('src/Article.svelte', component)).toEqual({
      'GET /api/article': [
        'article src/Article.svelte:7:34',
        'article.author.username src/Article.svelte:13:36',
        'article.body src/Article.svelte:13:83',
        'article.done src/Article.svelte:12:25',
        'article.draft src/Article.svelte:14:56',
        'article.title src/Article.svelte:12:40',
      ],
      // `profile` is the whole body.
      'GET /api/me': ['bio src/Article.svelte:14:14', 'bio src/Article.svelte:14:30', 'email src/Article.svelte:15:28', 'name src/Article.svelte:13:62'],
    });
  });

  it('reads {#each} items as elements (their fields when destructured), {#await … then v} as the resolved value, {@const}; index, catch, snippet and let: names shadow', () => {
    const component = lines(
      '<script>',
      "  const feed = fetch('/api/feed').then((r) => r.json());",
      '  let items = [];',
      '  let i;',
      '  let error;',
      "  fetch('/api/items').then((r) => r.json()).then((body) => { items = body.items; i = body.meta; error = body.meta; });",
      '</script>',
      '{#each items as item, i (item.id)}<b>{item.name} {i.count}</b>{/each}',
      '{#each items as { title, tags: labels }}{title} {labels.length} {labels[0].name}{/each}',
      '{#await feed}…{:then page}{page.total}{:catch error}{error.message}{/await}',
      '{#await feed then result}{#each result.articles as a}{@const author = a.author}{author.name}{/each}{/await}',
      '{#snippet row(i)}{i.size}{/snippet}',
      '<List let:error>{error.code}</List>',
      '<button on:click={(item) => pick(item.id)} onclick={() => pick(items[0].id)}>x</button>',
    );
    expect(scan('src/Feed.svelte', component)).toEqual({
      'GET /api/feed': ['articles src/Feed.svelte:11:40', 'articles[].author src/Feed.svelte:11:73', 'articles[].author.name src/Feed.svelte:11:88', 'total src/Feed.svelte:10:33'],
      'GET /api/items': [
        'items src/Feed.svelte:6:75',
        'items[].id src/Feed.svelte:14:73',
        'items[].id src/Feed.svelte:8:31',
        'items[].name src/Feed.svelte:8:44',
        'items[].tags src/Feed.svelte:9:50',
        'items[].tags[].name src/Feed.svelte:9:76',
        'items[].title src/Feed.svelte:9:42',
        'meta src/Feed.svelte:6:110',
        'meta src/Feed.svelte:6:91',
      ],
    });
  });

  it('reads nothing of props no parent passes a response to, store subscriptions, nor a variable a block declares again', () => {
    const component = lines(
      '<script>',
      "  import { page } from '$app/stores';",
      '  export let user;',
      '  const { others } = $props();',
      "  const article = await (await fetch('/api/article')).json();",
      '</script>',
      '<p>{user.name} {others.title} {$page.data.user}</p>',
      '{#each others as article}{article.title}{/each}',
    );
    expect(scan('src/Props.svelte', component)).toEqual({ 'GET /api/article': [] });
  });

  it('reads the data of a SvelteKit +page.svelte as what the sibling load returns (+page.js or +page.server.js); a component elsewhere named data gets nothing', () => {
    const load = lines(
      'export async function load({ params }) {',
      '  const res = await fetch(`/api/articles/${params.slug}`);',
      '  const { article } = await res.json();',
      "  return { article, slug: params.slug, tags: ['a'] };",
      '}',
    );
    const page = lines('<script>', '  export let data;', '</script>', '<h1>{data.article.title}</h1><p>{data.slug.length} {data.tags.first}</p>');
    const reads = readsOfFiles({
      'src/routes/[slug]/+page.js': load,
      'src/routes/[slug]/+page.svelte': page,
      'src/routes/[slug]/Card.svelte': page,
    });
    expect(reads).toEqual({
      'GET /api/articles/{}': ['article src/routes/[slug]/+page.js:3:11', 'article.title src/routes/[slug]/+page.svelte:4:19'],
    });
  });

  it("reads a child component's props as what the parent's markup passes, through several components; spread and event props are not props", () => {
    const page = lines(
      '<script>',
      "  import List from './List.svelte';",
      "  const feed = await (await fetch('/api/feed')).json();",
      '</script>',
      '<List items={feed.articles} title="{feed.title}" on:pick={(e) => e.id} {...feed} />',
    );
    const list = lines(
      '<script>',
      "  import Card from './Card.svelte';",
      '  const { items, title } = $props();',
      '</script>',
      '<h2>{title.text}</h2>',
      '{#each items as item (item.id)}<Card {item} />{/each}',
    );
    const card = lines('<script>', '  export let item;', '</script>', '<p>{item.author.name}</p>');
    const reads = readsOfFiles({
      'src/Page.svelte': page,
      'src/List.svelte': list,
      'src/Card.svelte': card,
    });
    expect(reads).toEqual({
      'GET /api/feed': [
        'articles src/Page.svelte:5:19',
        'articles[].author.name src/Card.svelte:4:17',
        'articles[].id src/List.svelte:6:28',
        'title src/Page.svelte:5:42',
        'title.text src/List.svelte:5:12',
      ],
    });
  });
});
