import { childPath, fieldSegments, joinFieldSegments } from './field-path';

describe('field paths', () => {
  it('write ordinary names as before: dots between levels, [] for items', () => {
    expect(joinFieldSegments(['user', 'address', 'city'])).toBe('user.address.city');
    expect(joinFieldSegments(['items', '[]', 'title'])).toBe('items[].title');
    expect(joinFieldSegments(['[]', '[]', 'id'])).toBe('[][].id');
    expect(fieldSegments('items[].tags[][]')).toEqual(['items', '[]', 'tags', '[]', '[]']);
  });

  it('quote a name holding a dot, a bracket or nothing, so it stays one level', () => {
    expect(childPath('', '@odata.nextLink')).toBe('["@odata.nextLink"]');
    expect(childPath('value[]', '@odata.type')).toBe('value[]["@odata.type"]');
    expect(joinFieldSegments(['a', 'x.y', 'b'])).toBe('a["x.y"].b');
    expect(fieldSegments('a["x.y"].b')).toEqual(['a', 'x.y', 'b']);
    expect(fieldSegments('a.x.y.b')).toEqual(['a', 'x', 'y', 'b']);
  });

  it('read back every name they write, escapes included', () => {
    const names = ['plain', 'x.y', 'a[0]', 'a]', '[]', 'back\\slash', 'quo"te', '["x"]', '', 'dot.[].mix\\"'];
    for (const name of names) {
      const segments = ['root', name, '[]', 'leaf'];
      expect(fieldSegments(joinFieldSegments(segments))).toEqual(segments);
    }
  });

  it('take hand-written paths with a lone bracket as part of the name', () => {
    expect(fieldSegments('a[0].b')).toEqual(['a[0]', 'b']);
    expect(fieldSegments('a["open.b')).toEqual(['a["open', 'b']);
  });
});
