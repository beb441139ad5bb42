/**
 * Steps a tracked value's path may hold that stand for something a library wraps around what was
 * loaded, and the step that unwraps each. The summariser appends steps one by one; the linker
 * appends the steps a caller reads to what a callee returned (`useUser(id).data.name`, where
 * `useUser` returns a TanStack query made in another module): both go through `appendStep`.
 */

/** A TanStack query (or SWR) result: its `data` is what was loaded. */
export const QUERY_STEP = '()query';
/** A Vue ref of what was loaded (Vue Query's `data`): its `value` is it. */
export const QUERY_REF_STEP = '()query-ref';
/** A Vue Query (or Nuxt `useAsyncData`) result: its `data` is a ref of what was loaded. */
export const QUERY_REF_HOLDER = '()query-vue';
/** An Angular `rxResource`/`resource`: what it loads is its `.value()` (the step `()value`). */
export const RESOURCE_STEP = '()resource';

/** `path` followed by `key`, unwrapping where `key` opens the wrapper `path` ends with. */
export function appendStep(path: readonly string[], key: string): string[] {
  const last = path[path.length - 1];
  if ((key === 'data' && last === QUERY_STEP) || (key === 'value' && last === QUERY_REF_STEP) || (key === '()value' && last === RESOURCE_STEP)) return path.slice(0, -1);
  if (key === 'data' && last === QUERY_REF_HOLDER) return [...path.slice(0, -1), QUERY_REF_STEP];
  return [...path, key];
}

/** `path` followed by each of `steps` (see `appendStep`). */
export function appendSteps(path: readonly string[], steps: readonly string[]): string[] {
  let result = [...path];
  for (const step of steps) result = appendStep(result, step);
  return result;
}
