import type { ContractSet } from './contracts';
import { formatViolation } from './exchange';

export interface ToMatchContractOptions {
  /** The body's content type, to pick the media type of the spec (default: the first JSON one). */
  contentType?: string;
}

export interface MatcherContext {
  isNot: boolean;
  testPath?: string;
}

export interface MatcherResult {
  pass: boolean;
  message(): string;
}

/**
 * `expect(body).toMatchContract('GET /api/users/{id}', 200)` checks a response body;
 * `expect(body).toMatchContract('POST /api/users')` (no status) checks a request body. The
 * operation is `METHOD /path` (parameter names and the server base path optional) or an operationId.
 */
export function createToMatchContract(contracts: () => ContractSet) {
  return function toMatchContract(this: MatcherContext, received: unknown, operationRef: string, status?: number, options: ToMatchContractOptions = {}): MatcherResult {
    const set = contracts();
    const found = set.findOperation(operationRef);
    if (!found) {
      return { pass: false, message: () => `${operationRef} is not an operation of any spec (${set.specs.map((spec) => spec.file).join(', ') || 'no spec found'})` };
    }
    const { contract, operation } = found;
    const name = `${operation.method} ${operation.path}`;
    const check = status === undefined ? set.checkRequest(contract, operation, undefined, options.contentType, received) : set.checkResponse(contract, operation, status, options.contentType, received);
    const what = status === undefined ? `${name} request` : `${name} ${status} response`;
    const where = check.schema ? `${check.schema.file}:${check.schema.line}:${check.schema.column} (#${check.schema.pointer})` : contract.file;
    if (check.problems.length === 0) {
      return { pass: true, message: () => `expected the body not to match the contract of ${what}, but it does (${where})` };
    }
    return { pass: false, message: () => formatViolation({ operation: name, summary: `${what} does not match the contract`, problems: check.problems }) };
  };
}

declare global {
  // eslint-disable-next-line @typescript-eslint/no-namespace
  namespace jest {
    interface Matchers<R> {
      /** Checks a response body (with a status) or a request body (without) against the contract. */
      toMatchContract(operation: string, status?: number, options?: ToMatchContractOptions): R;
    }
  }
}
