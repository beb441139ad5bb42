import { api, diffDocuments, get, obj } from '../diff/diff-test-kit';
import { createNodeHasher } from './fingerprint';
import { loadSpec, type LoadedSpec, type SpecNode } from './load-spec';
import { createSameMeaning } from './same-meaning';

type Json = Record<string, unknown>;

const load = (document: Json): LoadedSpec => loadSpec('openapi.json', () => JSON.stringify(document));
const at = (spec: LoadedSpec, pointer: string): SpecNode => ({ file: 'openapi.json', pointer, value: pointer.split('/').slice(1).reduce<unknown>((value, key) => (value as Json | undefined)?.[key.replace(/~1/g, '/')], spec.root?.value) });

/**
 * Both answers for every pair of the given pointers: the side-by-side walk and the hashes. Each
 * pair is asked twice, in order then in reverse order, so answers it remembered are checked too.
 */
function answers(baseDocument: Json, headDocument: Json, pointers: string[]): Array<{ pair: string; same: boolean; hashesEqual: boolean }> {
  const base = load(baseDocument);
  const head = load(headDocument);
  const hashers = { base: createNodeHasher(base), head: createNodeHasher(head) };
  const same = createSameMeaning(base, head, hashers);
  const pairs = pointers.flatMap((b) => pointers.map((h) => [b, h]));
  return [...pairs, ...pairs.reverse()].map(([b, h]) => ({ pair: `${b} ~ ${h}`, same: same(at(base, b), at(head, h)), hashesEqual: hashers.base(at(base, b)) === hashers.head(at(head, h)) }));
}

const schemas = (entries: Json) => ({ components: { schemas: entries } });
const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });

describe('createSameMeaning', () => {
  it.each([
    ['an inline schema and an equal component', api({ '/a': { get: get(obj({ a: { type: 'string' } })) } }, schemas({ A: obj({ a: { type: 'string' } }) })), api({ '/a': { get: get(ref('A')) } }, schemas({ A: obj({ a: { type: 'string' } }) }))],
    ['prose changed, a property named description kept', api({}, schemas({ A: { ...obj({ description: { type: 'string' } }), description: 'x' } })), api({}, schemas({ A: { ...obj({ description: { type: 'integer' } }), description: 'y' } }))],
    ['a cycle entered at another member', api({}, schemas({ A: obj({ b: ref('B') }), B: obj({ a: ref('A') }) })), api({}, schemas({ A: obj({ b: ref('B') }), B: obj({ a: ref('A'), c: { type: 'string' } }) }))],
    ['a self-reference against an unrolled one', api({}, schemas({ A: obj({ next: ref('A') }), B: obj({ next: ref('A') }) })), api({}, schemas({ A: obj({ next: ref('B') }), B: obj({ next: ref('B') }) }))],
    // A is compared first: B is equal while A is open (A is a cycle marker on both sides), not on its own.
    ['a pair equal only inside a cycle', api({}, schemas({ A: { properties: { x: ref('B') }, maxLength: 1 }, B: { properties: { y: ref('A') } } })), api({}, schemas({ A: { properties: { x: ref('B') }, maxLength: 2 }, B: { properties: { y: ref('A') } } }))],
    ['a cycle back to the start against a cycle back to the middle', api({}, schemas({ A: obj({ b: ref('B') }), B: obj({ a: ref('A') }) })), api({}, schemas({ A: obj({ b: ref('B') }), B: obj({ a: ref('B') }) }))],
    ['a dangling ref against another dangling ref', api({}, schemas({ A: obj({ x: ref('Missing') }), B: obj({ x: { type: 'string' } }) })), api({}, schemas({ A: obj({ x: ref('Gone') }), B: obj({ x: ref('Gone') }) }))],
    ['arrays against objects, order of items', api({}, schemas({ A: { enum: ['a', 'b'] }, B: { enum: { 0: 'a', 1: 'b' } } })), api({}, schemas({ A: { enum: ['b', 'a'] }, B: { enum: ['a', 'b'] } }))],
  ])('answers what comparing hashes answers: %s', (_name, baseDocument, headDocument) => {
    const pointers = ['/components/schemas/A', '/components/schemas/B', '/paths/~1a/get'].filter((pointer) => at(load(baseDocument), pointer).value !== undefined && at(load(headDocument), pointer).value !== undefined);
    for (const answer of answers(baseDocument, headDocument, pointers)) expect({ pair: answer.pair, same: answer.same }).toEqual({ pair: answer.pair, same: answer.hashesEqual });
  });

  it('tells a cycle back to the start from one back to the middle (A → B → A is not A → B → B)', () => {
    const base = load(api({}, schemas({ A: obj({ b: ref('B') }), B: obj({ a: ref('A') }) })));
    const head = load(api({}, schemas({ A: obj({ b: ref('B') }), B: obj({ a: ref('B') }) })));
    const hashers = { base: createNodeHasher(base), head: createNodeHasher(head) };
    expect(hashers.base(at(base, '/components/schemas/A'))).not.toBe(hashers.head(at(head, '/components/schemas/A')));
    expect(createSameMeaning(base, head, hashers)(at(base, '/components/schemas/A'), at(head, '/components/schemas/A'))).toBe(false);
  });

  it('finds a changed component changed from every operation that uses it', () => {
    const shared = (type: string) => schemas({ Shared: obj({ id: { type } }), Other: obj({ name: { type: 'string' } }) });
    const paths = { '/a': { get: get(obj({ other: ref('Other'), shared: ref('Shared') })) }, '/b': { get: get(obj({ other: ref('Other'), shared: ref('Shared') })) } };
    const changes = diffDocuments(api(paths, shared('integer')), api(paths, shared('string')));
    expect(changes.map((change) => `${change.operation} ${change.property}`)).toEqual(['GET /a shared.id', 'GET /b shared.id']);
  });

  it('remembers pairs, not components: a base component equal to one head node is still compared with another', () => {
    const base = api({ '/a': { get: get(ref('Shared')) }, '/b': { get: get(ref('Shared')) } }, schemas({ Shared: obj({ id: { type: 'integer' } }) }));
    // /a inlines the old shape (no change); /b still uses the component, which changed.
    const head = api({ '/a': { get: get(obj({ id: { type: 'integer' } })) }, '/b': { get: get(ref('Shared')) } }, schemas({ Shared: obj({ id: { type: 'string' } }) }));
    expect(diffDocuments(base, head).map((change) => `${change.operation} ${change.property}`)).toEqual(['GET /b id']);
  });
});
