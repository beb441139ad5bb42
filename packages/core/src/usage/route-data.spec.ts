import { extractUsage } from './extract-usage';
import { lines, readsByCall } from './usage.spec-support';

describe('Remix and React Router route data', () => {
  it("reads useLoaderData() as what the module's loader returns (through json()), and useActionData() as the action's", () => {
    const route = lines(
      "import { json, type LoaderFunctionArgs } from '@remix-run/node';",
      "import { useLoaderData, useActionData } from '@remix-run/react';",
      'export async function loader({ params }: LoaderFunctionArgs) {',
      '  const res = await fetch(`https://api.example.com/api/articles/${params.slug}`);',
      '  const { article } = await res.json();',
      '  return json({ article, comments: await fetch(`https://api.example.com/api/articles/${params.slug}/comments`).then((r) => r.json()) });',
      '}',
      'export const action = async () => {',
      "  const res = await fetch('https://api.example.com/api/articles', { method: 'POST' });",
      '  return res.json();',
      '};',
      'export default function Article() {',
      '  const data = useLoaderData<typeof loader>();',
      '  const created = useActionData<typeof action>();',
      '  return <div>{data.article.title} {data.comments.comments.map((c: any) => c.body)} {created?.article?.slug}</div>;',
      '}',
    );
    expect(readsByCall(extractUsage([{ path: 'app/routes/articles.$slug.tsx', text: route }]), { withFile: false })).toEqual({
      'GET /api/articles/{}': ['article 5:11', 'article.title 15:29'],
      'GET /api/articles/{}/comments': ['comments[].body 15:78'],
      'POST /api/articles': ['article.slug 15:104'],
    });
  });

  it("takes nothing from a useLoaderData that is not the router's", () => {
    const route = lines(
      "import { useLoaderData } from './my-hooks';",
      "export async function loader() { return (await fetch('https://api.example.com/api/tags')).json(); }",
      'export default function Tags() { return <p>{useLoaderData().tags}</p>; }',
    );
    expect(readsByCall(extractUsage([{ path: 'app/routes/tags.tsx', text: route }]), { withFile: false })).toEqual({ 'GET /api/tags': [] });
  });

  it("reads a Next.js page's props as what getServerSideProps / getStaticProps return under props", () => {
    const page = lines(
      "import type { GetServerSideProps } from 'next';",
      'export const getServerSideProps: GetServerSideProps = async ({ params }) => {',
      '  const res = await fetch(`https://api.example.com/api/users/${params?.id}`);',
      '  const user = await res.json();',
      '  return { props: { user } };',
      '};',
      'export default function UserPage({ user }: { user: any }) {',
      '  return <h1>{user.name} {user.profile.bio}</h1>;',
      '}',
    );
    const statics = lines(
      'async function getStaticProps() {',
      "  const tags = await fetch('https://api.example.com/api/tags').then((r) => r.json());",
      '  return { props: { tags: tags.tags }, revalidate: 60 };',
      '}',
      'const Tags = (props: any) => <ul>{props.tags.map((t: any) => <li key={t.id}>{t.label}</li>)}</ul>;',
      'export { getStaticProps };',
      'export default Tags;',
    );
    expect(readsByCall(extractUsage([{ path: 'pages/user.tsx', text: page }]), { withFile: false })).toEqual({ 'GET /api/users/{}': ['name 8:20', 'profile.bio 8:40'] });
    expect(readsByCall(extractUsage([{ path: 'pages/tags.tsx', text: statics }]), { withFile: false })).toEqual({ 'GET /api/tags': ['tags 3:32', 'tags[].id 5:73', 'tags[].label 5:80'] });
  });
});
