import type { FileSummary } from './summary';

/** Files whose linking may affect each other's calls (indices into the project's files), and how their imports resolved. */
export interface LinkGroup {
  members: number[];
  /** Per file, in order: `file`, then `specifier -> target` for each import (target '' when not a project file). */
  resolution: string;
}

/**
 * Splits a project's files into groups connected by imports, in either direction: a caller
 * instantiates a wrapper's requests and adds reads to requests made in the callee's file, so
 * both sides' calls depend on each other, but nothing crosses a group boundary (the linker only
 * reaches other files through `resolveModule`). Linking each group alone gives the same calls as
 * linking the project at once, so a rescan relinks only the groups whose files changed.
 * Groups and their members keep the input order.
 */
export function linkGroups(summaries: readonly FileSummary[], resolveModule: (from: string, module: string) => string | undefined): LinkGroup[] {
  const indexOf = new Map(summaries.map((summary, index) => [summary.file, index]));
  const parent = summaries.map((_, index) => index);
  const find = (index: number): number => {
    while (parent[index] !== index) index = parent[index] = parent[parent[index]];
    return index;
  };
  const resolutions = summaries.map((summary, index) => {
    let lines = summary.file;
    for (const module of importedModules(summary)) {
      const target = resolveModule(summary.file, module);
      const other = target === undefined ? undefined : indexOf.get(target);
      lines += `\n${module} -> ${other === undefined ? '' : target}`;
      if (other !== undefined) parent[find(index)] = find(other);
    }
    return lines;
  });
  const groups = new Map<number, LinkGroup>();
  summaries.forEach((_, index) => {
    const root = find(index);
    const group = groups.get(root);
    if (group) {
      group.members.push(index);
      group.resolution += `\n${resolutions[index]}`;
    } else {
      groups.set(root, { members: [index], resolution: resolutions[index] });
    }
  });
  return [...groups.values()];
}

/** The module specifiers a file imports, first use first; with the file list, all that grouping depends on. */
export function importedModules(summary: FileSummary): string[] {
  return [...new Set(summary.imports.map((ref) => ref.module))];
}
