import { extractUsage } from './extract-usage';
import { lines, usesByCall } from './usage.spec-support';

describe('SWR', () => {
  it('calls a named fetcher with the key (in another module), and reads data as what it returns', () => {
    const fetcher = "export const fetcher = (url: string) => fetch(url).then((res) => res.json());";
    const component = lines(
      "import useSWR from 'swr';",
      "import useSWRMutation from 'swr/mutation';",
      "import { fetcher } from './fetcher';",
      'async function updateUser(url: string, { arg }: { arg: { name: string } }) {',
      "  return fetch(url, { method: 'PUT', body: JSON.stringify(arg) }).then((r) => r.json());",
      '}',
      'export function Profile({ id }: { id?: string }) {',
      '  const { data } = useSWR(`/api/users/${id}`, fetcher);',
      '  const { data: item } = useSWR(id ? `/api/items/${id}` : null, fetcher);',
      '  const { trigger, data: saved } = useSWRMutation(`/api/users/${id}`, updateUser);',
      "  return <p onClick={() => trigger({ name: 'x' })}>{data.name} {item?.label} {saved?.version}</p>;",
      '}',
    );
    expect(usesByCall(extractUsage([{ path: 'app/fetcher.ts', text: fetcher }, { path: 'app/Profile.tsx', text: component }]))).toEqual({
      'GET /api/users/{} (fetch) at app/Profile.tsx:8:27': ['read name app/Profile.tsx:11:58'],
      'GET /api/items/{} (fetch) at app/Profile.tsx:9:33': ['read label app/Profile.tsx:11:71'],
      'PUT /api/users/{} (fetch) at app/Profile.tsx:10:51': ['read version app/Profile.tsx:11:86'],
    });
  });

  it("takes a key without a fetcher (the app's global one), or with an inline one, for a GET of the key; an array key's URL is its first element", () => {
    const component = lines(
      "import useSWR from 'swr';",
      "import useSWRImmutable from 'swr/immutable';",
      'export function Feed({ token }: { token: string }) {',
      "  const { data: posts } = useSWR('/api/posts');",
      "  const { data: tags } = useSWRImmutable('/api/tags', (url: string) => fetch(url).then((r) => r.json()));",
      "  const { data: me } = useSWR(['/api/me', token], ([url, t]) => fetch(url, { headers: { t } }).then((r) => r.json()));",
      '  return <p>{posts?.map((p: any) => p.title)} {tags?.length} {me?.email}</p>;',
      '}',
    );
    expect(usesByCall(extractUsage([{ path: 'app/Feed.tsx', text: component }]))).toEqual({
      'GET /api/posts (swr) at app/Feed.tsx:4:34': ['read [].title app/Feed.tsx:7:39'],
      'GET /api/tags (swr) at app/Feed.tsx:5:42': [],
      'GET /api/me (swr) at app/Feed.tsx:6:31': ['read email app/Feed.tsx:7:67'],
    });
  });

  it("does not take another module's default export for SWR's hook", () => {
    const component = lines("import useData from './use-data';", "export const title = () => useData('/api/posts').data?.title;");
    expect(extractUsage([{ path: 'app/x.ts', text: component }]).calls).toEqual([]);
  });
});
