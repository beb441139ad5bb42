import { lines, readsOfFile as scan, readsOfFiles } from './usage.spec-support';

describe('Vue component templates', () => {
  it('reads <script setup> refs, reactive objects and computed values in interpolations, bindings and directives, at their place in the .vue file', () => {
    const component = lines(
      '<template>',
      '  <h1 v-if="article.title">{{ article.title }}</h1>',
      '  <img :src="article.author.image" v-bind:alt="article.author.username" />',
      '  <p v-show="profile.bio" v-text="profile.bio"></p>',
      '  <div v-html="article.body"></div>',
      '  <span v-else-if="count.total > 0">{{ count.total }}</span>',
      '  <!-- {{ article.removed }} -->',
      '</template>',
      '',
      '<script setup lang="ts">',
      "import { computed, reactive, ref } from 'vue';",
      "import axios from 'axios';",
      'const article = ref<any>(null);',
      'const profile = reactive(await axios.get(`/api/profiles/me`).then((res) => res.data.profile));',
      "axios.get('/api/articles/1').then(({ data }) => { article.value = data.article; });",
      "const stats = await axios.get('/api/stats');",
      'const count = computed(() => stats.data.count);',
      '</script>',
    );
    expect(scan('src/Article.vue', component)).toEqual({
      'GET /api/articles/1': [
        'article src/Article.vue:15:72',
        'article.author.image src/Article.vue:3:29',
        'article.author.username src/Article.vue:3:63',
        'article.body src/Article.vue:5:24',
        'article.title src/Article.vue:2:21',
        'article.title src/Article.vue:2:39',
      ],
      'GET /api/profiles/me': ['profile src/Article.vue:14:85', 'profile.bio src/Article.vue:4:22', 'profile.bio src/Article.vue:4:43'],
      'GET /api/stats': ['count src/Article.vue:17:41', 'count.total src/Article.vue:6:26', 'count.total src/Article.vue:6:46'],
    });
  });

  it('reads a v-for item as an element of its list, destructured items as its fields; the index and slot props shadow members', () => {
    const component = lines(
      '<template>',
      '  <div v-for="(item, index) in articles" :key="item.slug">{{ item.author.username }} {{ index.name }}</div>',
      '  <p v-for="{ title, author: writer } of articles">{{ title }} {{ writer.bio }}</p>',
      '  <List v-slot="{ tags }"><b>{{ tags.first }}</b></List>',
      '  <Row #row="slotted">{{ slotted.name }}</Row>',
      '  <button @click="(tags) => remove(tags.id)" @focus="select(articles[0].slug)">x</button>',
      '</template>',
      '<script setup>',
      "import { ref } from 'vue';",
      'const articles = ref([]);',
      'const tags = ref([]);',
      'const index = ref();',
      'const slotted = ref();',
      'async function load() {',
      "  const res = await fetch('/api/articles');",
      '  const body = await res.json();',
      '  articles.value = body.articles;',
      '  tags.value = body.tags;',
      '  index.value = body.index;',
      '  slotted.value = body.slotted;',
      '}',
      '</script>',
    );
    expect(scan('src/List.vue', component)).toEqual({
      'GET /api/articles': [
        'articles src/List.vue:17:25',
        'articles[].author.bio src/List.vue:3:74',
        'articles[].author.username src/List.vue:2:74',
        'articles[].slug src/List.vue:2:53',
        'articles[].slug src/List.vue:6:73',
        'articles[].title src/List.vue:3:55',
        'index src/List.vue:19:22',
        'slotted src/List.vue:20:24',
        'tags src/List.vue:18:21',
      ],
    });
  });

  it('reads Options API members: data() assigned from a response in methods, computed values; props and methods hold nothing', () => {
    const component = lines(
      '<template>',
      '  <div>',
      '    <h2>{{ user.name }} {{ first.title }}</h2>',
      '    <p>{{ title.text }} {{ loading.state }}</p>',
      '    <i v-for="a in articles">{{ a.slug }}</i>',
      '  </div>',
      '</template>',
      '<script>',
      "import axios from 'axios';",
      'export default {',
      "  props: ['title'],",
      '  data() {',
      '    return { user: {}, articles: [], loading: false };',
      '  },',
      '  computed: {',
      '    first() { return this.articles[0]; },',
      '  },',
      '  async created() {',
      "    const { data } = await axios.get('/api/me');",
      '    this.user = data.user;',
      '    this.articles = data.articles;',
      '  },',
      '};',
      '</script>',
    );
    expect(scan('src/Me.vue', component)).toEqual({
      'GET /api/me': [
        'articles src/Me.vue:21:26',
        'articles[].slug src/Me.vue:5:35',
        'articles[].title src/Me.vue:3:34',
        'user src/Me.vue:20:22',
        'user.name src/Me.vue:3:17',
      ],
    });
  });

  it('reads nothing of a member assigned from two different responses, nor of names the script does not give the template', () => {
    const component = lines(
      '<template>',
      '  <p>{{ item.name }} {{ other.name }} {{ $route.params.id }}</p>',
      '</template>',
      '<script setup>',
      "import { ref } from 'vue';",
      'const item = ref();',
      "fetch('/api/a').then((r) => r.json()).then((a) => { item.value = a; });",
      "fetch('/api/b').then((r) => r.json()).then((b) => { item.value = b; });",
      '</script>',
    );
    expect(scan('src/Two.vue', component)).toEqual({ 'GET /api/a': [], 'GET /api/b': [] });
  });

  it("reads a composable's returned refs: unwrapped in the template, through .value in code; a returned parameter is not the composable's response", () => {
    const composable = lines(
      "import { ref } from 'vue';",
      'export function useProfile(initial) {',
      '  const profile = ref(null);',
      "  fetch('/api/profile').then((r) => r.json()).then((body) => { profile.value = body.profile; });",
      '  return { profile, initial };',
      '}',
    );
    const component = lines(
      '<template><p>{{ profile.bio }} {{ initial.name }}</p></template>',
      '<script setup>',
      "import { useProfile } from './useProfile';",
      'const { profile, initial } = useProfile({ name: 1 });',
      'const image = profile.value.image;',
      '</script>',
    );
    const reads = readsOfFiles({
      'src/useProfile.js': composable,
      'src/Profile.vue': component,
    });
    expect(reads).toEqual({
      'GET /api/profile': [
        'profile src/Profile.vue:4:9',
        'profile src/useProfile.js:4:85',
        'profile.bio src/Profile.vue:1:25',
        'profile.image src/Profile.vue:5:29',
      ],
    });
  });

  it("reads a child component's props (defineProps, toRefs, Options API props) as what the parent binds, kebab-case tags and props included", () => {
    const parent = lines(
      '<template>',
      '  <ArticleMeta :article="article" />',
      '  <author-card v-for="c in article.comments" :comment-author="c.author" :key="c.id" />',
      '</template>',
      '<script setup>',
      "import ArticleMeta from './ArticleMeta.vue';",
      "import AuthorCard from './AuthorCard.vue';",
      "const { data: { article } } = await axios.get('/api/article');",
      "import axios from 'axios';",
      '</script>',
    );
    const meta = lines(
      '<template><p>{{ article.title }} {{ props.article.slug }}</p></template>',
      '<script setup lang="ts">',
      "import { toRefs } from 'vue';",
      'interface Props { article: { title: string } }',
      'const props = defineProps<Props>();',
      'const { article } = toRefs(props);',
      '</script>',
    );
    const card = lines('<template><b>{{ commentAuthor.name }}</b></template>', '<script>', "export default { props: ['commentAuthor'] };", '</script>');
    const reads = readsOfFiles({
      'src/Parent.vue': parent,
      'src/ArticleMeta.vue': meta,
      'src/AuthorCard.vue': card,
    });
    expect(reads).toEqual({
      'GET /api/article': [
        'article src/Parent.vue:8:17',
        'article.comments src/Parent.vue:3:36',
        'article.comments[].author src/Parent.vue:3:65',
        'article.comments[].author.name src/AuthorCard.vue:1:31',
        'article.comments[].id src/Parent.vue:3:81',
        'article.slug src/ArticleMeta.vue:1:51',
        'article.title src/ArticleMeta.vue:1:25',
      ],
    });
  });
});
