import * as path from 'node:path';

/** Where a request was made: the test file's own line, and the code under test that sent it. */
export interface CallSite {
  /** `apps/web/src/profile.spec.ts:12:5`: the frame in the running test file. */
  test?: string;
  /** `apps/web/src/profile.ts:3:26`: the first frame outside this package and node_modules. */
  code?: string;
}

const OWN_SOURCE = path.resolve(__dirname);

/** Captures the current stack and picks the test's frame and the calling code's frame. */
export function captureCallSite(workspaceRoot: string, testPath: string | undefined): CallSite {
  const previousLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 60;
  const stack = new Error().stack ?? '';
  Error.stackTraceLimit = previousLimit;
  const frames = stack
    .split('\n')
    .slice(1)
    .map(parseFrame)
    .filter((frame): frame is Frame => frame !== undefined && isUserFrame(frame.file));
  const relative = (frame: Frame) => `${displayPath(workspaceRoot, frame.file)}:${frame.line}:${frame.column}`;
  const testFrame = testPath ? frames.find((frame) => path.resolve(frame.file) === path.resolve(testPath)) : undefined;
  const codeFrame = frames[0];
  return {
    test: testFrame ? relative(testFrame) : undefined,
    code: codeFrame && codeFrame !== testFrame ? relative(codeFrame) : undefined,
  };
}

/** Workspace-relative; a file outside the workspace (a test of this package, say) relative to the cwd. */
function displayPath(workspaceRoot: string, file: string): string {
  const fromRoot = path.relative(workspaceRoot, file);
  const shown = fromRoot.startsWith('..') ? path.relative(process.cwd(), file) : fromRoot;
  return shown.split(path.sep).join('/');
}

interface Frame {
  file: string;
  line: number;
  column: number;
}

function parseFrame(line: string): Frame | undefined {
  const match = /\(?((?:file:\/\/)?[^\s()]+):(\d+):(\d+)\)?\s*$/.exec(line.trim());
  if (!match) return undefined;
  const file = match[1].replace(/^file:\/\//, '');
  return { file, line: Number(match[2]), column: Number(match[3]) };
}

function isUserFrame(file: string): boolean {
  if (!path.isAbsolute(file) || file.includes(`${path.sep}node_modules${path.sep}`)) return false;
  // This package's own modules, but not its tests and fixtures (which play the user here).
  if (file.startsWith(OWN_SOURCE + path.sep) && !/\.(spec|test)\.[cm]?[jt]s$/.test(file) && !file.includes(`${path.sep}__fixtures__${path.sep}`)) return false;
  return true;
}

/**
 * `called from apps/web/src/profile.spec.ts:12:5 (fetch call in apps/web/src/profile.ts:3:26)`;
 * `mocked by the msw handler at apps/web/src/mocks/handlers.ts:4:8 (loaded from ...)`.
 * Not `at ...`: jest takes lines starting with `at` for stack frames and rewrites their paths.
 */
export function formatCallSite(site: CallSite | undefined, client: string): string | undefined {
  if (!site || (!site.test && !site.code)) return undefined;
  // An msw handler's site is where it was defined: in the test, or in a handlers module it imports.
  if (client === 'msw handler') return site.code ? `mocked by the msw handler at ${site.code}${site.test ? ` (loaded from ${site.test})` : ''}` : `mocked by the msw handler at ${site.test}`;
  if (site.test && site.code) return `called from ${site.test} (${client} call in ${site.code})`;
  return `called from ${site.test ?? site.code} (${client})`;
}
