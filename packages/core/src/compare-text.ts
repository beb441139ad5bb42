/**
 * Code-unit order, the one order every machine agrees on. `localeCompare` follows the locale of
 * the process (LANG): in Danish `/aardvarks` sorts after `/zebras`, so fingerprint files and
 * reports written on two machines would differ, and one would call the other's files stale.
 */
export function compareText(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
