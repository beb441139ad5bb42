import * as path from 'node:path';

/**
 * The name of a project created for a spec folder: `apis/users` → `users-api`, `services/billing-api`
 * → `billing-api`. When two folders would get the same name, both use their whole path instead
 * (`apis-v1-users-api`), so names never collide and never depend on discovery order.
 */
export function specProjectName(root: string, allSpecRoots: readonly string[]): string {
  const short = shortName(root);
  const clashes = allSpecRoots.filter((other) => shortName(other) === short).length > 1;
  return clashes ? withApiSuffix(root.split('/').join('-')) : short;
}

function shortName(root: string): string {
  return withApiSuffix(root === '.' ? 'workspace' : path.posix.basename(root));
}

function withApiSuffix(name: string): string {
  const slug = name.toLowerCase().replace(/[^a-z0-9-]+/g, '-').replace(/^-+|-+$/g, '') || 'contract';
  return /(^|-)api$/.test(slug) ? slug : `${slug}-api`;
}
