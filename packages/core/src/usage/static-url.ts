/** Stands for a part of a string the analyzer cannot know. */
export const UNKNOWN = '{}';

/** Every slot of a template: `{}`, `{@0}`, `{@1.url}`, `{$2}`, or a path parameter such as `{id}`. */
const SLOT = /\{[^{}/]*\}/g;

/** The URL template of a call: origin, query and fragment removed, slots turned into `{}`, runs merged. */
export function urlTemplate(url: string): string | undefined {
  // A base URL joined with a parameter slot before the caller's path filled it (`/api/` + `/users`)
  // leaves `//`; the client joins the real values with one `/`, so runs of slashes are merged.
  const path = stripOrigin(url).replace(/[?#].*$/s, '').replace(/\/{2,}/g, '/').replace(SLOT, UNKNOWN).replace(/(\{\})+/g, UNKNOWN);
  if (onlyUnknown(path)) return undefined;
  return path === '' ? '/' : path;
}

/** The names of the query parameters written in a URL (`/a?page=1&size={}` → page, size). */
export function queryNames(url: string): string[] {
  const query = /\?([^#]*)/s.exec(url)?.[1];
  if (!query) return [];
  return query
    .split('&')
    .map((pair) => pair.split('=')[0])
    .filter((name) => name !== '' && !name.includes('{'));
}

/** Whether a URL names its origin (`https://host/...`, `//host/...`); axios ignores `baseURL` for those. */
export function isAbsoluteUrl(url: string): boolean {
  return ORIGIN.test(url);
}

/** `baseURL` + `url` as axios joins them: exactly one `/` between the two. */
export function joinUrl(base: string, url: string): string {
  if (base === '' || isAbsoluteUrl(url)) return url;
  if (url === '') return base;
  return `${base.replace(/\/+$/, '')}/${url.replace(/^\/+/, '')}`;
}

const ORIGIN = /^([a-z][a-z\d+.-]*:)?\/\/[^/?#]*/i;

function stripOrigin(url: string): string {
  return url.replace(ORIGIN, '');
}

/** True when a text is nothing but unknown parts. */
export function onlyUnknown(text: string): boolean {
  return text !== '' && text.replace(SLOT, '') === '';
}
