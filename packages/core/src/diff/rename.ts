import { editDistance } from '../spec/match-call';

/** A new property whose name looks like the old one (`email` → `emailAddress`), if exactly one does. */
export function renameCandidate(removed: string, added: readonly string[]): string | undefined {
  const lower = removed.toLowerCase();
  const similar = added.filter((name) => {
    const candidate = name.toLowerCase();
    return candidate.includes(lower) || lower.includes(candidate) || editDistance(candidate, lower) <= 2;
  });
  return similar.length === 1 ? similar[0] : undefined;
}
