import * as path from 'node:path';

/**
 * The Angular `templateUrl` files a component's source names, found without parsing it (no
 * TypeScript loaded): the scan reads them with the component and keys its cached analysis on them.
 */
export function templateFilesOf(file: string, text: string): string[] {
  if (!text.includes('templateUrl')) return [];
  const files = [...text.matchAll(TEMPLATE_URL)].map((match) => templateFileOf(file, match[2]));
  return [...new Set(files)].sort();
}

const TEMPLATE_URL = /\btemplateUrl\s*:\s*(['"`])([^'"`\r\n]+)\1/g;

/** The workspace path of a component's `templateUrl`, relative to the component's file. */
export function templateFileOf(file: string, url: string): string {
  return path.posix.normalize(path.posix.join(path.posix.dirname(file), url));
}
