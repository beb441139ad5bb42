import { api, diffDocuments, get, obj, ruleIds } from '../diff/diff-test-kit';

const freeForm = { responses: { '200': { description: 'ok', content: { 'application/json': {} } } } };

describe('response-body-schema-removed', () => {
  it('reports a response body that lost its schema, as a warning matched to readers', () => {
    const [change] = diffDocuments(api({ '/a': { get: get(obj({ id: { type: 'string' } })) } }), api({ '/a': { get: freeForm } }));
    expect(change).toMatchObject({ ruleId: 'response-body-schema-removed', severity: 'warning', usage: 'read', status: '200', message: 'GET /a: the application/json body of response 200 no longer has a schema, so it may be anything' });
  });

  it('stays quiet on a free-form response body that gains a schema', () => {
    expect(ruleIds(api({ '/a': { get: freeForm } }), api({ '/a': { get: get(obj({ id: { type: 'string' } })) } }))).toEqual([]);
  });
});
