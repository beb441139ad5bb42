import { readNxJson, updateNxJson, type Tree } from '@nx/devkit';

export interface InitGeneratorSchema {
  targetName?: string;
}

const PLUGIN = '@contract-graph/nx';

/** Registers the plugin in nx.json (once) and caches its target by default. Run by `nx add @contract-graph/nx`. */
export default async function initGenerator(tree: Tree, schema: InitGeneratorSchema): Promise<void> {
  const nxJson = readNxJson(tree) ?? {};
  const plugins = nxJson.plugins ?? [];
  const registered = plugins.some((entry) => (typeof entry === 'string' ? entry : entry.plugin) === PLUGIN);
  if (!registered) {
    const targetName = schema.targetName ?? 'contract-check';
    plugins.push(targetName === 'contract-check' ? PLUGIN : { plugin: PLUGIN, options: { targetName } });
    nxJson.plugins = plugins;
    updateNxJson(tree, nxJson);
  }
}
