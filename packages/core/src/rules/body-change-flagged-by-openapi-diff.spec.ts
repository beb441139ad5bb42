import { api, diffDocuments, get, obj, post, ruleIds } from '../diff/diff-test-kit';

const ask = { secondOpinion: {} };
const closed = (schema: Record<string, unknown>) => ({ ...schema, additionalProperties: false });

describe('body-change-flagged-by-openapi-diff', () => {
  it('reports a response body openapi-diff calls broken when no rule of ours explains it', () => {
    // The response may now carry properties it never had: strict clients reject them; no rule of ours watches `additionalProperties` in responses.
    const base = api({ '/users/{id}': { get: get(closed(obj({ id: { type: 'string' } }))) } });
    const head = api({ '/users/{id}': { get: get(obj({ id: { type: 'string' } })) } });
    expect(ruleIds(base, head)).toEqual([]);
    const changes = diffDocuments(base, head, ask);
    expect(changes.map((change) => [change.ruleId, change.operation, change.status, change.usage, change.severity])).toEqual([
      ['body-change-flagged-by-openapi-diff', 'GET /users/{id}', '200', 'call', 'error'],
    ]);
    expect(changes[0].message).toBe('GET /users/{id}: the 200 response body (application/json) can return values it could not return before, says openapi-diff; no rule of contract-graph names the field');
    // The finding points at the head's schema of that body.
    expect(changes[0].specLocation).toMatchObject({ file: 'openapi.json', line: 15 });
  });

  it('stays quiet when one of our rules already names the breaking change', () => {
    const base = api({ '/users': { post: post(obj({ age: { type: 'integer' } })) } });
    const head = api({ '/users': { post: post(obj({ age: { type: 'string' } })) } });
    expect(ruleIds(base, head, ask)).toEqual(['request-property-type-changed']);
  });

  it('still reports a body when our breaking findings in that operation concern something else: a header, a parameter, another status', () => {
    const header = { 'X-Rate': { required: true, schema: { type: 'integer' } } };
    const response = (schema: Record<string, unknown>, headers?: Record<string, unknown>) => ({ description: 'ok', ...(headers ? { headers } : {}), content: { 'application/json': { schema } } });
    const parameter = (required: boolean) => [{ name: 'q', in: 'query', required, schema: { type: 'string' } }];
    const base = api({ '/users/{id}': { get: { parameters: parameter(false), responses: { '200': response(closed(obj({ id: { type: 'string' } })), header), '201': response(obj({ id: { type: 'string' }, name: { type: 'string' } })) } } } });
    const head = api({ '/users/{id}': { get: { parameters: parameter(true), responses: { '200': response(obj({ id: { type: 'string' } })), '201': response(obj({ id: { type: 'string' } })) } } } });
    const changes = diffDocuments(base, head, ask);
    expect(changes.map((change) => `${change.ruleId} ${change.status ?? ''}`)).toEqual([
      'body-change-flagged-by-openapi-diff 200',
      'request-parameter-became-required ',
      'response-header-removed 200',
      'response-property-removed 201',
    ]);
  });

  it('stays quiet on a new optional request property, at the top or nested (openapi-diff alone calls it a narrowing)', () => {
    const order = (extra: Record<string, unknown>, item: Record<string, unknown> = {}) => obj({ sku: { type: 'string' }, qty: { type: 'integer' }, item: obj({ id: { type: 'string' }, ...item }), ...extra });
    const base = api({ '/orders': { post: post(order({})) } });
    expect(ruleIds(base, api({ '/orders': { post: post(order({ gift: { type: 'boolean' } })) } }), ask)).toEqual([]);
    expect(ruleIds(base, api({ '/orders': { post: post(order({}, { note: { type: 'string', maxLength: 10 } })) } }), ask)).toEqual([]);
    // Where the base constrained undeclared properties, a new one of another type does narrow what is accepted.
    const typed = (extra: Record<string, unknown>) => ({ ...obj({ sku: { type: 'string' }, ...extra }), additionalProperties: { type: 'string' } });
    expect(ruleIds(api({ '/orders': { post: post(typed({})) } }), api({ '/orders': { post: post(typed({ gift: { type: 'boolean' } })) } }), ask)).toEqual(['body-change-flagged-by-openapi-diff']);
  });

  it('knows OpenAPI readOnly: a new required read-only property does not narrow what a request may send', () => {
    const base = api({ '/users': { post: post(obj({ name: { type: 'string' } })) } });
    const head = api({ '/users': { post: post(obj({ name: { type: 'string' }, id: { type: 'string', readOnly: true } }, ['id'])) } });
    expect(ruleIds(base, head, ask)).toEqual([]);
  });

  it('stays quiet on an inline schema moved into components', () => {
    const base = api({ '/a': { get: get(closed(obj({ a: { type: 'string' } }))) } });
    const head = api({ '/a': { get: get({ $ref: '#/components/schemas/A' }) } }, { components: { schemas: { A: closed(obj({ a: { type: 'string' } })) } } });
    expect(diffDocuments(base, head, ask)).toEqual([]);
  });
});
