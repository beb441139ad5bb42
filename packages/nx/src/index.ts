/** The Nx plugin entry: Nx loads createNodes and createDependencies from here. */
export { createNodes, createNodes as createNodesV2 } from './plugin/create-nodes';
export { createDependencies } from './plugin/create-dependencies';
export type { ContractGraphPluginOptions } from './plugin/options';
