/** Shared data types of the engine. Every path in these types is workspace-relative and uses `/`. */

/** A place in a source file; line and column are 1-based. */
export interface SourceLocation {
  file: string;
  line: number;
  column: number;
}

/** A place in a spec document: a source location plus the JSON pointer of the node. */
export interface SpecLocation extends SourceLocation {
  pointer: string;
}

export type HttpMethod = 'get' | 'put' | 'post' | 'delete' | 'options' | 'head' | 'patch' | 'trace';

export const HTTP_METHODS: readonly HttpMethod[] = ['get', 'put', 'post', 'delete', 'options', 'head', 'patch', 'trace'];

/** A property path read from or sent in a body: `address.city`, `items[].title`. */
export type FieldPath = string;

/** One response field read by consumer code. */
export interface FieldUse {
  path: FieldPath;
  location: SourceLocation;
}

/** One HTTP call found in consumer code. */
export interface CallSite {
  /** Upper-case method, e.g. `GET`. */
  method: string;
  /**
   * The URL as the code builds it, with every value the analyzer cannot know replaced by `{}`:
   * `/api/users/{}`. Origin and query string are removed. A leading `{}` means an unknown prefix
   * (a base URL from the environment, say).
   */
  urlTemplate: string;
  /** Which client the call goes through: `fetch`, `axios`, ... */
  client: string;
  location: SourceLocation;
  /** Fields of the success body the code reads. */
  responseFields: FieldUse[];
  /** Fields of the request body the code sends, where it is an object literal. */
  requestFields: FieldUse[];
  /** Query parameters the code sends (`?page=`, axios `params`, `searchParams`, ...), when any. */
  queryFields?: FieldUse[];
  /** Fields of an error body the code reads (`err.response.data.message`), kept apart from `responseFields`. */
  errorResponseFields?: FieldUse[];
  /** True for a call listed in the consumer's declared-usage manifest rather than found in code. */
  declared?: true;
}

/** A call site the analyzer saw but could not turn into a checked call, and why (`--explain`). */
export interface UnresolvedCall {
  /** `url-unknown`, `method-unknown`, `wrapper-not-called`, `import-unresolved`, `no-operation`, `ambiguous-operation`. */
  reason: string;
  message: string;
  location: SourceLocation;
  /** What was known of the call, e.g. `GET {}` or `GET /api/{}`. */
  call?: string;
}

/** A problem with an input file that the run reports and then works around. */
export interface InputProblem {
  /** Stable id, e.g. `spec-invalid-yaml`. */
  code: string;
  message: string;
  location: SourceLocation;
  hint?: string;
}

/** What one consumer project's code does with HTTP APIs. */
export interface ConsumerUsage {
  calls: CallSite[];
  problems: InputProblem[];
}
