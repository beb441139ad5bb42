import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { ContractSet } from './contracts';

const workspaces: string[] = [];
afterAll(() => workspaces.forEach((root) => fs.rmSync(root, { recursive: true, force: true })));

/** A workspace with one spec; returns a function that checks a body against an operation. */
function contractsFor(spec: object, options = {}) {
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'cg-jest-'));
  workspaces.push(root);
  fs.writeFileSync(path.join(root, 'openapi.json'), JSON.stringify(spec, null, 2));
  const set = new ContractSet(root, () => ['openapi.json'], options);
  return {
    response: (operation: string, body: unknown, status = 200) => {
      const found = set.findOperation(operation);
      if (!found) throw new Error(`no ${operation}`);
      return set.checkResponse(found.contract, found.operation, status, 'application/json', body).problems.map((problem) => problem.message);
    },
    request: (operation: string, body: unknown) => {
      const found = set.findOperation(operation);
      if (!found) throw new Error(`no ${operation}`);
      return set.checkRequest(found.contract, found.operation, undefined, 'application/json', body).problems.map((problem) => problem.message);
    },
  };
}

const json = (schema: object) => ({ content: { 'application/json': { schema } } });
const op = (schema: object) => ({ get: { responses: { 200: { description: 'ok', ...json(schema) } } }, post: { requestBody: json(schema), responses: { 201: { description: 'ok' } } } });

describe('OpenAPI semantics', () => {
  it('3.0 nullable allows null', () => {
    const spec = contractsFor({ openapi: '3.0.3', info: { title: 't', version: '1' }, paths: { '/a': op({ type: 'object', properties: { n: { type: 'string', nullable: true }, m: { type: 'string' } } }) } });
    expect(spec.response('GET /a', { n: null })).toEqual([]);
    expect(spec.response('GET /a', { m: null })).toEqual(['/m must be string, got null']);
  });

  it('3.1 type arrays allow null', () => {
    const spec = contractsFor({ openapi: '3.1.0', info: { title: 't', version: '1' }, paths: { '/a': op({ type: 'object', properties: { n: { type: ['string', 'null'] } } }) } });
    expect(spec.response('GET /a', { n: null })).toEqual([]);
    expect(spec.response('GET /a', { n: 1 })).toEqual(['/n must be string or null, got 1']);
  });

  it('readOnly is not required in requests (and not allowed there in strict mode); writeOnly likewise in responses', () => {
    const schema = { type: 'object', required: ['id', 'password'], properties: { id: { type: 'string', readOnly: true }, password: { type: 'string', writeOnly: true } } };
    const spec = contractsFor({ openapi: '3.0.3', info: { title: 't', version: '1' }, paths: { '/a': op(schema) } });
    expect(spec.request('POST /a', { password: 'x' })).toEqual([]);
    expect(spec.response('GET /a', { id: '1' })).toEqual([]);
    expect(spec.request('POST /a', { id: '1', password: 'x' })).toEqual(['/id is read-only: the server sets it, a request must not send it']);
    expect(spec.response('GET /a', { id: '1', password: 'x' })).toEqual(['/password is write-only: a response must not contain it']);
  });

  it('discriminator with mapping selects the member; allOf members count as listed properties', () => {
    const spec = contractsFor({
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: { '/pets': op({ oneOf: [{ $ref: '#/components/schemas/Cat' }, { $ref: '#/components/schemas/Dog' }], discriminator: { propertyName: 'kind', mapping: { kitty: '#/components/schemas/Cat' } } }) },
      components: {
        schemas: {
          Pet: { type: 'object', required: ['kind'], properties: { kind: { type: 'string' } } },
          Cat: { allOf: [{ $ref: '#/components/schemas/Pet' }, { type: 'object', properties: { lives: { type: 'integer', format: 'int32' } } }] },
          Dog: { allOf: [{ $ref: '#/components/schemas/Pet' }, { type: 'object', required: ['bark'], properties: { bark: { type: 'boolean' } } }] },
        },
      },
    });
    expect(spec.response('GET /pets', { kind: 'kitty', lives: 9 })).toEqual([]);
    expect(spec.response('GET /pets', { kind: 'Dog', bark: true })).toEqual([]);
    expect(spec.response('GET /pets', { kind: 'Dog' })).toEqual(['/bark is required but missing']);
    expect(spec.response('GET /pets', { kind: 'kitty', lives: 9, bark: true })).toEqual(['/bark is not in the contract (unknown property)']);
    expect(spec.response('GET /pets', { kind: 'Cow' })).toEqual(['/kind must be one of "kitty", "Dog", got "Cow"']);
  });

  it('follows $ref cycles by reference', () => {
    const spec = contractsFor({
      openapi: '3.0.3',
      info: { title: 't', version: '1' },
      paths: { '/tree': op({ $ref: '#/components/schemas/Node' }) },
      components: { schemas: { Node: { type: 'object', properties: { name: { type: 'string' }, children: { type: 'array', items: { $ref: '#/components/schemas/Node' } } } } } },
    });
    expect(spec.response('GET /tree', { name: 'a', children: [{ name: 'b', children: [] }] })).toEqual([]);
    expect(spec.response('GET /tree', { name: 'a', children: [{ name: 2 }] })).toEqual(['/children/0/name must be string, got 2']);
  });

  it('checks formats, and allows unlisted properties when strict mode is off', () => {
    const schema = { type: 'object', properties: { at: { type: 'string', format: 'date-time' } } };
    const strict = contractsFor({ openapi: '3.0.3', info: { title: 't', version: '1' }, paths: { '/a': op(schema) } });
    expect(strict.response('GET /a', { at: 'yesterday' })).toEqual([`/at must be a 'date-time' string, got "yesterday"`]);
    const lenient = contractsFor({ openapi: '3.0.3', info: { title: 't', version: '1' }, paths: { '/a': op(schema) } }, { strictResponses: false });
    expect(lenient.response('GET /a', { extra: 1 })).toEqual([]);
    expect(strict.response('GET /a', { extra: 1 })).toEqual(['/extra is not in the contract (unknown property)']);
  });
});
