export type Severity = 'error' | 'warning' | 'info';
export type Direction = 'operation' | 'request' | 'response';
/** What a rule is about: a consumer's use of the spec, a change that can break callers, API lifecycle policy, or versioning. */
export type Category = 'consumer' | 'breaking' | 'policy' | 'semver';

/** A rule: its public id, defaults, and how it words its message and fix hint. Ids are never renamed. */
export interface Rule<Args> {
  id: string;
  severity: Severity;
  direction: Direction;
  /** One line for docs and `--list-rules`. */
  summary: string;
  /** `breaking` unless said otherwise. */
  category?: Category;
  message(args: Args): string;
  hint(args: Args): string;
}

/** Gives every rule the same shape, so the registry and docs can rely on it. */
export function defineRule<Args>(rule: Rule<Args>): Rule<Args> {
  return rule;
}

/** Where the docs of a rule live, relative to the repository root. */
export function ruleDocsPath(id: string): string {
  return `docs/rules/${id}.md`;
}
