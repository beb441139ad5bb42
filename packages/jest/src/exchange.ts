import { formatCallSite, type CallSite } from './call-site';
import type { ContractProblem, ContractSet } from './contracts';

/** One HTTP request (and the response, when there is one) seen by a hook. */
export interface Exchange {
  /** Which hook saw it: `fetch`, `axios`, `msw handler`. */
  client: string;
  method: string;
  /** Absolute or path-only URL, query string included. */
  url: string;
  request?: { contentType?: string; body: unknown };
  /** The request's headers, names lowercased; leave out when the client's headers cannot be seen (header parameters are then not checked). */
  headers?: Record<string, string>;
  response?: { status: number; contentType?: string; body: unknown };
  callSite?: CallSite;
}

/** A broken contract, ready to be reported. */
export interface ContractViolation {
  /** `GET /api/users/{id}` (the spec's path) or the URL's path for unknown operations. */
  operation: string;
  /** The first line: what did not match. */
  summary: string;
  problems: ContractProblem[];
  where?: string;
  /** The test that was running when it was seen. */
  testName?: string;
}

/** Validates an exchange: the operation must exist, and its request and response must match it. */
export function validateExchange(contracts: ContractSet, exchange: Exchange): ContractViolation[] {
  const url = new URL(exchange.url, 'http://localhost');
  const method = exchange.method.toUpperCase();
  const where = formatCallSite(exchange.callSite, exchange.client);
  const match = contracts.match(method, url.pathname);
  if (match.kind === 'unrelated') return [];
  if (match.kind === 'unknown') {
    const hint = match.suggestion ? ` (did you mean ${match.suggestion.method} ${match.suggestion.path}?)` : '';
    return [
      {
        operation: `${method} ${url.pathname}`,
        summary: `${method} ${url.pathname} is not an operation of ${match.contract.file}${hint}`,
        problems: [],
        where,
      },
    ];
  }
  const { contract, operation } = match;
  const name = `${operation.method} ${operation.path}`;
  const violations: ContractViolation[] = [];
  const call = { path: url.pathname, query: url.searchParams, headers: exchange.headers };
  const request = contracts.checkRequest(contract, operation, call, exchange.request?.contentType, exchange.request?.body);
  if (request.problems.length > 0) {
    violations.push({ operation: name, summary: `${name} request does not match the contract`, problems: request.problems, where });
  }
  if (exchange.response) {
    const { status, contentType, body } = exchange.response;
    const response = contracts.checkResponse(contract, operation, status, contentType, body);
    if (response.problems.length > 0) {
      violations.push({ operation: name, summary: `${name} ${status} response does not match the contract`, problems: response.problems, where });
    }
  }
  return violations;
}

/**
 * One violation as people read it:
 * `GET /api/users/{id} 200 response does not match the contract:` then one line per problem with
 * its spec location, then the call site.
 */
export function formatViolation(violation: ContractViolation): string {
  const lines = [violation.problems.length > 0 ? `${violation.summary}:` : violation.summary];
  for (const problem of violation.problems) {
    const spec = problem.spec ? ` — ${problem.spec.file}:${problem.spec.line}:${problem.spec.column} (#${problem.spec.pointer})` : '';
    lines.push(`  ${problem.message}${spec}`);
  }
  if (violation.where) lines.push(`  ${violation.where}`);
  return lines.join('\n');
}

/** Parses a JSON text body; `undefined` for empty or non-JSON text. */
export function parseJsonText(text: string): unknown {
  if (text.trim() === '') return undefined;
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
}

/** Whether a content type says JSON, or says nothing useful (a stub's `text/plain` default). */
export function mayBeJson(contentType: string | undefined): boolean {
  const base = contentType?.split(';')[0].trim().toLowerCase();
  return !base || base === 'application/json' || base.endsWith('+json') || base === 'text/plain';
}
