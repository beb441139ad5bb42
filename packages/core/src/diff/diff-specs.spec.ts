import { loadSpec } from '../spec/load-spec';
import { fingerprintOperation } from '../spec/fingerprint';
import { listOperations } from '../spec/operations';
import { diffSpecs } from './diff-specs';
import { api, diffDocuments, get, obj, post, ruleIds } from './diff-test-kit';

describe('diffSpecs', () => {
  it('treats an inline schema and an equivalent $ref (also through allOf) as no change', () => {
    const inline = api({ '/a': { get: get(obj({ a: { type: 'string' }, b: { type: 'integer' } }, ['a'])) } });
    const viaRef = api(
      { '/a': { get: get({ $ref: '#/components/schemas/A' }) } },
      { components: { schemas: { A: { allOf: [{ $ref: '#/components/schemas/Base' }, obj({ b: { type: 'integer' } })] }, Base: obj({ a: { type: 'string' } }, ['a']) } } },
    );
    expect(diffDocuments(inline, viaRef)).toEqual([]);
  });

  it('compares only operations whose resolved fingerprint changed, and ignores descriptions', () => {
    const base = api({ '/a': { get: get(obj({ a: { type: 'string' } })) } });
    const head = api({ '/a': { get: get(obj({ a: { type: 'string', description: 'now documented' } }), { summary: 'x' }) } });
    expect(diffDocuments(base, head)).toEqual([]);
  });

  it('counts an operation as changed when a parameter its path item shares changed, not when the list was only reordered or reworded', () => {
    const id = { name: 'id', in: 'path', required: true, schema: { type: 'string' } };
    const query = (extra: Record<string, unknown>) => ({ name: 'q', in: 'query', schema: { type: 'string' }, ...extra });
    const spec = (parameters: unknown[]) => api({ '/a/{id}': { parameters, get: get(obj({ a: { type: 'string' } })) } });
    const changed = (base: Record<string, unknown>, head: Record<string, unknown>) => {
      const index = (document: Record<string, unknown>) => {
        const loaded = loadSpec('openapi.json', () => JSON.stringify(document));
        return { spec: loaded, operations: listOperations(loaded) };
      };
      return diffSpecs(index(base), index(head)).changedOperations;
    };
    const base = spec([id, query({})]);
    expect(changed(base, spec([query({ description: 'a filter' }), id]))).toEqual([]);
    expect(changed(base, spec([id, query({ required: true })]))).toEqual(['GET /a/{}']);
    expect(ruleIds(base, spec([id, query({ required: true })]))).toEqual(['request-parameter-became-required']);
  });

  it('reports 3.1 type lists that add null as nullable, not as a type change', () => {
    const base = { ...api({ '/a': { get: get(obj({ a: { type: 'string' } })) } }), openapi: '3.1.0' };
    const head = { ...api({ '/a': { get: get(obj({ a: { type: ['string', 'null'] } })) } }), openapi: '3.1.0' };
    expect(ruleIds(base, head)).toEqual(['response-property-became-nullable']);
  });

  it('gives each finding its operation, property path, status and both spec locations', () => {
    const base = api({ '/users/{id}': { get: get(obj({ items: { type: 'array', items: obj({ title: { type: 'string' }, lastLogin: { type: 'string' } }) } })) } });
    const head = api({ '/users/{id}': { get: get(obj({ items: { type: 'array', items: obj({ title: { type: 'string' } }) } })) } });
    const [change] = diffDocuments(base, head);
    expect(change).toMatchObject({
      ruleId: 'response-property-removed',
      severity: 'error',
      direction: 'response',
      operation: 'GET /users/{id}',
      operationKey: 'GET /users/{}',
      property: 'items[].lastLogin',
      status: '200',
      message: "GET /users/{id}: response property 'items[].lastLogin' was removed",
      specLocation: { file: 'openapi.json', pointer: '/paths/~1users~1{id}/get/responses/200/content/application~1json/schema/properties/items/items/properties' },
      baseLocation: { file: 'openapi.json', pointer: '/paths/~1users~1{id}/get/responses/200/content/application~1json/schema/properties/items/items/properties/lastLogin' },
    });
    expect(change.specLocation?.line).toBeGreaterThan(1);
  });

  it('survives recursive schemas, reporting a change once where the cycle starts', () => {
    const node = (extra: Record<string, unknown>) => ({ components: { schemas: { Node: obj({ child: { $ref: '#/components/schemas/Node' }, ...extra }) } } });
    const base = api({ '/a': { get: get({ $ref: '#/components/schemas/Node' }) } }, node({ name: { type: 'string' } }));
    const head = api({ '/a': { get: get({ $ref: '#/components/schemas/Node' }) } }, node({}));
    expect(diffDocuments(base, head).map((change) => change.property)).toEqual(['name']);
  });

  it('tells a change in a recursive body where the body comes back to itself, per body, sorted', () => {
    const ref = (name: string) => ({ $ref: `#/components/schemas/${name}` });
    const schemas = (sizeType: string) => ({
      components: {
        schemas: {
          Page: obj({ root: ref('Node') }),
          Node: obj({ size: { type: sizeType }, children: { type: 'array', items: ref('Node') }, meta: ref('Meta') }),
          Meta: obj({ owner: ref('Node'), self: ref('Meta') }),
        },
      },
    });
    const spec = (sizeType: string) => api({ '/tree': { get: get(ref('Node')) }, '/page': { get: get(ref('Page')) } }, schemas(sizeType));
    const loops = diffDocuments(spec('integer'), spec('string')).map(({ operation, property, loops }) => ({ operation, property, loops }));
    expect(loops).toEqual([
      {
        operation: 'GET /page',
        property: 'root.size',
        loops: [[{ at: 'root', repeat: 'children[]' }, { at: 'root', repeat: 'meta.owner' }, { at: 'root.meta', repeat: 'self' }]],
      },
      {
        operation: 'GET /tree',
        property: 'size',
        loops: [[{ at: '', repeat: 'children[]' }, { at: '', repeat: 'meta.owner' }, { at: 'meta', repeat: 'self' }]],
      },
    ]);
  });

  it('keeps the loops of each body apart, and lists loops two media types share once', () => {
    const node = (sizeType: string) => obj({ size: { type: sizeType }, children: { type: 'array', items: { $ref: '#/components/schemas/Node' } } });
    const spec = (sizeType: string, xml: Record<string, unknown>) =>
      api(
        { '/tree': { get: { responses: { '200': { description: 'ok', content: { 'application/json': { schema: { $ref: '#/components/schemas/Node' } }, 'application/xml': { schema: xml } } } } } } },
        { components: { schemas: { Node: node(sizeType), Flat: obj({ size: { type: sizeType } }) } } },
      );
    const loopsWith = (xml: Record<string, unknown>) => diffDocuments(spec('integer', xml), spec('string', xml)).map(({ property, loops }) => ({ property, loops }));
    const tree = [[{ at: '', repeat: 'children[]' }]];
    expect(loopsWith({ $ref: '#/components/schemas/Node' })).toEqual([{ property: 'size', loops: tree }]);
    expect(loopsWith({ $ref: '#/components/schemas/Flat' })).toEqual([{ property: 'size', loops: tree }]);
    // The XML body's children are flat: its change below them comes with no loop to fold.
    const flatChildren = obj({ size: { type: 'integer' }, children: { type: 'array', items: { $ref: '#/components/schemas/Flat' } } });
    expect(loopsWith(flatChildren)).toEqual([
      { property: 'children[].size', loops: undefined },
      { property: 'size', loops: tree },
    ]);
  });

  it('reads Swagger 2.0 bodies and parameters', () => {
    const swagger = (type: string) => ({ swagger: '2.0', info: { title: 'T', version: '1' }, paths: { '/a': { get: { parameters: [{ name: 'n', in: 'query', type }], responses: { '200': { description: 'ok', schema: obj({ a: { type } }) } } } } } });
    expect(ruleIds(swagger('integer'), swagger('string'))).toEqual(['request-parameter-type-changed', 'response-property-type-changed']);
  });

  it('reports breaking changes of a draft or alpha operation as info, and keeps lifecycle policy findings', () => {
    const spec = (level: string, properties: Record<string, unknown>, extra: Record<string, unknown> = {}) => api({ '/a': { get: get(obj(properties), { 'x-stability-level': level, ...extra }) } });
    const summary = (base: Record<string, unknown>, head: Record<string, unknown>) => diffDocuments(base, head).map((change) => `${change.severity} ${change.ruleId}: ${change.message}`);
    const full = { a: { type: 'string' }, b: { type: 'string' } };
    expect(summary(spec('alpha', full), spec('alpha', { a: { type: 'string' } }))).toEqual(["info response-property-removed: GET /a: response property 'b' was removed (x-stability-level 'alpha': reported as info)"]);
    expect(summary(spec('beta', full), spec('beta', { a: { type: 'string' } }))).toEqual(["error response-property-removed: GET /a: response property 'b' was removed"]);
    expect(summary(spec('draft', full), spec('draft', full, { deprecated: true, 'x-sunset': 'soon' }))).toEqual(["warning sunset-invalid: GET /a: the operation has x-sunset 'soon', which is not a date"]);
  });
});

describe('OpenAPI 3.1: keywords beside a $ref apply together with its target', () => {
  const components = { components: { schemas: { UserIn: obj({ name: { type: 'string' }, nick: { type: 'string' } }), User: obj({ name: { type: 'string' } }) } } };
  const spec = (version: string, request: Record<string, unknown>, response: Record<string, unknown>) =>
    api({ '/users': { post: { ...post({ $ref: '#/components/schemas/UserIn', ...request }, {}, true), responses: get({ $ref: '#/components/schemas/User', ...response }).responses } } }, { ...components, openapi: version });
  const fingerprintOf = (document: Record<string, unknown>) => {
    const loaded = loadSpec('openapi.json', () => JSON.stringify(document));
    return fingerprintOperation(loaded, listOperations(loaded)[0]);
  };

  it('finds changes made through the siblings (required, type) in 3.1, and none in 3.0, which ignores them', () => {
    const base = (version: string) => spec(version, {}, {});
    const head = (version: string) => spec(version, { required: ['nick'] }, { type: ['object', 'null'] });
    expect(ruleIds(base('3.1.0'), head('3.1.0'))).toEqual(['request-property-became-required', 'response-property-became-nullable']);
    expect(ruleIds(base('3.0.3'), head('3.0.3'))).toEqual([]);
  });

  it('leaves a $ref to a parameter or request body as it is: only summary and description may stand beside it there', () => {
    const withRefs = (extra: Record<string, unknown>) =>
      api(
        { '/users': { post: { parameters: [{ $ref: '#/components/parameters/Limit', ...extra }], requestBody: { $ref: '#/components/requestBodies/Body', ...extra }, responses: { '204': { description: 'done' } } } } },
        { openapi: '3.1.0', components: { parameters: { Limit: { name: 'limit', in: 'query', schema: { type: 'integer' } } }, requestBodies: { Body: { content: { 'application/json': { schema: obj({ a: { type: 'string' } }) } } } } } },
      );
    expect(ruleIds(withRefs({}), withRefs({ required: true }))).toEqual([]);
    expect(ruleIds(withRefs({ required: true }), withRefs({}))).toEqual([]);
  });

  it('changes the fingerprint when a sibling keyword changes, and not for prose beside a $ref', () => {
    const plain = fingerprintOf(spec('3.1.0', {}, {}));
    expect(fingerprintOf(spec('3.1.0', { required: ['nick'] }, {}))).not.toBe(plain);
    expect(fingerprintOf(spec('3.1.0', { description: 'who signs up' }, { summary: 'the user' }))).toBe(plain);
    expect(fingerprintOf(spec('3.0.3', { required: ['nick'] }, {}))).toBe(fingerprintOf(spec('3.0.3', {}, {})));
  });
});

describe('Swagger 2.0: consumes, produces, formData and x-nullable', () => {
  const user = (name: Record<string, unknown>) => ({ type: 'object', required: ['name'], properties: { name, nick: { type: 'string', 'x-nullable': true } } });
  const swagger = (root: Record<string, unknown>, upload: Record<string, unknown>, name: Record<string, unknown> = { type: 'string' }) => ({
    swagger: '2.0',
    info: { title: 't', version: '1.0.0' },
    basePath: '/api',
    ...root,
    paths: {
      '/users/{id}': {
        get: { parameters: [{ name: 'id', in: 'path', required: true, type: 'string' }], responses: { '200': { description: 'ok', schema: { $ref: '#/definitions/User' } } } },
        put: { parameters: [{ name: 'id', in: 'path', required: true, type: 'string' }, { name: 'body', in: 'body', required: true, schema: { $ref: '#/definitions/User' } }], responses: { '204': { description: 'ok' } } },
      },
      '/upload': { post: { ...upload, parameters: [{ name: 'file', in: 'formData', type: 'file', required: true }, { name: 'note', in: 'formData', type: 'string' }], responses: { '204': { description: 'ok' } } } },
    },
    definitions: { User: user(name) },
  });
  const json = { produces: ['application/json'], consumes: ['application/json'] };

  it('finds nothing between a spec and its faithful OpenAPI 3.0 conversion (form body, nullable, media types)', () => {
    const converted = api(
      {
        '/users/{id}': {
          get: { parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], responses: get({ $ref: '#/components/schemas/User' }).responses },
          put: { parameters: [{ name: 'id', in: 'path', required: true, schema: { type: 'string' } }], ...post({ $ref: '#/components/schemas/User' }, {}, true) },
        },
        '/upload': { post: post({ type: 'object', required: ['file'], properties: { file: { type: 'string', format: 'binary' }, note: { type: 'string' } } }) },
      },
      { servers: [{ url: '/api' }], components: { schemas: { User: { type: 'object', required: ['name'], properties: { name: { type: 'string' }, nick: { type: 'string', nullable: true } } } } } },
    );
    const multipart = converted as { paths: Record<string, Record<string, { requestBody?: { content: Record<string, unknown> } }>> };
    const body = multipart.paths['/upload'].post.requestBody as { content: Record<string, unknown> };
    body.content = { 'multipart/form-data': body.content['application/json'] };
    expect(diffDocuments(swagger(json, { consumes: ['multipart/form-data'] }), converted)).toEqual([]);
  });

  it('reads media types from produces/consumes (the operation\'s, else the root\'s), a form from formData, and x-nullable as nullable', () => {
    const base = swagger(json, { consumes: ['multipart/form-data'] });
    expect(ruleIds(base, swagger({ ...json, produces: ['application/xml'] }, { consumes: ['multipart/form-data'] }))).toEqual(['response-media-type-removed']);
    expect(ruleIds(base, swagger(json, { consumes: ['application/x-www-form-urlencoded'] }))).toEqual(['request-body-media-type-removed']);
    expect(ruleIds(base, swagger(json, { consumes: ['multipart/form-data'] }, { type: 'string', 'x-nullable': true }))).toEqual(['response-property-became-nullable']);
  });
});
