import type { SpecNode } from '../spec/load-spec';
import type { SchemaInput } from './inputs';

/** How the members of a `oneOf`/`anyOf`/`allOf` list in two versions correspond. */
export interface AlternativesMatch {
  /** Pairs that are the same alternative with changed content: compare them member by member. */
  changed: Array<[SpecNode, SpecNode]>;
  /** Members only the base has (lost), and only the head has (gained). */
  baseOnly: SpecNode[];
  headOnly: SpecNode[];
}

/**
 * Pairs the members of a composition list across versions. A member is the same alternative when
 * it means the same, or when both are the same `$ref` target (`#/components/schemas/Dog` whose
 * content changed is still the Dog alternative, not one lost and one gained: its changes are found
 * inside it). Of the rest, equally many on both sides are paired in order (an inline alternative
 * edited in place); only the surplus on one side was really lost or gained.
 */
export function matchAlternatives(base: readonly SpecNode[], head: readonly SpecNode[], same: (baseNode: SpecNode, headNode: SpecNode) => boolean): AlternativesMatch {
  const unmatchedHead = [...head];
  const take = (test: (headNode: SpecNode) => boolean): SpecNode | undefined => {
    const index = unmatchedHead.findIndex(test);
    return index === -1 ? undefined : unmatchedHead.splice(index, 1)[0];
  };
  const left: SpecNode[] = [];
  for (const member of base) if (!take((other) => same(member, other))) left.push(member);
  const changed: Array<[SpecNode, SpecNode]> = [];
  const baseOnly: SpecNode[] = [];
  for (const member of left) {
    const target = refTarget(member);
    const partner = target === undefined ? undefined : take((other) => refTarget(other) === target);
    if (partner) changed.push([member, partner]);
    else baseOnly.push(member);
  }
  if (baseOnly.length === unmatchedHead.length) {
    baseOnly.forEach((member, index) => changed.push([member, unmatchedHead[index]]));
    return { changed, baseOnly: [], headOnly: [] };
  }
  return { changed, baseOnly, headOnly: unmatchedHead };
}

/** The pointer a member was reached through a `$ref` to; members are dereferenced, so an inline one still sits at `…/oneOf/<n>`. */
function refTarget(member: SpecNode): string | undefined {
  return /\/(oneOf|anyOf|allOf)\/\d+$/.test(member.pointer) ? undefined : member.pointer;
}

/**
 * How many members of one composition keyword a schema input has, lost and gained. An inline
 * `allOf` part that repeats a part the other version has adds or drops no constraint (all parts
 * must hold anyway), so it is neither; a `$ref` part still counts, its component may evolve apart.
 */
export function compositionDelta(input: SchemaInput, keyword: 'oneOf' | 'anyOf' | 'allOf'): { before: number; after: number; lost: number; gained: number } {
  const same = input.same;
  const match = matchAlternatives(input.base[keyword], input.head[keyword], same);
  const repeated = (member: SpecNode, others: readonly SpecNode[], sameAs: (other: SpecNode) => boolean) => keyword === 'allOf' && refTarget(member) === undefined && others.some(sameAs);
  const lost = match.baseOnly.filter((member) => !repeated(member, input.head[keyword], (other) => same(member, other)));
  const gained = match.headOnly.filter((member) => !repeated(member, input.base[keyword], (other) => same(other, member)));
  return { before: input.base[keyword].length, after: input.head[keyword].length, lost: lost.length, gained: gained.length };
}
