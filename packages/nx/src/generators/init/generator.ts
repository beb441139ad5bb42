import { readNxJson, updateNxJson, type Tree } from '@nx/devkit';
import { PLUGIN_NAME, registeredOptions } from '../../plugin/options';
import { writeFingerprintFiles } from '../sync/generator';

export interface InitGeneratorSchema {
  targetName?: string;
  skipFormat?: boolean;
}

/**
 * Registers the plugin in nx.json (once) and writes the specs' fingerprint files, so endpoint-precise
 * `nx affected` works from the first commit. Run by `nx add @contract-graph/nx`.
 */
export default async function initGenerator(tree: Tree, schema: InitGeneratorSchema): Promise<void> {
  const nxJson = readNxJson(tree) ?? {};
  if (!registeredOptions(nxJson.plugins)) {
    const targetName = schema.targetName ?? 'contract-check';
    nxJson.plugins = [...(nxJson.plugins ?? []), targetName === 'contract-check' ? PLUGIN_NAME : { plugin: PLUGIN_NAME, options: { targetName } }];
    updateNxJson(tree, nxJson);
  }
  // Not formatted: the fingerprint files must stay byte-identical to what the sync generator writes.
  writeFingerprintFiles(tree);
}
