import type { CreateDependencies, DependencyType, RawProjectGraphDependency } from '@nx/devkit';
import type { SpecRef } from '@contract-graph/core';
import { CHECK_EXECUTOR } from './create-nodes';
import { normalizeOptions, type ContractGraphPluginOptions } from './options';

/**
 * Consumer → spec edges, read from the inferred targets. They are `implicit` on purpose: Nx caches
 * static and dynamic edges per source file, so an edge that depends on spec content would go stale
 * while the consumer file is unchanged. Implicit edges are recomputed on every graph build.
 * The `consumerEdges: false` option turns them off.
 */
export const createDependencies: CreateDependencies<ContractGraphPluginOptions> = (options, context) => {
  if (!normalizeOptions(options).consumerEdges) return [];
  const ownerOfSpec = new Map<string, string>();
  const consumed: Array<{ project: string; specs: SpecRef[] }> = [];
  for (const [project, config] of Object.entries(context.projects)) {
    for (const target of Object.values(config.targets ?? {})) {
      if (target.executor !== CHECK_EXECUTOR) continue;
      for (const spec of (target.options?.ownedSpecs ?? []) as SpecRef[]) ownerOfSpec.set(spec.file, project);
      consumed.push({ project, specs: (target.options?.consumedSpecs ?? []) as SpecRef[] });
    }
  }
  const edges = new Map<string, RawProjectGraphDependency>();
  for (const { project, specs } of consumed) {
    for (const spec of specs) {
      const owner = ownerOfSpec.get(spec.file);
      if (!owner || owner === project) continue;
      edges.set(`${project}\u0000${owner}`, { source: project, target: owner, type: 'implicit' as DependencyType.implicit });
    }
  }
  // Code-unit order: the same on every machine, and free of the ICU collator's first-use cost (~25 ms).
  return [...edges.entries()].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)).map(([, edge]) => edge);
};
