import * as path from 'node:path';
import type { ContractSet } from './contracts';
import { discoverSpecFiles, findWorkspaceRoot, specGlobsOf } from './discover-specs';
import { formatViolation, type ContractViolation } from './exchange';
import { installAxiosHook } from './hooks/axios';
import { ValidationContext } from './hooks/context';
import { installFetchHook, type JestLike } from './hooks/fetch';
import { installMswHook } from './hooks/msw';
import { createToMatchContract } from './matcher';

/** Options of the setup; all optional. */
export interface ContractValidationOptions {
  /**
   * Spec files or globs, relative to the workspace root. Default: the `@contract-graph/nx` plugin's
   * `specs`/`exclude` options in nx.json, else `**\/openapi.{yaml,yml,json}` and `**\/swagger.{yaml,yml,json}`.
   */
  specs?: string[];
  /** The workspace root. Default: found from the test file up (nx.json, package.json `workspaces`, .git). */
  workspaceRoot?: string;
  /** Report properties a schema does not list in requests, and readOnly properties sent. Default true. */
  strictRequests?: boolean;
  /** Report properties a schema does not list in responses and mocks (a mock that still returns a dropped field), and writeOnly ones. Default true. */
  strictResponses?: boolean;
  /** Which hooks to install. Default: all that apply (fetch when there is one, axios and msw when the test's project can resolve them). */
  fetch?: boolean;
  axios?: boolean;
  msw?: boolean;
}

/** Handle on what the setup installed. */
export interface ContractValidation {
  contracts: ContractSet;
  /** Violations collected since the last test ended (and removes them). */
  takeViolations(): ContractViolation[];
  uninstall(): void;
}

interface JestGlobals {
  expect?: { getState(): { testPath?: string; currentTestName?: string }; extend(matchers: object): void };
  beforeEach?: (fn: () => void) => void;
  afterEach?: (fn: () => void) => void;
  afterAll?: (fn: () => void) => void;
}

/**
 * Installs contract validation for the current test file: hooks fetch, axios and msw, registers
 * `toMatchContract`, and fails each test, after it ran, with every contract violation it caused.
 * Called by `@contract-graph/jest/setup`; call it yourself from a setup file to pass options.
 */
export function installContractValidation(options: ContractValidationOptions = {}, jestObject?: JestLike & ModuleMocker): ContractValidation {
  const globals = globalThis as unknown as JestGlobals & Record<string, any>;
  const testPath = globals.expect?.getState().testPath;
  const startDir = testPath ? path.dirname(testPath) : process.cwd();
  const workspaceRoot = path.resolve(options.workspaceRoot ?? findWorkspaceRoot(startDir));
  const specFiles = () =>
    options.specs ? discoverSpecFiles(workspaceRoot, { specs: options.specs, exclude: specGlobsOf(workspaceRoot).exclude }) : discoverSpecFiles(workspaceRoot);
  let contracts: ContractSet | undefined;
  const loadContracts = () => {
    // Required here, not imported: the spec engine and ajv load only once a test file sends a
    // request, defines an msw handler or calls toMatchContract.
    const { ContractSet: Contracts } = require('./contracts') as typeof import('./contracts');
    contracts ??= new Contracts(workspaceRoot, specFiles, { strictRequests: options.strictRequests, strictResponses: options.strictResponses });
    return contracts;
  };
  const currentTestName = () => globals.expect?.getState().currentTestName;
  const context = new ValidationContext(loadContracts, workspaceRoot, testPath, currentTestName);
  const uninstallers: Array<() => void> = [];

  if (options.fetch !== false) {
    const hook = installFetchHook(globals, context, jestObject);
    uninstallers.push(hook.uninstall);
    globals.beforeEach?.(() => hook.repair());
  }
  if (options.axios !== false) {
    whenLoaded(startDir, 'axios', jestObject, (axios) => {
      const instance = axios?.default ?? axios;
      if (instance?.interceptors) uninstallers.push(installAxiosHook(instance, context));
    });
  }
  if (options.msw !== false) {
    whenLoaded(startDir, 'msw', jestObject, (msw) => {
      if (msw?.http) uninstallers.push(installMswHook(msw, context));
    });
  }
  globals.expect?.extend({ toMatchContract: createToMatchContract(loadContracts) });

  const fail = () => {
    const violations = context.take();
    if (violations.length > 0) throw contractError(violations, currentTestName());
  };
  globals.afterEach?.(fail);
  globals.afterAll?.(fail);
  return {
    get contracts() {
      return loadContracts();
    },
    takeViolations: () => context.take(),
    uninstall: () => uninstallers.reverse().forEach((uninstall) => uninstall()),
  };
}

/** The error a test fails with: every violation, each with its spec lines and call site. */
export function contractError(violations: ContractViolation[], testName: string | undefined): Error {
  const body = violations
    .map((violation) => {
      const text = formatViolation(violation);
      return violation.testName && violation.testName !== testName ? `${text}\n  (seen while "${violation.testName}" ran)` : text;
    })
    .join('\n\n');
  const error = new Error(`Contract violation${violations.length > 1 ? 's' : ''} (${violations.length}):\n\n${body}`);
  error.name = 'ContractViolationError';
  // The hook's own stack says nothing useful; each violation carries its call site.
  error.stack = `${error.name}: ${error.message}`;
  return error;
}

/** The slice of the `jest` object that defers hooking a module until the test loads it. */
interface ModuleMocker {
  mock?(moduleName: string, factory: () => unknown): unknown;
  requireActual?(moduleName: string): any;
}

/**
 * Runs `hook` on the module as the test's own project resolves it (the instance the test and its
 * code use). With jest's module registry at hand, only when the test file first loads it: msw
 * takes ~0.3 s to load, which a test file that never imports it should not pay. The module is
 * registered as a mock whose factory is the real module, hooked.
 */
function whenLoaded(directory: string, name: string, jestObject: ModuleMocker | undefined, hook: (module: any) => void): void {
  const resolved = resolveFrom(directory, name);
  if (!resolved) return;
  const load = jestObject?.requireActual ?? require;
  if (!jestObject?.mock) {
    const loaded = tryLoad(() => load(resolved));
    if (loaded) hook(loaded);
    return;
  }
  jestObject.mock(resolved, () => {
    const actual = load(resolved);
    hook(actual);
    return actual;
  });
}

function resolveFrom(directory: string, name: string): string | undefined {
  try {
    return require.resolve(name, { paths: [directory] });
  } catch {
    return tryLoad(() => require.resolve(name));
  }
}

function tryLoad<T>(load: () => T): T | undefined {
  try {
    return load();
  } catch {
    return undefined;
  }
}

