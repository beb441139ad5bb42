import * as fs from 'node:fs';
import * as path from 'node:path';
import { RULES } from './registry';

const repoRoot = path.resolve(__dirname, '../../../..');

/** Keeps ids, files and docs in step: a rule cannot ship without its docs page. */
describe('rule registry', () => {
  const ids = RULES.map((rule) => rule.id);

  it('lists unique kebab-case ids in alphabetical order', () => {
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    for (const id of ids) expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  it.each(ids)('%s lives in its own file and has a docs page with its summary', (id) => {
    const rule = RULES.find((candidate) => candidate.id === id)!;
    expect(fs.existsSync(path.join(__dirname, `${id}.ts`))).toBe(true);
    const docs = fs.readFileSync(path.join(repoRoot, 'docs/rules', `${id}.md`), 'utf8');
    expect(docs.split('\n')[0]).toBe(`# ${id}`);
    expect(docs).toContain(`**${rule.summary}**`);
    expect(docs).toContain(`Severity: ${rule.severity} · Direction: ${rule.direction}`);
  });

  it('has no docs page without a rule', () => {
    const pages = fs.readdirSync(path.join(repoRoot, 'docs/rules')).map((file) => file.replace(/\.md$/, '')).sort();
    expect(pages).toEqual([...ids].sort());
  });
});
