import { checkConsumer } from '../check/check-consumer';
import { loadSpec } from '../spec/load-spec';
import { listOperations } from '../spec/operations';

const SPEC = JSON.stringify({ openapi: '3.0.3', info: { title: 'T', version: '1.0.0' }, paths: { '/users/{id}': { get: { responses: { '200': { description: 'ok' } } } } } });
const spec = loadSpec('openapi.json', () => SPEC);
const versions = { name: 'users-api', file: 'openapi.json', head: { spec, operations: listOperations(spec) } };
const call = (url: string) => ({ method: 'GET', urlTemplate: url, client: 'fetch', location: { file: 'a.ts', line: 1, column: 1 }, responseFields: [], requestFields: [] });

describe('consumer-unknown-operation', () => {
  it('reports a call that matches no operation, with a suggestion', () => {
    const ids = checkConsumer('web', { calls: [call('/users/{}/plann')], problems: [] }, [versions]).findings.map((finding) => finding.ruleId);
    expect(ids).toEqual(['consumer-unknown-operation']);
  });

  it('stays quiet on a call that matches', () => {
    expect(checkConsumer('web', { calls: [call('/users/{}')], problems: [] }, [versions]).findings).toEqual([]);
  });
});
