import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CreateNodes, CreateNodesContext, CreateNodesResult, TargetConfiguration } from '@nx/devkit';
import type { ConsumedSpec, SpecRef, WorkspaceContracts } from '@contract-graph/core';
import { loadMinimatch, specFileMatcher, normalizeOptions, type ContractGraphPluginOptions, type NormalizedOptions, type ReportingOptions } from './options';
import { specProjectName } from './project-names';
import { dataDirectoryOf, hashWorkspaceFiles } from './nx-internals';
import { openPluginCache, writeAtomically } from './plugin-cache-file';
import { consumerFiles, core, engineVersion, git } from './engine';

/**
 * Every JSON and YAML file: spec globs are configurable, but this pattern has to be a constant,
 * so specs are picked out of it with the options' globs. project.json / package.json files tell
 * where the projects (potential consumers) are.
 */
export const CONTRACT_GRAPH_GLOB = '**/*.{json,yaml,yml}';

export const CHECK_EXECUTOR = '@contract-graph/nx:check';

export const createNodes: CreateNodes<ContractGraphPluginOptions> = [
  CONTRACT_GRAPH_GLOB,
  (files, rawOptions, context) => createContractNodesCached(files, { ...normalizeOptions(rawOptions), reporting: reportingOptionsOf(rawOptions) }, context),
];

type NodeResults = Array<readonly [string, CreateNodesResult]>;

/** Normalised options plus the plugin-level reporting options, which every target carries. */
type NodesOptions = NormalizedOptions & { reporting: ReportingOptions };

const REPORTING_KEYS = ['formats', 'failOn', 'allowList', 'allow', 'baselines'] as const;

/**
 * The reporting options set on the plugin. They go into every target's `options`, so they are part
 * of each task's hash: changing `failOn` or the allow-list never replays a verdict made without it.
 */
function reportingOptionsOf(options: ContractGraphPluginOptions | undefined): ReportingOptions {
  const picked: Record<string, unknown> = {};
  for (const key of REPORTING_KEYS) if (options?.[key] !== undefined) picked[key] = options[key];
  return picked as ReportingOptions;
}

/** Everything the inferred nodes depend on: sources, specs and project files (fingerprint files and manifests included). */
const INPUT_GLOBS = [consumerFiles().SOURCE_GLOB, '**/*.{json,yaml,yml}'];
const NODES_CACHE_FILE = 'contract-graph-nodes.json';
/** Results of another version of the plugin or engine are never reused. */
// eslint-disable-next-line @typescript-eslint/no-require-imports
const NODES_CACHE_VERSION = `6/${require('../../package.json').version}/${engineVersion()}`;

/**
 * Graph construction runs on every Nx command. When no file it depends on changed (by the hashes
 * Nx keeps anyway), the previous result is returned as it was, without reading a single source.
 */
async function createContractNodesCached(files: readonly string[], options: NodesOptions, context: CreateNodesContext): Promise<NodeResults> {
  let filesHash: string;
  try {
    filesHash = await hashWorkspaceFiles(context.workspaceRoot, INPUT_GLOBS);
  } catch {
    // Outside an Nx process there is no workspace context to hash from: just compute.
    return createContractNodes(files, options, context, baseCommitOf(context));
  }
  // The consumers of a spec include those of the operations it had at the base (see `baseCommitOf`).
  const baseCommit = baseCommitOf(context);
  const key = `${NODES_CACHE_VERSION}:${filesHash}:${baseCommit ?? ''}:${hashText(JSON.stringify([options, [...files].sort()]))}`;
  const cacheFile = path.join(dataDirectoryOf(context.workspaceRoot), NODES_CACHE_FILE);
  const cached = readNodesCache(cacheFile);
  if (cached?.key === key) return cached.results;
  const results = createContractNodes(files, options, context, baseCommit);
  if (fs.existsSync(context.workspaceRoot)) writeAtomically(cacheFile, JSON.stringify({ key, results }));
  return results;
}

function readNodesCache(file: string): { key: string; results: NodeResults } | undefined {
  try {
    return JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return undefined;
  }
}

function hashText(text: string): string {
  return createHash('sha256').update(text).digest('hex');
}

/**
 * The commit a change is measured against, as `nx affected` and the check pick it: the merge-base
 * of HEAD with NX_BASE, else nx.json `defaultBase`, else `main` (one git call); none outside git
 * or without such a branch. A spec edit that removes or moves every operation a project calls would
 * otherwise leave that project no operation to consume, and no check, in the change that breaks it.
 */
function baseCommitOf(context: CreateNodesContext): string | undefined {
  const base = process.env.NX_BASE || context.nxJsonConfiguration?.defaultBase || 'main';
  return git().mergeBase(context.workspaceRoot, base, process.env.NX_HEAD || 'HEAD');
}

function createContractNodes(files: readonly string[], options: NodesOptions, context: CreateNodesContext, baseCommit: string | undefined): NodeResults {
  const specFiles = files.filter(specFileMatcher(options)).sort();
  const projects = findProjects(files, context.workspaceRoot, options.targetName);
  const specRoots = groupByOwner(specFiles, projects);
  const specFolders = [...new Set(specFiles.map((file) => path.posix.dirname(file)))];
  const specRefs: SpecRef[] = [];
  const names = new Map<string, string>();
  for (const [root, rootSpecs] of specRoots) {
    const name = projects.get(root)?.name ?? specProjectName(root, specFolders);
    names.set(root, name);
    for (const file of rootSpecs) specRefs.push({ name, file });
  }
  // A spec deleted while projects still call it: its leftover fingerprint file keeps their checks (see the README).
  const deleted = core().deletedSpecsOfFingerprintFiles(files, specFiles, specFileMatcher(options), (file) => readWorkspaceFile(context.workspaceRoot, file));
  for (const file of deleted.keys()) specRefs.push({ name: file, file });

  const cache = openPluginCache(context.workspaceRoot);
  let contracts: WorkspaceContracts;
  try {
    const baseOperations = baseCommit ? core().operationKeysAtCommit(context.workspaceRoot, baseCommit, specFiles) : new Map<string, string[]>();
    contracts = core().discoverConsumers(context.workspaceRoot, specRefs, [...projects.keys()], cache.usage, cache.specs, deleted, baseOperations);
  } finally {
    cache.save();
  }

  const results: NodeResults = [];
  // nx.json `targetDefaults` (by target name or by executor) sit between the plugin's options and a project's own.
  const defaultTargetFiles = Object.assign({}, ...targetDefaultOptions(context.nxJsonConfiguration?.targetDefaults, options.targetName).map(targetFilesOf));
  const roots = [...new Set([...specRoots.keys(), ...contracts.consumers.keys()])].sort();
  for (const root of roots) {
    const owned = (specRoots.get(root) ?? []).map((file) => ({ name: names.get(root) as string, file }));
    const consumed = contracts.consumers.get(root) ?? [];
    const targetFiles = { ...defaultTargetFiles, ...projects.get(root)?.targetFiles };
    const target = contractCheckTarget(owned, consumed, contracts, (file) => fs.existsSync(path.join(context.workspaceRoot, file)), options.reporting, contracts.libraries.get(root), targetFiles);
    const isNewProject = !projects.has(root);
    const configFile = isNewProject ? owned[0].file : (projects.get(root) as ProjectFile).configFile;
    results.push([
      configFile,
      {
        projects: {
          [root]: isNewProject
            ? {
                name: names.get(root),
                root,
                projectType: 'library',
                tags: ['contract'],
                metadata: { technologies: ['openapi'], description: `OpenAPI contract ${owned.map((spec) => spec.file).join(', ')}` },
                targets: { [options.targetName]: target },
              }
            : { root, targets: { [options.targetName]: target } },
        },
      },
    ]);
  }
  return results;
}

export const SYNC_GENERATOR = '@contract-graph/nx:sync';

/**
 * The inferred target: one executor for spec owners and consumers alike, cached on exactly what it
 * reads. A consumer's inputs name only the operations it calls, as fields of the spec's committed
 * fingerprint file, so an edit of one endpoint selects and reruns only that endpoint's consumers.
 */
export function contractCheckTarget(
  owned: SpecRef[],
  consumed: ConsumedSpec[],
  contracts: WorkspaceContracts,
  fileExists: (file: string) => boolean,
  reporting: ReportingOptions = {},
  libraries: readonly string[] = [],
  targetFiles: Pick<ReportingOptions, 'allowList' | 'baselines'> = {},
): TargetConfiguration {
  const specDocuments = (file: string) => contracts.specs.get(file)?.documents ?? [file];
  const ownedDocuments = owned.flatMap((spec) => [...specDocuments(spec.file), core().fingerprintFilePath(spec.file)]);
  // A spec whose fingerprint file belongs to a sibling spec (`openapi.json` next to `openapi.yaml`) has none of its own.
  const hasOwnFingerprintFile = (file: string) => contracts.specs.get(file)?.fingerprintOwner === undefined;
  const consumedInputs = consumed.map((entry) => consumedSpecInput(entry, specDocuments, hasOwnFingerprintFile, fileExists));
  const documents = [...new Set([...ownedDocuments, ...consumedInputs.flatMap((input) => ('documents' in input ? input.documents : []))])].sort();
  const fingerprintInputs = consumedInputs.flatMap((input) => ('fingerprint' in input ? [input.fingerprint] : []));
  // The consumer's code, its declared-usage manifest (calls analysis cannot see, URL prefixes), the
  // tsconfig files whose `paths` map library imports, and the code of the libraries reached through them.
  const scanned = consumerFiles().consumerScanGlobs(libraries);
  const sources = consumed.length > 0 ? [...scanned.project.map((glob) => `{projectRoot}/${glob}`), ...scanned.workspace.map((glob) => `{workspaceRoot}/${glob}`)] : [];
  const role = [owned.length > 0 ? 'validates its OpenAPI spec and lists what changed since the base' : undefined, consumed.length > 0 ? `checks its calls to ${consumed.map((entry) => entry.spec.name).join(', ')} against the contract` : undefined]
    .filter(Boolean)
    .join('; ');
  return {
    executor: CHECK_EXECUTOR,
    cache: true,
    inputs: [...sources, ...documents.map((file) => `{workspaceRoot}/${file}`), ...fingerprintInputs, ...reportingInputs({ ...reporting, ...targetFiles }, owned), { env: 'NX_BASE' }],
    // Only while a fingerprint file is out of date: without the daemon, Nx builds the project graph a
    // second time in every run that includes a task with a sync generator (~0.3 s at 220 projects).
    ...(owned.some((spec) => contracts.specs.get(spec.file)?.fingerprintInSync === false) ? { syncGenerators: [SYNC_GENERATOR] } : {}),
    outputs: ['{workspaceRoot}/dist/contract-graph/{projectRoot}/contract-check.*'],
    options: {
      ownedSpecs: owned,
      consumedSpecs: consumed.map((entry) => entry.spec),
      ...reporting,
    },
    metadata: {
      technologies: ['openapi'],
      description: `Contract check: ${role}`,
      help: { command: 'npx contract-graph --help', example: {} },
    },
  };
}

/** The allow-list file (configured, or the default names) and the published baselines of owned specs. */
function reportingInputs(reporting: ReportingOptions, owned: readonly SpecRef[]): string[] {
  const allowList = reporting.allowList ? [`{workspaceRoot}/${reporting.allowList}`] : ['{workspaceRoot}/contract-graph.allow.{yaml,yml,json}'];
  const baselines = owned.flatMap((spec) => (reporting.baselines?.[spec.file] ? [`{workspaceRoot}/${reporting.baselines[spec.file]}`] : []));
  return [...allowList, ...baselines];
}

interface ProjectFile {
  configFile: string;
  name?: string;
  /**
   * The allow-list and baselines its own configuration gives the target (`project.json` `targets`,
   * `package.json` `nx.targets`): Nx merges them over the inferred options, so the files they name
   * must be inputs too, or a cached verdict would survive an edit of them.
   */
  targetFiles?: Pick<ReportingOptions, 'allowList' | 'baselines'>;
}

/**
 * What a consumer's cache key holds of a spec it calls: the fingerprints of the operations it calls
 * when the fingerprint file exists, else every document of the spec (correct, but any edit reruns it).
 */
function consumedSpecInput(
  entry: ConsumedSpec,
  specDocuments: (file: string) => string[],
  hasOwnFingerprintFile: (file: string) => boolean,
  fileExists: (file: string) => boolean,
): { documents: string[] } | { fingerprint: { json: string; fields: string[] } } {
  const fingerprintFile = core().fingerprintFilePath(entry.spec.file);
  if (entry.operations.length === 0 || !hasOwnFingerprintFile(entry.spec.file) || !fileExists(fingerprintFile)) return { documents: specDocuments(entry.spec.file) };
  return { fingerprint: { json: `{workspaceRoot}/${fingerprintFile}`, fields: entry.operations.map(core().fingerprintFieldPath) } };
}

function readWorkspaceFile(workspaceRoot: string, file: string): string | undefined {
  try {
    return fs.readFileSync(path.join(workspaceRoot, file), 'utf8');
  } catch {
    return undefined;
  }
}

/** Project roots from project.json files, and from package.json files the workspaces globs list. */
function findProjects(files: readonly string[], workspaceRoot: string, targetName: string): Map<string, ProjectFile> {
  const workspaces = readWorkspaceGlobs(workspaceRoot);
  const { minimatch } = loadMinimatch();
  const projects = new Map<string, ProjectFile>();
  for (const file of [...files].sort()) {
    const base = path.posix.basename(file);
    const root = path.posix.dirname(file);
    if (root === '.' || file.includes('node_modules/')) continue;
    const isProjectJson = base === 'project.json';
    const isWorkspacePackage = base === 'package.json' && workspaces.some((glob) => minimatch(root, glob));
    if (!isProjectJson && !isWorkspacePackage) continue;
    const existing = projects.get(root);
    if (existing && path.posix.basename(existing.configFile) === 'project.json') continue;
    const config = readProjectConfig(path.join(workspaceRoot, file), targetName);
    projects.set(root, { configFile: file, name: config.name ?? existing?.name, targetFiles: config.targetFiles ?? existing?.targetFiles });
  }
  return projects;
}

function readWorkspaceGlobs(workspaceRoot: string): string[] {
  try {
    const manifest = JSON.parse(fs.readFileSync(path.join(workspaceRoot, 'package.json'), 'utf8'));
    const workspaces = Array.isArray(manifest.workspaces) ? manifest.workspaces : manifest.workspaces?.packages;
    return Array.isArray(workspaces) ? workspaces.filter((glob: unknown): glob is string => typeof glob === 'string').map((glob: string) => glob.replace(/\/+$/, '')) : [];
  } catch {
    return [];
  }
}

/** A project file's `name`, and the allow-list and baselines it sets on the check target. */
function readProjectConfig(file: string, targetName: string): Pick<ProjectFile, 'name' | 'targetFiles'> {
  let json: { name?: unknown; targets?: Record<string, { options?: Record<string, unknown> }>; nx?: { targets?: Record<string, { options?: Record<string, unknown> }> } };
  try {
    json = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch {
    return {};
  }
  const targetFiles = targetFilesOf((path.basename(file) === 'package.json' ? json.nx?.targets : json.targets)?.[targetName]?.options);
  return {
    ...(typeof json.name === 'string' ? { name: json.name } : {}),
    ...(Object.keys(targetFiles).length > 0 ? { targetFiles } : {}),
  };
}

/**
 * The options nx.json `targetDefaults` may give the check target: under its name or its executor,
 * as one object or a list of filtered entries (Nx 24), or as a list of entries naming either. All
 * of them, least specific first: naming a file that in the end does not apply only adds an input.
 */
function targetDefaultOptions(defaults: unknown, targetName: string): Array<Record<string, unknown> | undefined> {
  type Entry = { target?: string; executor?: string; options?: Record<string, unknown> };
  const entries = (value: unknown): Entry[] => (Array.isArray(value) ? (value as Entry[]) : value && typeof value === 'object' ? [value as Entry] : []);
  if (Array.isArray(defaults)) return entries(defaults).filter((entry) => entry.target === targetName || entry.executor === CHECK_EXECUTOR).map((entry) => entry.options);
  const byKey = (defaults ?? {}) as Record<string, unknown>;
  return [...entries(byKey[CHECK_EXECUTOR]), ...entries(byKey[targetName])].map((entry) => entry.options);
}

/** The allow-list and baselines a target's options name. */
function targetFilesOf(options: Record<string, unknown> | undefined): Pick<ReportingOptions, 'allowList' | 'baselines'> {
  const allowList = typeof options?.allowList === 'string' ? options.allowList : undefined;
  const baselines = typeof options?.baselines === 'object' && options.baselines !== null ? (options.baselines as Record<string, string>) : undefined;
  return { ...(allowList ? { allowList } : {}), ...(baselines ? { baselines } : {}) };
}

/**
 * Specs by the root of the project that owns them: the nearest enclosing project (a spec in
 * `services/users/src/` belongs to `services/users`), else a new project for the spec's folder.
 * Nx gives each file to the deepest project root holding it, so a project created inside an
 * existing one would take the existing project's files (its `src/main.ts`) away from it.
 */
function groupByOwner(specFiles: readonly string[], projects: ReadonlyMap<string, ProjectFile>): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const file of specFiles) {
    const folder = path.posix.dirname(file);
    const root = enclosingProjectRoot(folder, projects) ?? folder;
    groups.set(root, [...(groups.get(root) ?? []), file]);
  }
  return groups;
}

/**
 * The deepest project root at or above `folder`. The workspace root is not one of them, even with
 * a root project: there every spec would join it, and the specs' own projects would be gone.
 */
function enclosingProjectRoot(folder: string, projects: ReadonlyMap<string, ProjectFile>): string | undefined {
  for (let root = folder; root !== '.'; root = path.posix.dirname(root)) {
    if (projects.has(root)) return root;
  }
  return undefined;
}
