import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export const REPO_ROOT = path.resolve(__dirname, '../..');
const EXAMPLE = path.join(REPO_ROOT, 'examples/story');

export interface CommandResult {
  code: number;
  stdout: string;
  stderr: string;
  /** stdout and stderr together, for assertions on what a user sees. */
  output: string;
}

/** A real git repository with a real Nx workspace in a temp folder, removed by `dispose()`. */
export class TempWorkspace {
  constructor(readonly root: string) {}

  /** Runs the real `nx` binary (no daemon, no cloud, plain output). */
  nx(args: string[], env: Record<string, string> = {}): CommandResult {
    return this.run(process.execPath, [path.join(this.root, 'node_modules/nx/dist/bin/nx.js'), ...args], env);
  }

  git(...args: string[]): string {
    const result = this.run('git', args);
    if (result.code !== 0) throw new Error(`git ${args.join(' ')} failed:\n${result.output}`);
    return result.stdout.trim();
  }

  commitAll(message: string): string {
    this.git('add', '-A');
    this.git('commit', '-q', '-m', message);
    return this.git('rev-parse', 'HEAD');
  }

  /** Copies an overlay folder of the example (e.g. `change`, `fix`) over the workspace. */
  applyOverlay(name: string): void {
    fs.cpSync(path.join(EXAMPLE, name), this.root, { recursive: true });
  }

  write(file: string, text: string): void {
    fs.mkdirSync(path.dirname(path.join(this.root, file)), { recursive: true });
    fs.writeFileSync(path.join(this.root, file), text);
  }

  read(file: string): string {
    return fs.readFileSync(path.join(this.root, file), 'utf8');
  }

  dispose(): void {
    fs.rmSync(this.root, { recursive: true, force: true });
  }

  private run(command: string, args: string[], env: Record<string, string> = {}): CommandResult {
    const result = spawnSync(command, args, {
      cwd: this.root,
      encoding: 'utf8',
      env: { ...cleanEnv(), ...env },
      maxBuffer: 64 * 1024 * 1024,
    });
    const stdout = result.stdout ?? '';
    const stderr = result.stderr ?? '';
    return { code: result.status ?? 1, stdout, stderr, output: `${stdout}\n${stderr}` };
  }
}

/** The environment of every command: nothing of the caller's Nx or git settings leaks in. */
function cleanEnv(): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = {};
  for (const [key, value] of Object.entries(process.env)) {
    if (!key.startsWith('NX_') && !key.startsWith('GIT_') && key !== 'CI') env[key] = value;
  }
  return {
    ...env,
    NX_DAEMON: 'false',
    NX_NO_CLOUD: 'true',
    NX_ISOLATE_PLUGINS: 'false',
    NX_TUI: 'false',
    NX_SKIP_NX_CACHE: 'false',
    NX_VERBOSE_LOGGING: 'false',
    FORCE_COLOR: '0',
    NO_COLOR: '1',
    GIT_AUTHOR_NAME: 'e2e',
    GIT_AUTHOR_EMAIL: 'e2e@example.com',
    GIT_COMMITTER_NAME: 'e2e',
    GIT_COMMITTER_EMAIL: 'e2e@example.com',
  };
}

/**
 * Lays the example monorepo out in a temp folder as a git repository whose first commit (on
 * `main`) is the base. The plugin and Nx come from this repository's node_modules, where npm
 * workspaces link `@contract-graph/*` to the built packages.
 */
export function createStoryWorkspace(prefix = 'contract-graph-e2e-'): TempWorkspace {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), prefix));
  fs.cpSync(path.join(EXAMPLE, 'workspace'), root, { recursive: true });
  linkNodeModules(root);
  const workspace = new TempWorkspace(root);
  workspace.git('init', '-q', '-b', 'main');
  workspace.commitAll('base: users API and its consumers');
  return workspace;
}

export function linkNodeModules(root: string): void {
  fs.symlinkSync(path.join(REPO_ROOT, 'node_modules'), path.join(root, 'node_modules'), 'dir');
}
