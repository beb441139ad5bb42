import type { ScopeInputs } from '../diff/inputs';
import type { SpecNode } from '../spec/load-spec';
import type { Rule } from './rule';

export type Scope = keyof ScopeInputs;

/**
 * How a finding is matched to consumer usage: `call` — the consumer calls the operation; `read` —
 * it reads the property (or something inside it) from a success response; `send` — it sends the
 * top-level request field; `omit` — it calls the operation without sending the field.
 */
export type UsageMatch = 'call' | 'read' | 'send' | 'omit';

/** What a rule found: its typed arguments and where (head and base nodes) it is. */
export interface Detection<Args> {
  args: Args;
  property?: string;
  status?: string;
  head?: SpecNode;
  base?: SpecNode;
}

/** A rule that compares two versions of a spec: a pure function of one scope's input. */
export interface DiffRule<S extends Scope, Args> extends Rule<Args> {
  scope: S;
  usage: UsageMatch;
  detect(input: ScopeInputs[S]): Array<Detection<Args>>;
}

/** Gives every diff rule the same shape. */
export function defineDiffRule<S extends Scope, Args>(rule: DiffRule<S, Args>): DiffRule<S, Args> {
  return rule;
}

/** Any diff rule, for registries and the engine. */
// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type AnyDiffRule = DiffRule<Scope, any>;

/** True for rules that compare spec versions (as opposed to consumer-usage rules). */
export function isDiffRule(rule: Rule<never>): rule is Rule<never> & AnyDiffRule {
  return typeof (rule as Partial<AnyDiffRule>).detect === 'function';
}

/** Arguments of the `*-property-keyword-changed` rules. */
export interface KeywordChangeArgs {
  operation: string;
  subject: string;
  keyword: string;
  change: string;
}

/**
 * The structural keywords without a rule of their own that were added, removed or changed in a
 * request or response schema; the two keyword rules differ only in which side they watch.
 */
export function detectKeywordChanges(side: 'request' | 'response', input: ScopeInputs['schema'], label: string): Array<Detection<KeywordChangeArgs>> {
  if (input.subject !== side) return [];
  const keywords = new Set([...input.base.structural.keys(), ...input.head.structural.keys()]);
  return [...keywords].sort().flatMap((keyword) => {
    const before = input.base.structural.get(keyword);
    const after = input.head.structural.get(keyword);
    if (before && after && input.same(before, after)) return [];
    const change = !before ? 'added' : !after ? 'removed' : 'changed';
    return [{ args: { operation: input.operation, subject: label, keyword, change }, property: input.property, status: input.status, head: input.head.node, base: input.base.node }];
  });
}
