import * as path from 'node:path';
import { ContractSet } from './contracts';
import { discoverSpecFiles, findWorkspaceRoot } from './discover-specs';
import { createToMatchContract } from './matcher';

/**
 * The matcher for `expect.extend({ toMatchContract })` without the setup: specs are found from
 * the test file's folder as the setup finds them.
 */
export const toMatchContract = (() => {
  const byRoot = new Map<string, ContractSet>();
  const matcher = createToMatchContract(() => {
    const testPath = (globalThis as { expect?: { getState(): { testPath?: string } } }).expect?.getState().testPath;
    const root = findWorkspaceRoot(testPath ? path.dirname(testPath) : process.cwd());
    let set = byRoot.get(root);
    if (!set) {
      set = new ContractSet(root, () => discoverSpecFiles(root));
      byRoot.set(root, set);
    }
    return set;
  });
  return matcher;
})();
