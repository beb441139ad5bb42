import type { CallSite, FieldUse, InputProblem, SourceLocation } from '../model';
import { isInputProblem, parseSpecDocument, type ParsedDocument } from '../spec/parse-document';
import type { PrefixRewrite } from './link';

export { USAGE_MANIFEST_FILES } from '../workspace/consumer-files';

/** What a consumer declares about itself: calls analysis cannot see, and URL prefix rewrites. */
export interface UsageManifest {
  calls: CallSite[];
  prefixes: PrefixRewrite[];
  problems: InputProblem[];
}

const METHODS = /^(GET|PUT|POST|DELETE|OPTIONS|HEAD|PATCH|TRACE)$/;
const CALL_KEYS = new Set(['operation', 'fields', 'errorFields', 'query', 'body']);

/**
 * Reads a declared-usage manifest (`contract-graph.usage.json` / `.yaml`):
 * `{ "prefixes": [{ "from": "/backend", "to": "/api" }], "calls": [{ "operation": "GET /api/users/{id}", "fields": ["name"] }] }`.
 * Each call becomes a call site located at its entry; every problem is reported with its line and
 * the rest of the manifest is still used.
 */
export function readUsageManifest(file: string, text: string): UsageManifest {
  const parsed = parseSpecDocument(file, text);
  if (isInputProblem(parsed)) return { calls: [], prefixes: [], problems: [{ ...parsed, code: 'usage-manifest-invalid' }] };
  const problems: InputProblem[] = [];
  const problem = (segments: Array<string | number>, message: string, hint: string) =>
    problems.push({ code: 'usage-manifest-invalid', message: `${file}: ${message}`, location: parsed.locate(segments.map(String)), hint });
  const root = parsed.value;
  if (!isRecord(root)) {
    problem([], 'the manifest must be an object with a "calls" list', 'Write { "calls": [{ "operation": "GET /api/users/{id}", "fields": ["name"] }] }.');
    return { calls: [], prefixes: [], problems };
  }
  for (const key of Object.keys(root)) {
    if (key !== 'calls' && key !== 'prefixes') problem([key], `unknown key "${key}"`, 'Only "calls" and "prefixes" are allowed at the top level.');
  }
  const calls = readCalls(parsed, root.calls, problem);
  const prefixes = readPrefixes(root.prefixes, problem);
  return { calls, prefixes, problems };
}

type Report = (segments: Array<string | number>, message: string, hint: string) => void;

function readCalls(parsed: ParsedDocument, value: unknown, problem: Report): CallSite[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    problem(['calls'], '"calls" must be a list', 'Write "calls": [{ "operation": "GET /api/users/{id}" }].');
    return [];
  }
  const calls: CallSite[] = [];
  value.forEach((entry, index) => {
    if (!isRecord(entry)) return problem(['calls', index], `calls[${index}] must be an object with an "operation"`, 'Write { "operation": "GET /api/users/{id}" }.');
    for (const key of Object.keys(entry)) {
      if (!CALL_KEYS.has(key)) problem(['calls', index, key], `calls[${index}] has an unknown key "${key}"`, `Allowed keys: ${[...CALL_KEYS].join(', ')}.`);
    }
    const operation = typeof entry.operation === 'string' ? /^\s*([A-Za-z]+)\s+(\/\S*)\s*$/.exec(entry.operation) : null;
    if (!operation || !METHODS.test(operation[1].toUpperCase())) {
      return problem(['calls', index, 'operation'], `calls[${index}].operation must read "METHOD /path", e.g. "GET /api/users/{id}"`, 'Use the method and the path as the spec writes them.');
    }
    const fieldList = (key: string): FieldUse[] => {
      const list = entry[key];
      if (list === undefined) return [];
      if (!Array.isArray(list) || list.some((item) => typeof item !== 'string' || item === '')) {
        problem(['calls', index, key], `calls[${index}].${key} must be a list of field paths such as "address.city" or "items[].title"`, 'List each field as a string.');
        return [];
      }
      return (list as string[]).map((path, position) => ({ path, location: parsed.locate(['calls', String(index), key, String(position)]) }));
    };
    const location: SourceLocation = parsed.locate(['calls', String(index)]);
    const call: CallSite = {
      method: operation[1].toUpperCase(),
      urlTemplate: operation[2].replace(/\{[^}/]*\}/g, '{}'),
      client: 'declared',
      location,
      responseFields: fieldList('fields'),
      requestFields: fieldList('body'),
      declared: true,
    };
    const query = fieldList('query');
    const errors = fieldList('errorFields');
    if (query.length > 0) call.queryFields = query;
    if (errors.length > 0) call.errorResponseFields = errors;
    calls.push(call);
  });
  return calls;
}

function readPrefixes(value: unknown, problem: Report): PrefixRewrite[] {
  if (value === undefined) return [];
  if (!Array.isArray(value)) {
    problem(['prefixes'], '"prefixes" must be a list of { "from": "/backend", "to": "/api" }', 'Write "prefixes": [{ "from": "/backend", "to": "/api" }].');
    return [];
  }
  const prefixes: PrefixRewrite[] = [];
  value.forEach((entry, index) => {
    if (!isRecord(entry) || typeof entry.from !== 'string' || typeof entry.to !== 'string' || !/^\/?/.test(entry.from)) {
      return problem(['prefixes', index], `prefixes[${index}] must be { "from": "<app prefix>", "to": "<spec prefix>" } with string values`, 'Example: { "from": "/backend", "to": "/api" }; use "" as "from" to prefix every URL.');
    }
    prefixes.push({ from: entry.from, to: entry.to });
  });
  return prefixes;
}

function isRecord(value: unknown): value is Record<string, unknown> {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
