/**
 * The TypeScript compiler takes a few hundred milliseconds to load. Graph construction and every
 * task whose consumer files all come from the usage cache must not pay for it: loading the engine
 * must not load it, only analysing a file does.
 */
describe('loading the engine', () => {
  it('does not load the TypeScript compiler until a file must be analysed', () => {
    let loaded = false;
    jest.isolateModules(() => {
      jest.doMock('typescript', () => {
        loaded = true;
        return jest.requireActual('typescript');
      });
      const core = require('../index') as typeof import('../index');
      expect(loaded).toBe(false);
      core.extractUsageFromSource('app.ts', "fetch('/api/users');");
      expect(loaded).toBe(true);
    });
  });
});
