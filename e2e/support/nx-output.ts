/** The projects `nx run-many` / `nx affected` says it runs the target for, sorted. */
export function selectedProjects(output: string, target: string): string[] {
  const many = new RegExp(`Running target ${target} for \\d+ projects?(?: and \\d+ tasks? they depend on)?:\\n\\n((?:- .+\\n)+)`).exec(output);
  if (many) return many[1].trim().split('\n').map((line) => line.slice(2).trim()).sort();
  const one = new RegExp(`Running target ${target} for project (\\S+)`).exec(output);
  if (one) return [one[1]];
  if (/No tasks were run|Successfully ran target .* for 0 projects/.test(output)) return [];
  throw new Error(`could not find the selected projects in:\n${output}`);
}

/** The projects whose task really ran (was not replayed from a cache). */
export function executedProjects(output: string, target: string): string[] {
  const runs = [...output.matchAll(new RegExp(`> nx run (\\S+):${target}(.*)`, 'g'))];
  return runs.filter((run) => !/\[(local|remote) cache\]/.test(run[2])).map((run) => run[1]).sort();
}
