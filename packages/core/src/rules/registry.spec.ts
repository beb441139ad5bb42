import * as fs from 'node:fs';
import * as path from 'node:path';
import { DIFF_RULES, RULES } from './registry';

const repoRoot = path.resolve(__dirname, '../../../..');

/** Keeps ids, files and docs in step: a rule cannot ship without its docs page. */
describe('rule registry', () => {
  const ids = RULES.map((rule) => rule.id);

  it('lists unique kebab-case ids in alphabetical order', () => {
    expect(new Set(ids).size).toBe(ids.length);
    expect([...ids].sort()).toEqual(ids);
    for (const id of ids) expect(id).toMatch(/^[a-z]+(-[a-z]+)*$/);
  });

  it.each(ids)('%s lives in its own file, has a spec test and a docs page with its summary', (id) => {
    const rule = RULES.find((candidate) => candidate.id === id)!;
    expect(fs.existsSync(path.join(__dirname, `${id}.ts`))).toBe(true);
    const spec = fs.readFileSync(path.join(__dirname, `${id}.spec.ts`), 'utf8');
    expect(spec).toContain(`'${id}'`);
    const docs = fs.readFileSync(path.join(repoRoot, 'docs/rules', `${id}.md`), 'utf8');
    expect(docs.split('\n')[0]).toBe(`# ${id}`);
    expect(docs).toContain(`**${rule.summary}**`);
    expect(docs).toContain(`Severity: ${rule.severity} · Direction: ${rule.direction}`);
  });

  it('gives every diff rule a scope, a usage match and a hint; diff rules are a subset of all rules', () => {
    for (const rule of DIFF_RULES) {
      expect(ids).toContain(rule.id);
      expect(['call', 'read', 'send', 'omit']).toContain(rule.usage);
      expect(typeof rule.detect).toBe('function');
    }
  });

  it('has no rule file or spec test without a registered rule', () => {
    const support = new Set(['rule', 'diff-rule', 'registry', 'wording']);
    const files = fs.readdirSync(__dirname).filter((file) => file.endsWith('.ts')).map((file) => file.replace(/(\.spec)?\.ts$/, '')).filter((name) => !support.has(name));
    expect([...new Set(files)].sort()).toEqual([...ids].sort());
  });

  it('has no docs page without a rule', () => {
    const pages = fs.readdirSync(path.join(repoRoot, 'docs/rules')).map((file) => file.replace(/\.md$/, '')).sort();
    expect(pages).toEqual([...ids].sort());
  });
});
