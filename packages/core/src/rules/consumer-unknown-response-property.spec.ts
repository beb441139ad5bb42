import { checkConsumer } from '../check/check-consumer';
import { loadSpec } from '../spec/load-spec';
import { listOperations } from '../spec/operations';

const SPEC = JSON.stringify({
  openapi: '3.0.3',
  info: { title: 'T', version: '1.0.0' },
  paths: { '/users': { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: { type: 'object', properties: { name: { type: 'string' } } } } } } } } } },
});
const spec = loadSpec('openapi.json', () => SPEC);
const versions = { name: 'users-api', file: 'openapi.json', head: { spec, operations: listOperations(spec) } };
const reading = (path: string) => ({
  calls: [{ method: 'GET', urlTemplate: '/users', client: 'fetch', location: { file: 'a.ts', line: 1, column: 1 }, responseFields: [{ path, location: { file: 'a.ts', line: 2, column: 3 } }], requestFields: [] }],
  problems: [],
});

describe('consumer-unknown-response-property', () => {
  it('reports a read of a field the spec never defined', () => {
    expect(checkConsumer('web', reading('nmae'), [versions]).findings.map((finding) => finding.ruleId)).toEqual(['consumer-unknown-response-property']);
  });

  it('stays quiet on a defined field', () => {
    expect(checkConsumer('web', reading('name'), [versions]).findings).toEqual([]);
  });
});
