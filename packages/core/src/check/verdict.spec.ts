import type { SpecChange } from '../diff/diff-specs';
import type { CallSite } from '../model';
import { readsInside, usesOfChange } from './verdict';

describe('readsInside', () => {
  const tree = [[{ at: 'trees[]', repeat: 'children[]' }]];

  it('matches a read inside the changed property, and only at segment boundaries', () => {
    expect(readsInside('address.city', 'address')).toBe(true);
    expect(readsInside('items[].title', 'items')).toBe(true);
    expect(readsInside('nameX', 'name')).toBe(false);
    expect(readsInside('["x.y"]', 'x')).toBe(false);
  });

  it('folds repeats of a loop out of the read where the loop starts, any number of times', () => {
    expect(readsInside('trees[].children[].size', 'trees[].size', tree)).toBe(true);
    expect(readsInside('trees[].children[].children[].children[].size', 'trees[].size', tree)).toBe(true);
    expect(readsInside('trees[].children[].size', 'trees[].name', tree)).toBe(false);
  });

  it('never folds the repeat where the loop does not start', () => {
    expect(readsInside('leaf.children[].size', 'leaf.size', tree)).toBe(false);
    expect(readsInside('children[].size', 'size', tree)).toBe(false);
  });

  it('folds loops of one body together, never loops of two bodies', () => {
    const a = { at: '', repeat: 'meta.owner' };
    const b = { at: 'meta', repeat: 'self' };
    expect(readsInside('meta.self.owner.size', 'size', [[a, b]])).toBe(true);
    expect(readsInside('meta.self.owner.size', 'size', [[a], [b]])).toBe(false);
  });
});

describe('usesOfChange', () => {
  const call = (sent: string[]): CallSite => ({
    method: 'POST',
    urlTemplate: '/a',
    client: 'fetch',
    location: { file: 'a.ts', line: 1, column: 1 },
    responseFields: [],
    requestFields: sent.map((path, index) => ({ path, location: { file: 'a.ts', line: 2 + index, column: 1 } })),
  });
  const required = (property: string): SpecChange => ({
    ruleId: 'request-property-added-required',
    severity: 'error',
    direction: 'request',
    category: 'breaking',
    usage: 'omit',
    operation: 'POST /a',
    operationKey: 'POST /a',
    property,
    message: '',
    hint: '',
    detail: '{}',
  });
  const lines = (change: SpecChange, sent: string[]) => usesOfChange(change, [{ call: call(sent), operationKey: 'POST /a' }]).map((use) => use.line);

  it('takes a new required key with a dot for one top-level field, sent or not', () => {
    expect(lines(required('["x.y"]'), ['["x.y"]'])).toEqual([]);
    expect(lines(required('["x.y"]'), ['name'])).toEqual([1]);
    expect(lines(required('x.y'), ['x'])).toEqual([2]);
    expect(lines(required('x.y'), ['["x.y"]'])).toEqual([]);
  });
});
