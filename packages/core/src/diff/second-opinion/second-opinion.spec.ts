import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { loadSpec } from '../../spec/load-spec';
import { listOperations } from '../../spec/operations';
import { api, get, obj, post } from '../diff-test-kit';
import { diffSpecs } from '../diff-specs';
import { bodiesDocument } from './bodies-document';
import { locateBodyDifference } from './second-opinion';
import { runOpenApiDiff } from './run-openapi-diff';

type Json = Record<string, unknown>;
const index = (document: Json, file = 'openapi.json', extra: Record<string, string> = {}) => {
  const spec = loadSpec(file, (name) => (name === file ? JSON.stringify(document, null, 2) : extra[name]));
  return { spec, operations: listOperations(spec) };
};
const closed = (schema: Json) => ({ ...schema, additionalProperties: false });

describe("openapi-diff's second opinion", () => {
  it('shows openapi-diff one ref-free document per operation: its bodies only, from every file of the spec', () => {
    const spec = index(
      api({ '/users/{id}': { parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], get: get({ $ref: 'schemas.json#/User' }, { description: 'Gets a user', 'x-internal': true }) } }),
      'openapi.json',
      { 'schemas.json': JSON.stringify({ User: obj({ id: { type: 'string', description: 'The id', example: 'u1' }, secret: { type: 'string', writeOnly: true } }, ['id', 'secret']) }) },
    );
    expect(bodiesDocument(spec.spec, spec.operations[0])).toEqual({
      kind: 'document',
      document: {
        openapi: '3.0.3',
        info: { title: 'bodies', version: '0' },
        paths: { '/users/{id}': { get: { responses: { '200': { description: 'response', content: { 'application/json': { schema: { type: 'object', properties: { id: { type: 'string' } }, required: ['id'] } } } } } } } },
      },
    });
  });

  it('writes Swagger 2.0 bodies in OpenAPI 3.0 form', () => {
    const swagger = { swagger: '2.0', info: { title: 'T', version: '1' }, paths: { '/a': { post: { parameters: [{ name: 'body', in: 'body', required: true, schema: obj({ a: { type: 'string' } }) }], responses: { '201': { description: 'ok', schema: obj({ id: { type: 'integer' } }) } } } } } };
    const spec = index(swagger);
    const document = bodiesDocument(spec.spec, spec.operations[0]);
    expect(document.kind === 'document' && (document.document as { paths: Json }).paths['/a']).toEqual({
      post: {
        requestBody: { required: true, content: { 'application/json': { schema: obj({ a: { type: 'string' } }) } } },
        responses: { '201': { description: 'response', content: { 'application/json': { schema: obj({ id: { type: 'integer' } }) } } } },
      },
    });
  });

  it('skips, and says why, a body that refers to itself', () => {
    const spec = index(api({ '/tree': { get: get({ $ref: '#/components/schemas/Node' }) } }, { components: { schemas: { Node: obj({ children: { type: 'array', items: { $ref: '#/components/schemas/Node' } } }) } } }));
    expect(bodiesDocument(spec.spec, spec.operations[0])).toEqual({ kind: 'skipped', reason: 'a body refers to itself (openapi-diff cannot compare recursive schemas)' });
  });

  it('skips oneOf alternatives large enough to make openapi-diff run for minutes, with a note naming the operation', () => {
    const wide = (type: string, name: string) => obj(Object.fromEntries(Array.from({ length: 3 }, (_, i) => [`${name}${i}`, { type: i === 0 ? type : 'string' }])));
    const base = index(api({ '/pets': { get: get({ oneOf: [wide('string', 'cat'), wide('integer', 'dog')] }) } }));
    const head = index(api({ '/pets': { get: get({ oneOf: [wide('string', 'cat'), wide('boolean', 'dog')] }) } }));
    const diff = diffSpecs(base, head, { secondOpinion: {} });
    expect(diff.notes).toEqual([
      "openapi.json: openapi-diff did not double-check the bodies of GET /pets: oneOf/anyOf past 3 alternatives or 4 properties between them (openapi-diff's comparison of those grows exponentially).",
    ]);
  });

  it('does not ask about OpenAPI 3.1 specs, which openapi-diff cannot read, and says so', () => {
    const base = index({ ...api({ '/a': { get: get(closed(obj({ a: { type: 'string' } }))) } }), openapi: '3.1.0' });
    const head = index({ ...api({ '/a': { get: get(obj({ a: { type: 'string' } })) } }), openapi: '3.1.0' });
    const diff = diffSpecs(base, head, { secondOpinion: {} });
    expect(diff.changes).toEqual([]);
    expect(diff.notes).toEqual(['openapi.json: request and response bodies were not double-checked by openapi-diff, which reads OpenAPI 3.0 and Swagger 2.0 only (this spec is 3.1).']);
  });

  it('asks only about the operations it is given (a consumer asks about what it calls)', () => {
    const base = index(api({ '/a': { get: get(closed(obj({ a: { type: 'string' } }))) }, '/b': { get: get(closed(obj({ b: { type: 'string' } }))) } }));
    const head = index(api({ '/a': { get: get(obj({ a: { type: 'string' } })) }, '/b': { get: get(obj({ b: { type: 'string' } })) } }));
    const asked = diffSpecs(base, head, { secondOpinion: { operations: new Set(['GET /b']) } });
    expect(asked.changes.map((change) => change.operation)).toEqual(['GET /b']);
  });

  it('asks about at most maxOperations operations per diff, in order, and counts the rest in a note', () => {
    const paths = (schema: (name: string) => Json) => Object.fromEntries(['a', 'b', 'c'].map((name) => [`/${name}`, { get: get(schema(name)) }]));
    const base = index(api(paths((name) => closed(obj({ [name]: { type: 'string' } })))));
    const head = index(api(paths((name) => obj({ [name]: { type: 'string' } }))));
    const diff = diffSpecs(base, head, { secondOpinion: { maxOperations: 2 } });
    expect(diff.changes.map((change) => change.operation)).toEqual(['GET /a', 'GET /b']);
    expect(diff.notes).toEqual(['openapi.json: 1 of 3 operations with body changes and no breaking finding of ours were not double-checked by openapi-diff (it is asked about 2 per diff, in path order; our rules checked them all).']);
  });

  it('leaves operations whose bodies did not change to our rules alone', () => {
    const base = index(api({ '/a': { post: post(obj({ a: { type: 'string' } }), { parameters: [{ name: 'q', in: 'query', schema: { type: 'string' } }] }) } }));
    const head = index(api({ '/a': { post: post(obj({ a: { type: 'string' } }), { parameters: [{ name: 'q', in: 'query', required: true, schema: { type: 'string' } }] }) } }));
    const diff = diffSpecs(base, head, { secondOpinion: {} });
    expect(diff.changes.map((change) => change.ruleId)).toEqual(['request-parameter-became-required']);
    expect(diff.notes).toEqual([]);
  });

  it('does not ask about an operation whose changed bodies all have a breaking finding of ours already', () => {
    // With room for no operation at all, every operation it would ask about is counted in a note.
    const base = index(api({ '/a': { get: get(obj({ a: { type: 'string' }, b: { type: 'string' } })) }, '/c': { get: get(closed(obj({ c: { type: 'string' } }))) } }));
    const head = index(api({ '/a': { get: get(obj({ a: { type: 'string' } })) }, '/c': { get: get(obj({ c: { type: 'string' } })) } }));
    const diff = diffSpecs(base, head, { secondOpinion: { maxOperations: 0 } });
    expect(diff.changes.map((change) => `${change.operation} ${change.ruleId}`)).toEqual(['GET /a response-property-removed']);
    expect(diff.notes).toEqual(['openapi.json: 1 of 1 operations with body changes and no breaking finding of ours were not double-checked by openapi-diff (it is asked about 0 per diff, in path order; our rules checked them all).']);
  });

  it('does not report a media type the request body only gained (openapi-diff compares it with the old one and calls it broken)', () => {
    const body = (content: Json) => ({ requestBody: { required: true, content }, responses: { '204': { description: 'done' } } });
    const text = { 'text/plain': { schema: { type: 'string' } } };
    const base = api({ '/a': { post: body(text) } });
    const head = api({ '/a': { post: body({ ...text, 'application/json': { schema: obj({ a: { type: 'string' } }) } }) } });
    expect(runOpenApiDiff([{ key: 'POST /a', base, head }], { perJobMs: 5_000, totalMs: 60_000 })).toEqual([
      { key: 'POST /a', kind: 'compared', breaking: [{ code: 'request.body.scope.remove', location: 'paths./a.post.requestBody.content.application/json.schema' }] },
    ]);
    expect(diffSpecs(index(base), index(head), { secondOpinion: {} }).changes).toEqual([]);
  });

  it('reads the body openapi-diff names from its locations, media types with dots included', () => {
    expect(locateBodyDifference('response.body.scope.add', 'paths./v1.0/users/{id}.get.responses.200.content.application/vnd.github.v3+json.schema')).toEqual({ side: 'response', status: '200', mediaType: 'application/vnd.github.v3+json' });
    expect(locateBodyDifference('request.body.scope.remove', 'paths./users.post.requestBody.content.application/json.schema')).toEqual({ side: 'request', mediaType: 'application/json' });
    expect(locateBodyDifference('response.status-code.remove', 'paths./users.get.responses.404')).toBeUndefined();
  });

  it('stops an operation past its time budget, says so, and goes on with the next in a fresh worker', () => {
    // Two oneOf alternatives of five distinct properties each: openapi-diff's comparison takes ~40 s.
    const wide = (type: string, name: string) => obj(Object.fromEntries(Array.from({ length: 5 }, (_, i) => [`${name}${i}`, { type: i === 0 ? type : 'string' }])), [`${name}0`]);
    const document = (schema: Json) => api({ '/slow': { get: get(schema) } });
    const slow = { key: 'GET /slow', base: document({ oneOf: [wide('string', 'cat'), wide('string', 'dog')] }), head: document({ oneOf: [wide('string', 'cat'), wide('integer', 'dog')] }) };
    const quick = { key: 'GET /quick', base: document(closed(obj({ a: { type: 'string' } }))), head: document(obj({ a: { type: 'string' } })) };
    const outcomes = runOpenApiDiff([slow, quick], { perJobMs: 1_500, totalMs: 60_000 });
    expect(outcomes.map((outcome) => [outcome.key, outcome.kind])).toEqual([
      ['GET /slow', 'timed-out'],
      ['GET /quick', 'compared'],
    ]);
    expect(outcomes[1].kind === 'compared' && outcomes[1].breaking.map((difference) => difference.code)).toEqual(['response.body.scope.add']);
  });

  it('survives a worker that dies in the middle of a job: that job is unanswered, the next gets a new worker', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-openapi-diff-'));
    try {
      // A stand-in for openapi-diff that crashes its thread the way an out-of-memory error would.
      const crashing = path.join(dir, 'crashing-openapi-diff.js');
      fs.writeFileSync(crashing, "exports.diffSpecs = () => { setTimeout(() => { throw new Error('worker died'); }); return new Promise(() => {}); };\n");
      const document = api({ '/a': { get: get(obj({ a: { type: 'string' } })) } });
      const job = { key: 'GET /a', base: document, head: document };
      expect(runOpenApiDiff([job], { perJobMs: 1_000, totalMs: 60_000, startAllowanceMs: 0 }, crashing).map((outcome) => outcome.kind)).toEqual(['timed-out']);
      expect(runOpenApiDiff([job], { perJobMs: 5_000, totalMs: 60_000 }).map((outcome) => outcome.kind)).toEqual(['compared']);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('asks about no more operations once the whole diff has used its time', () => {
    const document = api({ '/a': { get: get(obj({ a: { type: 'string' } })) } });
    const outcomes = runOpenApiDiff([{ key: 'GET /a', base: document, head: document }], { perJobMs: 1_000, totalMs: 0 });
    expect(outcomes).toEqual([{ key: 'GET /a', kind: 'not-asked', totalBudgetMs: 0 }]);
  });
});
