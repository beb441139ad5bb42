import type { Tree } from '@nx/devkit';
import { core, specSummaryCache } from '../../plugin/engine';
import { globInTree, readNxJsonInTree } from '../../plugin/nx-internals';
import { openPluginCache } from '../../plugin/plugin-cache-file';
import { specFileMatcher, normalizeOptions, registeredOptions } from '../../plugin/options';

/** What Nx expects back from a sync generator. */
export interface SyncResult {
  outOfSyncMessage?: string;
  outOfSyncDetails?: string[];
}

/**
 * Keeps every spec's fingerprint file (`openapi.contract.json` beside `openapi.yaml`) in step with
 * the spec. It is the sync generator of the specs' `contract-check` targets, so `nx sync` writes the
 * files and `nx sync:check` (or any task run in CI) fails while one is stale.
 */
export default async function syncGenerator(tree: Tree): Promise<SyncResult> {
  const written = writeFingerprintFiles(tree);
  if (written.length === 0) return {};
  return {
    outOfSyncMessage: `Contract fingerprint files are out of date with their OpenAPI specs: ${written.join(', ')}. Run \`nx sync\` and commit them.`,
    outOfSyncDetails: written.map((file) => `${file} (run \`nx sync\` and commit it)`),
  };
}

/** Writes the fingerprint files that differ from what their specs say; returns their paths, sorted. */
export function writeFingerprintFiles(tree: Tree): string[] {
  const options = normalizeOptions(registeredOptions(readNxJsonInTree(tree)?.plugins));
  const read = (file: string) => tree.read(file, 'utf8') ?? undefined;
  const specs = globInTree(tree, options.specs)
    .map((file) => file.split('\\').join('/'))
    .filter(specFileMatcher(options))
    .sort();
  const cache = openPluginCache(tree.root);
  const written: string[] = [];
  try {
    for (const spec of specs) {
      // Two specs cannot share one fingerprint file (`openapi.json` beside `openapi.yaml`): the first owns it.
      if (specSummaryCache().fingerprintFileOwner(spec, specs) !== spec) continue;
      // Nx runs this before every task run of a spec's check: unchanged specs answer from the cache, without the engine.
      const summary = specSummaryCache().currentSpecSummary(spec, read, cache.specs, true) ?? core().summarizeSpec(spec, read, cache.specs, true);
      if (specSummaryCache().isFingerprintInSync(summary, read)) continue;
      const rendered = summary.fingerprint as NonNullable<typeof summary.fingerprint>;
      tree.write(rendered.file, rendered.text);
      written.push(rendered.file);
    }
  } finally {
    // It sees only specs: pruning would drop the usage entries graph construction needs.
    cache.save({ prune: false });
  }
  return written;
}
